// Reads an issued credential (JSON or compact JWT) into what its printed form shows, in both languages.
import { localizedText } from '../../credentials/index.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface PrintedCourse {
  name: Bilingual;
  code: string | undefined;
  credits: number | undefined;
  grade: string | undefined;
  term: string | undefined;
  date: string | undefined;
}

export interface PrintedCredentialView {
  id: string;
  kind: 'transcript' | 'qualification' | 'achievement';
  /** The Open Badges achievement type, e.g. BachelorDegree, Diploma, Course. */
  achievementType: string;
  title: Bilingual;
  issuerName: Bilingual;
  holder: string;
  fieldOfStudy: string | undefined;
  level: string | undefined;
  honours: string | undefined;
  grade: string | undefined;
  credits: number | undefined;
  /** When the learning ended or the award was made (YYYY-MM-DD), if the credential says. */
  awardedOn: string | undefined;
  validFrom: string;
  validUntil: string | undefined;
  courses: PrintedCourse[];
  totals: { category: string; credits: number }[];
}

const list = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const both = (v: unknown): Bilingual => ({
  zh: localizedText(v, 'zh') ?? '',
  en: localizedText(v, 'en') ?? '',
});

/** The credential inside what was issued: a JSON document, or the claims of a VC-JOSE JWT. */
export function credentialDocument(serialized: string): Record<string, unknown> {
  const text = serialized.trim();
  if (text.startsWith('{')) return obj(JSON.parse(text));
  const payload = text.split('.')[1] ?? '';
  const claims = obj(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  return claims['vc'] ? obj(claims['vc']) : claims;
}

const QUALIFICATION_TYPES =
  /^(AssociateDegree|BachelorDegree|MasterDegree|DoctoralDegree|Degree|Diploma|Certificate|Certification|CertificateOfCompletion|License)$/;

export function readPrintedCredential(serialized: string): PrintedCredentialView {
  const doc = credentialDocument(serialized);
  const types = list(doc['type']).map(String);
  const subject = obj(list(doc['credentialSubject'])[0]);
  const named = list(subject['identifier'])
    .map(obj)
    .find((i) => i['identityType'] === 'name');
  const holder = str(subject['name']) ?? str(named?.['identityHash']) ?? str(subject['id']) ?? '';
  const achievements = list(subject['achievement']).map(obj);
  const first = achievements[0] ?? {};
  const transcript = types.includes('ClrCredential');
  const achievementType = transcript ? 'Transcript' : (str(first['achievementType']) ?? '');
  const results = list(subject['result'])
    .map((r) => obj(r)['value'])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String);
  const courses: PrintedCourse[] = [];
  if (transcript) {
    const byId = new Map(achievements.map((a) => [a['id'], a]));
    for (const assertion of list(subject['verifiableCredential']).map(obj)) {
      const s = obj(list(assertion['credentialSubject'])[0]);
      const a = obj(s['achievement']);
      const full = byId.get(a['id']) ?? a;
      const grades = list(s['result'])
        .map((r) => obj(r)['value'])
        .filter((v) => typeof v === 'string' || typeof v === 'number')
        .map(String);
      courses.push({
        name: both(full['name']),
        code: str(full['humanCode']),
        credits: num(s['creditsEarned']),
        grade: grades.length ? grades.join(' · ') : undefined,
        term: str(s['term']),
        date: str(s['activityEndDate']),
      });
    }
  }
  const totals = list(subject['creditTotals'])
    .map(obj)
    .map((t) => ({ category: str(t['category']) ?? '', credits: num(t['creditsEarned']) ?? 0 }));
  const isQualification = !transcript && QUALIFICATION_TYPES.test(achievementType);
  return {
    id: str(doc['id']) ?? '',
    kind: transcript ? 'transcript' : isQualification ? 'qualification' : 'achievement',
    achievementType,
    title: both(doc['name'] ?? first['name']),
    issuerName: both(obj(doc['issuer'])['name'] ?? doc['issuer']),
    holder,
    fieldOfStudy: str(first['fieldOfStudy']),
    level: list(first['tag'])
      .map(String)
      .find((t) => t.startsWith('level:'))
      ?.slice('level:'.length),
    // An honours result is listed after the grade (see the builders); a degree has no grade.
    honours: isQualification ? results.at(-1) : undefined,
    grade: isQualification ? undefined : results[0],
    credits: num(subject['creditsEarned']) ?? totals.find((t) => t.category === 'all')?.credits,
    awardedOn: str(subject['activityEndDate']),
    validFrom: str(doc['validFrom']) ?? str(doc['issuanceDate']) ?? '',
    validUntil: str(doc['validUntil']) ?? str(doc['expirationDate']),
    courses,
    totals: totals.filter((t) => t.category !== 'all'),
  };
}
