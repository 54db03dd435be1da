// The credential every credentials bench signs: an Open Badge for one course, numbered per learner.
import { buildCredential, type CredentialRecipe } from '../credentials/index.ts';

export const BENCH_DID = 'did:web:bench.example:institutions:bench-university';

/** What the builder takes for learner i's credential (what the batch issuer's workers build). */
export function benchRecipe(i: number): CredentialRecipe {
  return {
    achievement: {
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      issuer: { id: BENCH_DID, name: { zh: '基准大学', en: 'Bench University' } },
      subject: {
        id: 'did:key:z6MkqT5efJfJcdzedNyParBz8DgdmdKTJUyJwTDePbnoJxgi',
        identifier: `S${i}`,
      },
      achievement: {
        id: 'urn:creditbank:course:cs201',
        type: 'Course',
        name: { zh: '数据结构', en: 'Data Structures' },
        creditsAvailable: 4,
        humanCode: 'CS201',
      },
      result: { creditsEarned: 4, grade: 'A' },
      validFrom: '2024-07-01T00:00:00Z',
    },
  };
}

/** Learner i's credential, built. */
export function benchCredential(i: number): Record<string, unknown> {
  return buildCredential(benchRecipe(i));
}

/** Learner i's bachelor's degree (Open Badges 3.0, achievement type BachelorDegree). */
export function benchDegreeRecipe(i: number): CredentialRecipe {
  return {
    achievement: {
      id: `urn:uuid:00000000-0000-4000-8001-${String(i).padStart(12, '0')}`,
      issuer: { id: BENCH_DID, name: { zh: '基准大学', en: 'Bench University' } },
      subject: {
        id: 'did:key:z6MkqT5efJfJcdzedNyParBz8DgdmdKTJUyJwTDePbnoJxgi',
        identifier: `S${i}`,
      },
      achievement: {
        id: 'urn:creditbank:qualification:bachelor:computer-science',
        type: 'BachelorDegree',
        name: { zh: '计算机科学与技术学士', en: 'Bachelor of Computer Science' },
        creditsAvailable: 160,
        level: 'bachelor',
        fieldOfStudy: 'Computer Science',
        honours: 'cum laude',
      },
      result: { creditsEarned: 162 },
      validFrom: '2024-07-01T00:00:00Z',
      activityStartDate: '2020-09-01',
      activityEndDate: '2024-06-30',
    },
  };
}

/** Learner i's vocational diploma (Open Badges 3.0, achievement type Diploma). */
export function benchDiplomaRecipe(i: number): CredentialRecipe {
  return {
    achievement: {
      id: `urn:uuid:00000000-0000-4000-8002-${String(i).padStart(12, '0')}`,
      issuer: { id: BENCH_DID, name: { zh: '基准大学', en: 'Bench University' } },
      subject: { id: 'did:key:z6MkqT5efJfJcdzedNyParBz8DgdmdKTJUyJwTDePbnoJxgi' },
      achievement: {
        id: 'urn:creditbank:qualification:vocational_diploma:nursing',
        type: 'Diploma',
        name: { zh: '护理专业文凭', en: 'Diploma in Nursing' },
        creditsAvailable: 90,
        fieldOfStudy: 'Nursing',
        criteria: { zh: '修满 90 学分', en: '90 credits completed' },
      },
      result: { creditsEarned: 90 },
      validFrom: '2024-07-01T00:00:00Z',
      evidence: ['urn:uuid:00000000-0000-4000-8000-000000000001'],
    },
  };
}

/** Learner i's transcript: a CLR 2.0 credential listing `courses` courses (our inline context). */
export function benchTranscriptRecipe(i: number, courses = 20): CredentialRecipe {
  return {
    transcript: {
      id: `urn:uuid:00000000-0000-4000-8003-${String(i).padStart(12, '0')}`,
      issuer: { id: BENCH_DID, name: { zh: '基准大学', en: 'Bench University' } },
      subject: {
        id: 'did:key:z6MkqT5efJfJcdzedNyParBz8DgdmdKTJUyJwTDePbnoJxgi',
        identifier: `S${i}`,
      },
      entries: Array.from({ length: courses }, (_, c) => ({
        achievement: {
          id: `urn:creditbank:course:cs${100 + c}`,
          type: 'Course' as const,
          name: { zh: `课程 ${c + 1}`, en: `Course ${c + 1}` },
          creditsAvailable: 3,
          humanCode: `CS${100 + c}`,
        },
        creditsEarned: 3,
        grade: ['A', 'B+', 'B', 'A-'][c % 4]!,
        endDate: `202${1 + (c % 4)}-06-30`,
        term: `202${1 + (c % 4)}-spring`,
      })),
      totals: {
        creditsEarned: 3 * courses,
        byCategory: [
          { category: 'major', creditsEarned: 2 * courses },
          { category: 'general', creditsEarned: courses },
        ],
      },
      validFrom: '2024-07-01T00:00:00Z',
    },
  };
}
