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
