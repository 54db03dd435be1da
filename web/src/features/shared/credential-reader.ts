// Reads a credential (JSON or a compact JWT) into what a person needs to see: who, what, when, courses.
export type Lang = 'zh' | 'en';

/** A JSON-LD text value: a string, a language map entry or a list of them. */
export function ldText(value: unknown, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  let fallback = '';
  for (const v of values) {
    if (typeof v === 'string') {
      fallback ||= v;
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const text = o['@value'];
      if (typeof text !== 'string') continue;
      if (typeof o['@language'] === 'string' && o['@language'].toLowerCase().startsWith(lang))
        return text;
      fallback ||= text;
    }
  }
  return fallback;
}

const list = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export interface CourseLine {
  name: string;
  code: string | undefined;
  credits: number | undefined;
  grade: string | undefined;
  term: string | undefined;
  date: string | undefined;
}

export interface ReadableCredential {
  id: string | undefined;
  types: string[];
  kind: 'transcript' | 'qualification' | 'achievement' | 'presentation' | 'other';
  name: string;
  issuerId: string | undefined;
  issuerName: string;
  holder: string | undefined;
  achievementType: string | undefined;
  fieldOfStudy: string | undefined;
  level: string | undefined;
  validFrom: string | undefined;
  validUntil: string | undefined;
  credits: number | undefined;
  grade: string | undefined;
  courses: CourseLine[];
  evidence: string[];
  /** For a presentation: the credentials inside. */
  inner: ReadableCredential[];
}

/** The payload of a compact JWS, or undefined when it is not one. */
export function jwtPayload(text: string): Record<string, unknown> | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 3) return undefined;
  try {
    const b64 = parts[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    return obj(JSON.parse(json));
  } catch {
    return undefined;
  }
}

function results(subject: Record<string, unknown>): string | undefined {
  const values = list(subject['result'])
    .map((r) => obj(r)['value'])
    .filter((v) => v !== undefined && v !== null)
    .map(String);
  return values.length ? values.join(' · ') : undefined;
}

export function readCredential(doc: Record<string, unknown>, lang: Lang): ReadableCredential {
  const types = list(doc['type']).map(String);
  const issuer = obj(doc['issuer']);
  const subject = obj(list(doc['credentialSubject'])[0]);
  const named = list(subject['identifier'])
    .map(obj)
    .find((i) => i['identityType'] === 'name');
  const holder =
    ldText(subject['name'], lang) ||
    (named ? String(named['identityHash']) : undefined) ||
    (subject['id'] as string | undefined);
  const achievements = list(subject['achievement']).map(obj);
  const first = achievements[0] ?? {};
  const isTranscript = types.includes('ClrCredential');
  const isPresentation = types.includes('VerifiablePresentation');
  const achievementType =
    typeof first['achievementType'] === 'string' ? first['achievementType'] : undefined;
  const qualification =
    !isTranscript &&
    achievementType !== undefined &&
    /Degree|Diploma|Certificate|Associate|Bachelor|Master|Doctor/i.test(achievementType) &&
    achievementType !== 'Course';
  const courses: CourseLine[] = [];
  if (isTranscript) {
    const byId = new Map(achievements.map((a) => [a['id'], a]));
    for (const assertion of list(subject['verifiableCredential']).map(obj)) {
      const s = obj(list(assertion['credentialSubject'])[0]);
      const a = obj(s['achievement']);
      const full = byId.get(a['id']) ?? a;
      courses.push({
        name: ldText(full['name'], lang),
        code: typeof full['humanCode'] === 'string' ? full['humanCode'] : undefined,
        credits: typeof s['creditsEarned'] === 'number' ? s['creditsEarned'] : undefined,
        grade: results(s),
        term: typeof s['term'] === 'string' ? s['term'] : undefined,
        date: typeof s['activityEndDate'] === 'string' ? s['activityEndDate'] : undefined,
      });
    }
  }
  const totals = list(subject['creditTotals'])
    .map(obj)
    .find((c) => c['category'] === 'all');
  return {
    id: typeof doc['id'] === 'string' ? doc['id'] : undefined,
    types,
    kind: isPresentation
      ? 'presentation'
      : isTranscript
        ? 'transcript'
        : qualification
          ? 'qualification'
          : achievements.length
            ? 'achievement'
            : 'other',
    name: ldText(doc['name'], lang) || ldText(first['name'], lang),
    issuerId:
      typeof doc['issuer'] === 'string' ? doc['issuer'] : (issuer['id'] as string | undefined),
    issuerName:
      ldText(issuer['name'], lang) || (typeof doc['issuer'] === 'string' ? doc['issuer'] : ''),
    holder,
    achievementType,
    fieldOfStudy: typeof first['fieldOfStudy'] === 'string' ? first['fieldOfStudy'] : undefined,
    level: list(first['tag'])
      .map(String)
      .find((t) => t.startsWith('level:'))
      ?.slice(6),
    validFrom: (doc['validFrom'] ?? doc['issuanceDate']) as string | undefined,
    validUntil: (doc['validUntil'] ?? doc['expirationDate']) as string | undefined,
    credits:
      typeof subject['creditsEarned'] === 'number'
        ? subject['creditsEarned']
        : typeof totals?.['creditsEarned'] === 'number'
          ? totals['creditsEarned']
          : undefined,
    grade: isTranscript ? undefined : results(subject),
    courses,
    evidence: list(doc['evidence']).map((e) => String(obj(e)['id'] ?? e)),
    inner: isPresentation
      ? list(doc['verifiableCredential']).map((c) =>
          readCredential(typeof c === 'string' ? (jwtPayload(c) ?? {}) : obj(c), lang),
        )
      : [],
  };
}

/** Parses what a person pasted or dropped: a JSON credential or presentation, or a compact JWT. */
export function parseCredentialText(
  text: string,
): { json?: Record<string, unknown>; jwt?: string } | undefined {
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      return { json: obj(JSON.parse(t)) };
    } catch {
      return undefined;
    }
  }
  return jwtPayload(t) ? { jwt: t } : undefined;
}
