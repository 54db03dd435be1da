// Unsigned VC 2.0 credentials: Open Badges 3.0 AchievementCredentials and CLR 2.0 transcripts.
import { CLR_V2_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts/index.ts';

/** Text in both of the product's languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** A JSON-LD value object: how VC 2.0 (section 11.1) carries one string per language. */
export interface LanguageValue {
  '@value': string;
  '@language': string;
}

export type AchievementType =
  | 'Achievement'
  | 'AssociateDegree'
  | 'Award'
  | 'BachelorDegree'
  | 'Badge'
  | 'Certificate'
  | 'CertificateOfCompletion'
  | 'Certification'
  | 'Competency'
  | 'Course'
  | 'Degree'
  | 'Diploma'
  | 'DoctoralDegree'
  | 'LearningProgram'
  | 'License'
  | 'MasterDegree'
  | 'MicroCredential'
  | `ext:${string}`;

export interface IssuerInput {
  id: string;
  name: LocalizedText;
}

export interface SubjectInput {
  /** The holder's DID (did:key), when the learner has one. */
  id?: string;
  name?: string;
  /** A student or national id number, carried as a plain (unhashed) IdentityObject. */
  identifier?: string;
}

export interface AchievementInput {
  id: string;
  type: AchievementType;
  name: LocalizedText;
  description?: LocalizedText;
  creditsAvailable?: number;
  level?: string;
  fieldOfStudy?: string;
  honours?: string;
  criteria?: LocalizedText | string;
  /** A course code or similar human-readable code. */
  humanCode?: string;
}

export interface ResultInput {
  creditsEarned?: number;
  grade?: string;
}

/**
 * Credit totals are not an Open Badges or CLR term, so they get their own small, protected context.
 * The IRIs are URNs we control; the OB creditsEarned IRI is reused for the number itself.
 */
export const CREDITBANK_CONTEXT = {
  '@protected': true,
  creditTotals: { '@id': 'urn:creditbank:vocab:creditTotals', '@container': '@set' },
  CreditTotal: {
    '@id': 'urn:creditbank:vocab:CreditTotal',
    '@context': {
      '@protected': true,
      id: '@id',
      type: '@type',
      category: { '@id': 'urn:creditbank:vocab:category' },
      creditsEarned: {
        '@id': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned',
        '@type': 'https://www.w3.org/2001/XMLSchema#float',
      },
    },
  },
} as const;

/** Both languages as VC 2.0 language value objects: they expand without any extra term. */
export function localized(text: LocalizedText): LanguageValue[] {
  return [
    { '@value': text.zh, '@language': 'zh' },
    { '@value': text.en, '@language': 'en' },
  ];
}

/**
 * Reads one language out of a name or description: a plain string, a value object, or a list of them.
 *
 * @param value - The JSON-LD value.
 * @param language - 'zh' or 'en'.
 * @returns The text in that language, else the first text found, else undefined.
 */
export function localizedText(value: unknown, language: 'zh' | 'en'): string | undefined {
  if (typeof value === 'string') return value;
  const values = (Array.isArray(value) ? value : [value]) as unknown[];
  let fallback: string | undefined;
  for (const entry of values) {
    if (typeof entry === 'string') {
      fallback ??= entry;
      continue;
    }
    if (entry && typeof entry === 'object') {
      const text = (entry as Record<string, unknown>)['@value'];
      const lang = (entry as Record<string, unknown>)['@language'];
      if (typeof text !== 'string') continue;
      if (typeof lang === 'string' && lang.toLowerCase().split('-')[0] === language) return text;
      fallback ??= text;
    }
  }
  return fallback;
}

function profile(issuer: IssuerInput): Record<string, unknown> {
  return { id: issuer.id, type: ['Profile'], name: localized(issuer.name) };
}

function identityObjects(subject: SubjectInput): Record<string, unknown>[] {
  const identities: Record<string, unknown>[] = [];
  if (subject.identifier) {
    identities.push({
      type: 'IdentityObject',
      identityType: 'studentId',
      hashed: false,
      identityHash: subject.identifier,
    });
  }
  if (subject.name) {
    identities.push({
      type: 'IdentityObject',
      identityType: 'name',
      hashed: false,
      identityHash: subject.name,
    });
  }
  return identities;
}

function achievementNode(achievement: AchievementInput, issuerId: string): Record<string, unknown> {
  const description = achievement.description ?? achievement.name;
  const criteria = achievement.criteria ?? description;
  const node: Record<string, unknown> = {
    id: achievement.id,
    type: ['Achievement'],
    achievementType: achievement.type,
    name: localized(achievement.name),
    description: localized(description),
    criteria: { narrative: typeof criteria === 'string' ? criteria : localized(criteria) },
    creator: { id: issuerId, type: ['Profile'] },
  };
  if (achievement.creditsAvailable !== undefined)
    node['creditsAvailable'] = achievement.creditsAvailable;
  if (achievement.fieldOfStudy) node['fieldOfStudy'] = achievement.fieldOfStudy;
  if (achievement.humanCode) node['humanCode'] = achievement.humanCode;
  // Open Badges has no level term; a tag keeps it machine-readable without inventing one.
  if (achievement.level) node['tag'] = [`level:${achievement.level}`];
  return node;
}

function subjectResults(
  result: ResultInput | undefined,
  honours: string | undefined,
): Record<string, unknown>[] {
  const results: Record<string, unknown>[] = [];
  if (result?.grade !== undefined) results.push({ type: ['Result'], value: result.grade });
  if (honours) results.push({ type: ['Result'], value: honours });
  return results;
}

function withValidity(
  credential: Record<string, unknown>,
  options: {
    validFrom: string | Date;
    validUntil?: string | Date | undefined;
    credentialStatus?: object[] | undefined;
  },
): Record<string, unknown> {
  credential['validFrom'] = isoDate(options.validFrom);
  if (options.validUntil !== undefined) credential['validUntil'] = isoDate(options.validUntil);
  if (options.credentialStatus && options.credentialStatus.length > 0) {
    credential['credentialStatus'] =
      options.credentialStatus.length === 1
        ? options.credentialStatus[0]
        : options.credentialStatus;
  }
  return credential;
}

/** XML Schema dateTimeStamp without milliseconds, the form the VC libraries check. */
export function isoDate(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new TypeError(`Invalid date "${String(value)}".`);
  return `${date.toISOString().slice(0, 19)}Z`;
}

export interface AchievementCredentialInput {
  id: string;
  issuer: IssuerInput;
  subject: SubjectInput;
  achievement: AchievementInput;
  result?: ResultInput;
  validFrom: string | Date;
  validUntil?: string | Date;
  credentialStatus?: object[];
  /** Ids (URLs or URNs) of the achievements this one rests on. */
  evidence?: string[];
  /** Start and end of the learning activity (xsd:date, YYYY-MM-DD). */
  activityStartDate?: string;
  activityEndDate?: string;
  term?: string;
}

/**
 * Builds an unsigned Open Badges 3.0 AchievementCredential (VC Data Model 2.0).
 *
 * @param options.id - The credential id (a URL or urn:uuid).
 * @param options.issuer - The institution: its DID and its name in zh and en.
 * @param options.subject - The learner: holder DID, name, identifier (all optional).
 * @param options.achievement - What was achieved: its id, achievementType, names, credits, level...
 * @param options.result - Credits earned and grade.
 * @param options.validFrom - When it becomes valid.
 * @param options.validUntil - When it expires, if ever.
 * @param options.credentialStatus - BitstringStatusListEntry objects (see statusEntry).
 * @param options.evidence - Ids of the achievements it rests on.
 * @returns The credential, ready for issueCredential.
 */
export function buildAchievementCredential(
  options: AchievementCredentialInput,
): Record<string, unknown> {
  const { id, issuer, subject, achievement, result } = options;
  const credentialSubject: Record<string, unknown> = {};
  if (subject.id) credentialSubject['id'] = subject.id;
  credentialSubject['type'] = ['AchievementSubject'];
  const identities = identityObjects(subject);
  if (identities.length > 0) credentialSubject['identifier'] = identities;
  credentialSubject['achievement'] = achievementNode(achievement, issuer.id);
  if (result?.creditsEarned !== undefined)
    credentialSubject['creditsEarned'] = result.creditsEarned;
  const results = subjectResults(result, achievement.honours);
  if (results.length > 0) credentialSubject['result'] = results;
  if (options.activityStartDate) credentialSubject['activityStartDate'] = options.activityStartDate;
  if (options.activityEndDate) credentialSubject['activityEndDate'] = options.activityEndDate;
  if (options.term) credentialSubject['term'] = options.term;

  const credential: Record<string, unknown> = {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: profile(issuer),
    name: localized(achievement.name),
    credentialSubject,
  };
  withValidity(credential, options);
  if (options.evidence && options.evidence.length > 0) {
    credential['evidence'] = options.evidence.map((evidenceId) => ({
      id: evidenceId,
      type: ['Evidence'],
    }));
  }
  return credential;
}

export interface TranscriptEntryInput {
  achievement: AchievementInput;
  creditsEarned?: number;
  grade?: string;
  startDate?: string;
  endDate?: string;
  term?: string;
}

export interface TranscriptCredentialInput {
  id: string;
  issuer: IssuerInput;
  subject: SubjectInput;
  name?: LocalizedText;
  entries: TranscriptEntryInput[];
  /** Defaults to the sum of the entries' creditsEarned. */
  totals?: {
    creditsEarned: number;
    byCategory?: Array<{ category: string; creditsEarned: number }>;
  };
  validFrom: string | Date;
  validUntil?: string | Date;
  credentialStatus?: object[];
}

/**
 * Builds an unsigned 1EdTech CLR 2.0 ClrCredential: a transcript listing course achievements, each with
 * its credits, grade and dates (as an embedded AchievementCredential), and the credit totals.
 *
 * @param options.id - The credential id.
 * @param options.issuer - The institution.
 * @param options.subject - The learner.
 * @param options.entries - One per course: the achievement, creditsEarned, grade, dates, term.
 * @param options.totals - Credit totals (default: the sum of the entries).
 * @param options.validFrom - When it becomes valid.
 * @returns The credential, ready for issueCredential.
 */
export function buildTranscriptCredential(
  options: TranscriptCredentialInput,
): Record<string, unknown> {
  const { id, issuer, subject, entries } = options;
  const validFrom = isoDate(options.validFrom);
  const assertions = entries.map((entry, index) =>
    buildAchievementCredential({
      id: `${id}#entry-${index + 1}`,
      issuer,
      subject: subject.id ? { id: subject.id } : {},
      achievement: entry.achievement,
      result: {
        ...(entry.creditsEarned !== undefined ? { creditsEarned: entry.creditsEarned } : {}),
        ...(entry.grade !== undefined ? { grade: entry.grade } : {}),
      },
      validFrom: entry.endDate ? isoDate(entry.endDate) : validFrom,
      ...(entry.startDate ? { activityStartDate: entry.startDate.slice(0, 10) } : {}),
      ...(entry.endDate ? { activityEndDate: entry.endDate.slice(0, 10) } : {}),
      ...(entry.term ? { term: entry.term } : {}),
    }),
  );
  const total =
    options.totals?.creditsEarned ??
    entries.reduce((sum, entry) => sum + (entry.creditsEarned ?? 0), 0);
  const creditTotals: Record<string, unknown>[] = [
    { type: 'CreditTotal', category: 'all', creditsEarned: total },
  ];
  for (const { category, creditsEarned } of options.totals?.byCategory ?? []) {
    creditTotals.push({ type: 'CreditTotal', category, creditsEarned });
  }

  const credentialSubject: Record<string, unknown> = {};
  if (subject.id) credentialSubject['id'] = subject.id;
  credentialSubject['type'] = ['ClrSubject'];
  const identities = identityObjects(subject);
  if (identities.length > 0) credentialSubject['identifier'] = identities;
  credentialSubject['achievement'] = entries.map((entry) =>
    achievementNode(entry.achievement, issuer.id),
  );
  credentialSubject['verifiableCredential'] = assertions;
  credentialSubject['creditTotals'] = creditTotals;

  const credential: Record<string, unknown> = {
    '@context': [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT, CREDITBANK_CONTEXT],
    id,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: profile(issuer),
    name: localized(options.name ?? { zh: '成绩单', en: 'Transcript' }),
    credentialSubject,
  };
  return withValidity(credential, options);
}

/**
 * What the builders take, named by the builder: a credential that is still to be built. The batch
 * issuer sends recipes rather than credentials to its workers, which build them there (~0.7 µs): a
 * recipe is a third of the data to copy between threads, and a credential built on the worker is
 * made of objects of the shapes its signing code is optimised for.
 */
export type CredentialRecipe =
  { achievement: AchievementCredentialInput } | { transcript: TranscriptCredentialInput };

/** Builds the credential a recipe describes (the same one, every time, for the same recipe). */
export function buildCredential(recipe: CredentialRecipe): Record<string, unknown> {
  return 'achievement' in recipe
    ? buildAchievementCredential(recipe.achievement)
    : buildTranscriptCredential(recipe.transcript);
}
