// Issuing, revoking and verifying credentials: the rules (who may issue what to whom) around credentials/.
import { randomUUID } from 'node:crypto';
import {
  STATUS_LIST_LENGTH,
  buildCredential,
  buildStatusListCredential,
  createVerifier,
  encodeStatusList,
  hashCredential,
  issueCredential,
  statusEntry,
  CREDENTIAL_FORMATS,
  accreditationTypesOf,
  completeCredential,
  CredentialInputError,
  isUrl,
  type AchievementInput,
  type AchievementType,
  type BatchIssuer,
  type BatchJob,
  type CredentialFormat,
  type CredentialRecipe,
  type DidResolver,
  type DocumentLoader,
  type IssuerRecord,
  type PresentationExpected,
  type PresentationReport,
  type StatusPurpose,
  type VerificationReport,
  type Verifier,
  type VerifierLookups,
  type VerifyPool,
} from '../../credentials/index.ts';
import {
  actorRef,
  canReadWholeRecord,
  requireInstitution,
  requireOperatorOrInstitution,
  requireSignedIn,
  type Actor,
} from '../identity/index.ts';
import type {
  CredentialEvent,
  CredentialKind,
  CredentialRepository,
  InstitutionKey,
  IssuedCredentialRecord,
  StatusSlotRepository,
} from './credential-ports.ts';
import {
  Conflict,
  DomainError,
  Forbidden,
  InputValidationError,
  IntegrityError,
  NotFound,
} from '../shared/index.ts';
import type { InstitutionKeys } from './institution-keys.ts';
import type { InstitutionRegistry } from '../institutions/index.ts';
import { KeyedMutex } from '../shared/index.ts';
import { MAX_JSON_DEPTH, canonicalJson, jsonDepth, sha256Hex } from '../shared/index.ts';
import type { LearnerRegistry } from '../identity/index.ts';
import { currentOf, type LedgerService } from '../ledger/index.ts';
import type {
  AchievementContent,
  AppendRequest,
  Institution,
  Learner,
  LedgerEntry,
} from '../shared/index.ts';
import {
  QUALIFICATION_TYPES,
  boundedString,
  requireOneOf,
  type LocalizedTextInput,
  type QualificationType,
} from '../shared/index.ts';
import { localizedText } from '../shared/index.ts';
import { RefreshingCache } from '../shared/index.ts';

/** Which Open Badges achievement types an accreditation for a qualification type allows. */
export const ACHIEVEMENT_TYPES: Record<QualificationType, AchievementType[] | ['Transcript']> = {
  doctorate: ['DoctoralDegree'],
  master: ['MasterDegree'],
  bachelor: ['BachelorDegree'],
  associate: ['AssociateDegree'],
  vocational_diploma: ['Diploma'],
  vocational_certificate: ['Certificate', 'Certification', 'License'],
  training_certificate: ['CertificateOfCompletion'],
  course_certificate: ['Course', 'Achievement', 'Badge', 'MicroCredential', 'Award', 'Competency'],
  transcript: ['Transcript'],
};

const KIND_TO_TYPE: Record<AchievementContent['kind'], AchievementType> = {
  course: 'Course',
  mooc: 'Course',
  recognized: 'Course',
  vocational_certificate: 'Certificate',
  skills_certificate: 'Certification',
  training: 'CertificateOfCompletion',
  award: 'Award',
  work_experience: 'Achievement',
};

export function accreditedTypes(institution: Institution): string[] {
  return [
    ...new Set(
      institution.accreditation.flatMap((a) => ACHIEVEMENT_TYPES[a.qualificationType] as string[]),
    ),
  ];
}

export type IssueWhat =
  | { kind: 'achievement'; entryId: string }
  | {
      kind: 'transcript';
      entryIds?: string[] | null | undefined;
      name?: LocalizedTextInput | null | undefined;
    }
  | {
      kind: 'qualification';
      qualificationType: string;
      name: LocalizedTextInput;
      level?: number | null | undefined;
      fieldOfStudy?: string | null | undefined;
      honours?: string | null | undefined;
      evidenceEntryIds?: string[] | null | undefined;
      awardedAt?: string | null | undefined;
    }
  /** A credential the institution wrote itself (the W3C VC API): we check, complete and sign it. */
  | {
      kind: 'custom';
      credential: Record<string, unknown>;
      /** ecdsa-sd-2023: JSON pointers the holder must always disclose (checked when signing). */
      mandatoryPointers?: unknown;
    };

export interface IssueRequest {
  institutionId: string;
  learnerId: string;
  what: IssueWhat;
  format?: string | null | undefined;
  /** Your idempotency key: the same key again returns the credential issued the first time. */
  requestKey?: string | null | undefined;
  validUntil?: string | null | undefined;
}

interface Prepared {
  record: Omit<IssuedCredentialRecord, 'serialized' | 'hash' | 'format'>;
  credential: Record<string, unknown>;
  /** What the credential was built from, if a builder built it: what a batch worker is sent. */
  recipe?: CredentialRecipe;
  format: CredentialFormat;
  institution: Institution;
  mandatoryPointers?: unknown;
}

export interface CredentialServiceDeps {
  credentials: CredentialRepository;
  slots: StatusSlotRepository;
  keys: InstitutionKeys;
  institutions: InstitutionRegistry;
  learners: LearnerRegistry;
  ledger: LedgerService;
  documentLoader: DocumentLoader;
  /** Resolves a did:web to its DID document (ours locally; foreign ones if configuration allows). */
  resolveDid: DidResolver;
  kek: Uint8Array;
  publicUrl: string;
  batchIssuer: () => BatchIssuer;
  /** Worker threads to verify on; without them, credentials are verified on this thread. */
  verifyPool?: () => VerifyPool | undefined;
  now?: () => Date;
  /** Bits a status list holds (default and minimum in production: 131,072); small only in tests. */
  statusListLength?: number;
}

const STATUS_PATH = '/status-lists/';
const STATUS_CACHE_MS = 5_000;

/**
 * The indexes whose bit is set in a list of this purpose, from the status changes of its
 * credentials: revoked once is revoked for good; a credential is suspended when its latest
 * suspension or reinstatement is a suspension.
 */
export function flaggedIndexes(
  events: readonly CredentialEvent[],
  purpose: 'revocation' | 'suspension',
): Set<number> {
  const flagged = new Set<number>();
  if (purpose === 'revocation') {
    for (const e of events) if (e.action === 'revoked') flagged.add(e.statusIndex);
    return flagged;
  }
  const latest = new Map<number, CredentialEvent>();
  for (const e of events) {
    if (e.action === 'revoked') continue;
    const seen = latest.get(e.statusIndex);
    if (!seen || seen.at < e.at || (seen.at === e.at && seen.id < e.id))
      latest.set(e.statusIndex, e);
  }
  for (const [index, e] of latest) if (e.action === 'suspended') flagged.add(index);
  return flagged;
}

export class CredentialService {
  readonly #slotMutex = new KeyedMutex();
  readonly #nextSlot = new Map<string, { list: number; index: number }>();
  // Signed status lists by `${institutionId}:${purpose}:${list}`, with the bits they were signed
  // for and the key that signed them.
  readonly #statusLists = new RefreshingCache<
    string,
    { bits: string; keyId: string; serialized: string; etag: string }
  >({ ttlMs: STATUS_CACHE_MS });
  readonly verifier: Verifier;
  readonly #now: () => Date;
  readonly #listLength: number;

  constructor(private readonly d: CredentialServiceDeps) {
    this.#now = d.now ?? (() => new Date());
    this.#listLength = d.statusListLength ?? STATUS_LIST_LENGTH;
    // A list signed with a key since rotated or revoked is signed again with the current one.
    d.keys.onChange(() => this.#statusLists.clear());
    this.verifier = createVerifier({
      documentLoader: d.documentLoader,
      registry: { lookupIssuer: (did) => this.#lookupIssuer(did) },
      keyStatus: (vm) => d.keys.keyStatus(vm),
      fetchStatusList: (url) => this.#localStatusList(url),
      now: this.#now,
    });
  }

  async #lookupIssuer(did: string): Promise<IssuerRecord | null> {
    const institution = await this.d.keys.institutionOf(did);
    if (!institution) return null;
    return {
      name: institution.name,
      status: institution.status,
      accreditedTypes: accreditedTypes(institution),
    };
  }

  /** Our status lists are answered from the database, never over HTTP: as signed, serialised. */
  async #localStatusList(url: string): Promise<string | null> {
    const prefix = `${this.d.publicUrl}${STATUS_PATH}`;
    if (!url.startsWith(prefix)) return null;
    const [slug, purpose, list] = url.slice(prefix.length).split('/');
    try {
      return (await this.statusListCredential(slug ?? '', purpose ?? '', Number(list))).serialized;
    } catch {
      return null;
    }
  }

  // ---- issuing -----------------------------------------------------------------------------------

  async issue(actor: Actor, req: IssueRequest): Promise<IssuedCredentialRecord> {
    const [result] = await this.issueMany(actor, [req]);
    if (!result) throw new Error('no result');
    if ('error' in result) throw result.error;
    return result.credential;
  }

  /**
   * Issues many credentials (a graduating class): prepares each, signs them on worker threads when
   * there are enough to pay for it, stores them and records each in the learner's ledger. Requests
   * whose requestKey was issued before return that credential, so a re-run issues nothing new.
   */
  async issueMany(
    actor: Actor,
    reqs: IssueRequest[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<
    ({ credential: IssuedCredentialRecord; created: boolean } | { error: DomainError })[]
  > {
    // Whoever may not issue for an institution is refused outright, not row by row.
    for (const id of new Set(reqs.map((r) => r.institutionId))) {
      requireInstitution(actor, id, 'credentials:issue');
    }
    const out: (
      { credential: IssuedCredentialRecord; created: boolean } | { error: DomainError }
    )[] = [];
    const prepared: { i: number; p: Prepared }[] = [];
    for (const [i, req] of reqs.entries()) {
      try {
        const existing = req.requestKey
          ? await this.d.credentials.findByRequestKey(
              this.#requestKey(req.institutionId, req.requestKey),
            )
          : null;
        if (existing) {
          requireInstitution(actor, existing.institutionId, 'credentials:issue');
          if (existing.requestHash && existing.requestHash !== requestHash(req)) {
            throw new Conflict(
              `requestKey ${req.requestKey} was used before for another credential (${existing.id})`,
            );
          }
          out[i] = { credential: existing, created: false };
          continue;
        }
        prepared.push({ i, p: await this.#prepare(actor, req) });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        out[i] = { error: err };
      }
    }
    const signed = await this.#sign(
      prepared.map((x) => x.p),
      (done) => onProgress?.(done, reqs.length),
    );
    const ledgerRequests: AppendRequest[] = [];
    for (const [k, { i, p }] of prepared.entries()) {
      const s = signed[k]!;
      const record: IssuedCredentialRecord = {
        ...p.record,
        format: p.format,
        serialized: s,
        hash: hashCredential(s),
      };
      if (!(await this.d.credentials.insert(record))) {
        // Issued concurrently under the same requestKey: that one stands.
        const winner = await this.d.credentials.findByRequestKey(record.requestKey);
        if (winner) out[i] = { credential: winner, created: false };
        else out[i] = { error: new Conflict('Could not store the credential; try again') };
        continue;
      }
      out[i] = { credential: record, created: true };
      ledgerRequests.push(issuedEntry(record));
    }
    // Each issuance is in the learner's ledger under a key derived from the credential id; a
    // credential returned again (a retry after a crash, say) gets its entry if it is missing.
    for (const r of out) {
      if (r && 'credential' in r && !r.created) ledgerRequests.push(issuedEntry(r.credential));
    }
    await this.d.ledger.append(actor, ledgerRequests);
    onProgress?.(reqs.length, reqs.length);
    return out;
  }

  async #sign(items: Prepared[], onProgress: (done: number) => void): Promise<string[]> {
    // One key lookup per institution and key type, however many credentials share them.
    const keys = new Map<string, Promise<InstitutionKey>>();
    const keyFor = (p: Prepared) => {
      const type = p.format === 'eddsa-rdfc-2022' || p.format === 'vc+jwt' ? 'Ed25519' : 'P-256';
      const k = `${p.institution.id}:${type}`;
      let key = keys.get(k);
      if (!key) keys.set(k, (key = this.d.keys.activeKey(p.institution.id, type)));
      return key;
    };
    const signed = await Promise.all(items.map(async (p) => ({ p, key: await keyFor(p) })));
    if (signed.length >= 16 && !items.some((p) => p.mandatoryPointers !== undefined)) {
      // A worker builds what a builder built here: a recipe is less to send than a credential.
      const now = this.#now();
      const jobs: BatchJob[] = signed.map(({ p, key }) =>
        p.recipe
          ? { recipe: p.recipe, format: p.format, key, now }
          : { credential: p.credential, format: p.format, key, now },
      );
      const results = await this.d
        .batchIssuer()
        .issueMany(jobs, this.d.kek, (done) => onProgress(done));
      return results.map((r) => {
        if (!r.ok) throw new Error(`signing failed: ${r.error}`);
        return r.serialized;
      });
    }
    const out: string[] = [];
    for (const { p, key } of signed) {
      const issued = await issueCredential({
        credential: p.credential,
        format: p.format,
        key,
        kek: this.d.kek,
        documentLoader: this.d.documentLoader,
        now: this.#now(),
        ...(p.mandatoryPointers !== undefined ? { mandatoryPointers: p.mandatoryPointers } : {}),
      });
      out.push(issued.serialized);
      onProgress(out.length);
    }
    return out;
  }

  #requestKey(institutionId: string, key: string): string {
    return `${institutionId}:${boundedString(key, 'requestKey', 200)}`;
  }

  #format(format: string | null | undefined): CredentialFormat {
    return requireOneOf(format ?? 'eddsa-rdfc-2022', CREDENTIAL_FORMATS, 'format');
  }

  async #prepare(actor: Actor, req: IssueRequest): Promise<Prepared> {
    requireInstitution(actor, req.institutionId, 'credentials:issue');
    const institution = await this.d.institutions.requireActive(req.institutionId);
    const learner = await this.d.learners.require(req.learnerId);
    // Nothing is signed from a chain that does not verify (hashes, links, latest checkpoint); what
    // stands is read from its hashed bodies, in chain order.
    const current = currentOf((await this.d.ledger.verifiedChain(learner.id)).chain);
    const format = this.#format(req.format);
    // A VC API caller's own credential id is kept (a malformed one is refused when completing it).
    const callerId = req.what.kind === 'custom' ? req.what.credential['id'] : undefined;
    const id = isUrl(callerId) ? callerId : `urn:uuid:${randomUUID()}`;
    const now = this.#now();
    const issuer = { id: this.d.keys.didOf(institution), name: institution.name };
    const subject = { ...(learner.did ? { id: learner.did } : {}), name: learner.name };
    const { list, index } = await this.#allocateSlot(institution.id, id);
    const status = (['revocation', 'suspension'] as const).map((purpose) =>
      statusEntry({ listUrl: this.statusListUrl(institution, purpose, list), index, purpose }),
    );
    const validUntil = req.validUntil ?? undefined;
    if (validUntil && !(Date.parse(validUntil) > now.getTime())) {
      throw new InputValidationError('validUntil must be a future timestamp', {
        field: 'validUntil',
      });
    }
    const common = {
      id,
      issuer,
      subject,
      validFrom: now,
      credentialStatus: status,
      ...(validUntil ? { validUntil } : {}),
    };
    let credential: Record<string, unknown>;
    let recipe: CredentialRecipe | undefined;
    let kind: CredentialKind;
    const what = req.what;
    switch (what.kind) {
      case 'achievement': {
        const { entry, achievement } = this.#entryOf(current, learner, what.entryId, institution);
        recipe = {
          achievement: {
            ...common,
            achievement: this.#achievementOf(entry.id, achievement),
            result: {
              creditsEarned: achievement.credits / 100,
              ...(gradeText(achievement) ? { grade: gradeText(achievement)! } : {}),
            },
            activityEndDate: achievement.earnedAt,
            ...(achievement.term ? { term: achievement.term } : {}),
          },
        };
        credential = buildCredential(recipe);
        kind = 'achievement';
        break;
      }
      case 'transcript': {
        const all = current;
        const chosen = what.entryIds?.length ? new Set(what.entryIds) : null;
        const entries = all.filter((a) => !chosen || chosen.has(a.entry.id));
        if (chosen && entries.length !== chosen.size) {
          throw new NotFound(
            'Ledger entry',
            [...chosen].filter((c) => !entries.some((e) => e.entry.id === c)).join(', '),
          );
        }
        const mayAttestAll = institution.type === 'credit_bank';
        const foreign = entries.filter((e) => e.entry.institutionId !== institution.id);
        if (!mayAttestAll && chosen && foreign.length) {
          throw new Forbidden(
            'A transcript lists only what the issuing institution recorded (the credit bank may list everything)',
          );
        }
        const listed = mayAttestAll
          ? entries
          : entries.filter((e) => e.entry.institutionId === institution.id);
        if (listed.length === 0)
          throw new InputValidationError(
            'There is nothing of this learner to list on a transcript',
          );
        const byCategory = new Map<string, number>();
        for (const e of listed)
          byCategory.set(
            e.achievement.category,
            (byCategory.get(e.achievement.category) ?? 0) + e.achievement.credits,
          );
        recipe = {
          transcript: {
            ...common,
            ...(what.name ? { name: localizedText(what.name, 'name') } : {}),
            entries: listed.map(({ entry, achievement: a }) => ({
              achievement: this.#achievementOf(entry.id, a),
              creditsEarned: a.credits / 100,
              ...(gradeText(a) ? { grade: gradeText(a)! } : {}),
              endDate: a.earnedAt,
              ...(a.term ? { term: a.term } : {}),
            })),
            totals: {
              creditsEarned: listed.reduce((s, e) => s + e.achievement.credits, 0) / 100,
              byCategory: [...byCategory].map(([category, c]) => ({
                category,
                creditsEarned: c / 100,
              })),
            },
          },
        };
        credential = buildCredential(recipe);
        kind = 'transcript';
        break;
      }
      case 'qualification': {
        const qualificationType = requireOneOf(
          what.qualificationType,
          QUALIFICATION_TYPES,
          'qualificationType',
        );
        const scope = institution.accreditation.find(
          (a) => a.qualificationType === qualificationType,
        );
        if (!scope)
          throw new Forbidden(
            `${institution.slug} is not accredited to award ${qualificationType}`,
          );
        if (
          what.level !== null &&
          what.level !== undefined &&
          scope.levels.length &&
          !scope.levels.includes(what.level)
        ) {
          throw new Forbidden(
            `${institution.slug} may award ${qualificationType} only at level ${scope.levels.join(', ')}`,
          );
        }
        const evidence: string[] = [];
        for (const entryId of what.evidenceEntryIds ?? []) {
          this.#entryOf(current, learner, entryId, null);
          evidence.push(`${this.d.publicUrl}/ledger/${encodeURIComponent(entryId)}`);
        }
        recipe = {
          achievement: {
            ...common,
            achievement: {
              id: `${this.d.publicUrl}/institutions/${institution.slug}/qualifications/${qualificationType}`,
              type: (ACHIEVEMENT_TYPES[qualificationType] as AchievementType[])[0]!,
              name: localizedText(what.name, 'name'),
              ...(what.level !== null && what.level !== undefined
                ? { level: String(what.level) }
                : {}),
              ...(what.fieldOfStudy
                ? { fieldOfStudy: boundedString(what.fieldOfStudy, 'fieldOfStudy', 200) }
                : {}),
              ...(what.honours ? { honours: boundedString(what.honours, 'honours', 200) } : {}),
            },
            ...(evidence.length ? { evidence } : {}),
            ...(what.awardedAt ? { activityEndDate: what.awardedAt } : {}),
          },
        };
        credential = buildCredential(recipe);
        kind = 'qualification';
        break;
      }
      case 'custom': {
        credential = this.#completeCustom(what.credential, common);
        kind = accreditationTypesOf(credential).includes('Transcript')
          ? 'transcript'
          : 'achievement';
        break;
      }
    }
    const claimed = accreditationTypesOf(credential);
    const allowed = new Set(accreditedTypes(institution));
    const outside = claimed.filter((t) => !allowed.has(t));
    if (outside.length) {
      throw new Forbidden(
        `${institution.slug} is not accredited to issue ${outside.join(', ')} credentials`,
      );
    }
    return {
      institution,
      format,
      credential,
      ...(recipe ? { recipe } : {}),
      ...(what.kind === 'custom' && what.mandatoryPointers !== undefined
        ? { mandatoryPointers: what.mandatoryPointers }
        : {}),
      record: {
        id,
        institutionId: institution.id,
        learnerId: learner.id,
        kind,
        achievementTypes: claimed,
        statusList: list,
        statusIndex: index,
        revoked: false,
        suspended: false,
        issuedAt: now.toISOString(),
        requestKey: this.#requestKey(institution.id, req.requestKey ?? randomUUID()),
        requestHash: requestHash(req),
        ledgerEntryId: issuedEntryId(institution.id, id),
      },
    };
  }

  /** A ledger entry's achievement, as the builders take it. */
  #achievementOf(entryId: string, a: AchievementContent): AchievementInput {
    return {
      id: `${this.d.publicUrl}/achievements/${encodeURIComponent(a.courseId ?? entryId)}`,
      type: KIND_TO_TYPE[a.kind],
      name: a.title,
      creditsAvailable: a.credits / 100,
      level: String(a.level),
      fieldOfStudy: a.category,
      ...(a.courseCode ? { humanCode: a.courseCode } : {}),
    };
  }

  /** A VC API request's credential: checked as VC Data Model 2.0 (or 1.1) says, then completed. */
  #completeCustom(
    input: Record<string, unknown>,
    common: {
      id: string;
      issuer: { id: string; name: unknown };
      validFrom: Date;
      credentialStatus: object[];
    },
  ): Record<string, unknown> {
    const issuer = input['issuer'];
    const issuerId =
      issuer && typeof issuer === 'object' ? (issuer as { id?: unknown }).id : issuer;
    if (typeof issuerId === 'string' && issuerId !== common.issuer.id) {
      throw new Forbidden(
        `issuer must be ${common.issuer.id}, the DID of the institution you act for`,
      );
    }
    try {
      return completeCredential(input, {
        id: common.id,
        issuer: common.issuer,
        issuedAt: common.validFrom,
        credentialStatus: common.credentialStatus,
      });
    } catch (err) {
      if (!(err instanceof CredentialInputError)) throw err;
      throw new InputValidationError(err.message, {
        field: `credential.${err.property}`,
        problems: err.problems,
      });
    }
  }

  #entryOf(
    current: { entry: LedgerEntry; achievement: AchievementContent }[],
    learner: Learner,
    entryId: string,
    recordedBy: Institution | null,
  ): { entry: LedgerEntry; achievement: AchievementContent } {
    const found = current.find((c) => c.entry.id === entryId);
    if (!found || found.entry.learnerId !== learner.id)
      throw new NotFound('Achievement of this learner', entryId);
    if (recordedBy && found.entry.institutionId !== recordedBy.id) {
      throw new Forbidden('An institution issues credentials only for achievements it recorded');
    }
    return found;
  }

  /**
   * Claims a (list, index) slot without collision: a unique key per slot is the guard across
   * processes; within one, allocation is serialised per institution and remembers where it was.
   */
  async #allocateSlot(
    institutionId: string,
    credentialId: string,
  ): Promise<{ list: number; index: number }> {
    return this.#slotMutex.run([institutionId], async () => {
      let next = this.#nextSlot.get(institutionId);
      if (!next) {
        const list = Math.max(1, await this.d.slots.lastList(institutionId));
        next = { list, index: await this.d.slots.count(institutionId, list) };
      }
      for (let attempt = 0; attempt < 10_000; attempt++) {
        if (next.index >= this.#listLength) next = { list: next.list + 1, index: 0 };
        const slot = { ...next };
        next = { list: next.list, index: next.index + 1 };
        if (await this.d.slots.claim(institutionId, slot.list, slot.index, credentialId)) {
          this.#nextSlot.set(institutionId, next);
          return slot;
        }
      }
      throw new Error('could not allocate a status list slot');
    });
  }

  statusListUrl(
    institution: Pick<Institution, 'slug'>,
    purpose: StatusPurpose,
    list: number,
  ): string {
    return `${this.d.publicUrl}${STATUS_PATH}${institution.slug}/${purpose}/${list}`;
  }

  /**
   * The signed BitstringStatusListCredential of one list; re-signed only when a bit changed. Within
   * a few seconds a list is served as signed (refreshed in the background before then, so no
   * request waits on it); a status change in this process clears it at once.
   */
  async statusListCredential(
    slug: string,
    purposeRaw: string,
    list: number,
  ): Promise<{ serialized: string; etag: string }> {
    const purpose = requireOneOf(purposeRaw, ['revocation', 'suspension'] as const, 'purpose');
    if (!Number.isInteger(list) || list < 1)
      throw new NotFound('Status list', `${slug}/${purpose}/${list}`);
    const institution = await this.d.institutions.findBySlug(slug);
    if (!institution) throw new NotFound('Status list', `${slug}/${purpose}/${list}`);
    const { serialized, etag } = await this.#statusLists.get(
      `${institution.id}:${purpose}:${list}`,
      (key) => this.#signStatusList(key, institution, purpose, list),
    );
    return { serialized, etag };
  }

  async #signStatusList(
    key: string,
    institution: Institution,
    purpose: 'revocation' | 'suspension',
    list: number,
  ): Promise<{ bits: string; keyId: string; serialized: string; etag: string }> {
    const previous = this.#statusLists.peek(key);
    if (list > 1 && !previous && (await this.d.slots.count(institution.id, list)) === 0)
      throw new NotFound('Status list', `${institution.slug}/${purpose}/${list}`);
    const set = flaggedIndexes(await this.#statusEvents(institution.id, list), purpose);
    const bits = [...set].sort((a, b) => a - b).join(',');
    const signingKey = await this.d.keys.activeKey(institution.id, 'Ed25519');
    // Unchanged bits are not signed again, unless another process changed the institution's keys.
    if (previous?.bits === bits && previous.keyId === signingKey.id) return previous;
    const url = this.statusListUrl(institution, purpose, list);
    const unsigned = buildStatusListCredential({
      id: url,
      issuer: this.d.keys.didOf(institution),
      purpose,
      encodedList: await encodeStatusList(set, this.#listLength),
      validFrom: this.#now(),
    });
    const issued = await issueCredential({
      credential: unsigned,
      key: signingKey,
      kek: this.d.kek,
      format: 'eddsa-rdfc-2022',
      documentLoader: this.d.documentLoader,
      now: this.#now(),
    });
    return {
      bits,
      keyId: signingKey.id,
      serialized: issued.serialized,
      etag: hashCredential(issued.serialized).slice(0, 32),
    };
  }

  // ---- status ------------------------------------------------------------------------------------

  /** Revoke (final), suspend or reinstate; each is recorded with its reason, and in the ledger. */
  async changeStatus(
    actor: Actor,
    credentialId: string,
    action: CredentialEvent['action'],
    reason: string,
  ): Promise<IssuedCredentialRecord> {
    const stored = await this.d.credentials.findById(credentialId);
    if (!stored) throw new NotFound('Credential', credentialId);
    requireInstitution(actor, stored.institutionId, 'credentials:issue');
    const [c] = await this.#checked([stored]);
    if (!c) throw new NotFound('Credential', credentialId);
    const why = boundedString(reason, 'reason', 1000);
    if (c.revoked) throw new Conflict('A revoked credential stays revoked');
    const next =
      action === 'revoked'
        ? { revoked: true, suspended: c.suspended }
        : action === 'suspended'
          ? { revoked: false, suspended: true }
          : { revoked: false, suspended: false };
    if (action === 'suspended' && c.suspended)
      throw new Conflict('The credential is suspended already');
    if (action === 'reinstated' && !c.suspended)
      throw new Conflict('Only a suspended credential can be reinstated');
    const at = this.#now().toISOString();
    // The chained ledger entry comes first and is what status is derived from; the event row is
    // an index of it (same id and time), so deleting either one un-revokes nothing.
    const { entry } = await this.d.ledger.appendTrusted(actor, {
      learnerId: c.learnerId,
      institutionId: c.institutionId,
      sourceRecordId: `credential:${credentialId}:${action}:${at}`,
      body: {
        type: 'credential',
        action,
        credentialId,
        reason: why,
        statusList: c.statusList,
        statusIndex: c.statusIndex,
      },
    });
    await this.d.credentials.addEvent({
      id: entry.id,
      credentialId,
      institutionId: c.institutionId,
      statusList: c.statusList,
      statusIndex: c.statusIndex,
      action,
      reason: why,
      actor: actorRef(actor),
      at: entry.recordedAt,
    });
    await this.d.credentials.setStatus(credentialId, next);
    this.#statusLists.deleteWhere(
      (key) => key.startsWith(`${c.institutionId}:`) && key.endsWith(`:${c.statusList}`),
    );
    return { ...c, ...next };
  }

  // ---- reading -----------------------------------------------------------------------------------

  async get(actor: Actor, id: string): Promise<IssuedCredentialRecord> {
    const c = await this.d.credentials.findById(id);
    if (!c) throw new NotFound('Credential', id);
    if (!canReadWholeRecord(actor, c.learnerId))
      requireOperatorOrInstitution(actor, c.institutionId, 'credentials:issue', 'read');
    return (await this.#checked([c]))[0]!;
  }

  /** A stored credential checked against the ledger (no access check: for services that did their own). */
  async storedCredential(id: string): Promise<IssuedCredentialRecord | null> {
    const c = await this.d.credentials.findById(id);
    return c ? ((await this.#checked([c]))[0] ?? null) : null;
  }

  /**
   * Stored credentials as the ledger knows them: each one's bytes must hash to what the learner's
   * (verified) chain recorded when it was issued, so a credential swapped for another, even a
   * valid one, is refused; revoked and suspended are derived from the chain's status entries.
   */
  async #checked(records: IssuedCredentialRecord[]): Promise<IssuedCredentialRecord[]> {
    const chains = new Map<string, LedgerEntry[]>();
    const out: IssuedCredentialRecord[] = [];
    for (const c of records) {
      let chain = chains.get(c.learnerId);
      if (!chain) {
        chain = (await this.d.ledger.verifiedChain(c.learnerId)).chain;
        chains.set(c.learnerId, chain);
      }
      const mine = chain.filter(
        (e) =>
          e.body.type === 'credential' &&
          e.body.credentialId === c.id &&
          e.institutionId === c.institutionId,
      );
      const issued = mine.find((e) => e.body.type === 'credential' && e.body.action === 'issued');
      const recorded = issued?.body.type === 'credential' ? issued.body.credentialHash : undefined;
      if (!recorded) {
        throw new IntegrityError(
          `Credential ${c.id} has no issuance in the learner's ledger (an interrupted issue: repeat it with the same requestKey)`,
          { credentialId: c.id, learnerId: c.learnerId },
        );
      }
      if (recorded !== c.hash || hashCredential(c.serialized) !== recorded) {
        throw new IntegrityError(
          `Credential ${c.id} is not the one the ledger recorded when it was issued (replaced or altered)`,
          { credentialId: c.id, learnerId: c.learnerId },
        );
      }
      let revoked = c.revoked;
      let suspended: boolean | null = null;
      for (const e of mine) {
        if (e.body.type !== 'credential') continue;
        if (e.body.action === 'revoked') revoked = true;
        else if (e.body.action === 'suspended') suspended = true;
        else if (e.body.action === 'reinstated') suspended = false;
      }
      out.push({ ...c, revoked, suspended: suspended ?? c.suspended });
    }
    return out;
  }

  /** A status list's changes: the chained ledger entries, and the event rows that index them. */
  async #statusEvents(institutionId: string, list: number): Promise<CredentialEvent[]> {
    const events = new Map<string, CredentialEvent>();
    for (const e of await this.d.credentials.statusEvents(institutionId, list)) events.set(e.id, e);
    for (const e of await this.d.ledger.statusEntries(institutionId, list)) {
      const b = e.body;
      if (b.type !== 'credential' || b.action === 'issued' || b.statusIndex === undefined) continue;
      events.set(e.id, {
        id: e.id,
        credentialId: b.credentialId,
        institutionId,
        statusList: list,
        statusIndex: b.statusIndex,
        action: b.action,
        reason: b.reason ?? '',
        actor: e.actor,
        at: e.recordedAt,
      });
    }
    return [...events.values()];
  }

  async events(actor: Actor, id: string): Promise<CredentialEvent[]> {
    await this.get(actor, id);
    return this.d.credentials.listEvents(id);
  }

  async listForLearner(actor: Actor, learnerId: string): Promise<IssuedCredentialRecord[]> {
    requireSignedIn(actor);
    if (!canReadWholeRecord(actor, learnerId))
      throw new Forbidden("Only the learner may list the learner's credentials");
    return this.#checked(await this.d.credentials.listByLearner(learnerId));
  }

  // ---- verifying (public: anyone may verify) -----------------------------------------------------

  verifyCredential(input: unknown): Promise<VerificationReport> {
    requireShallow(input);
    return this.#verify(
      (pool) => pool.verifyCredential(input, this.#lookups, this.#now),
      () => this.verifier.verifyCredential(input),
    );
  }

  /** On a verification worker if there are any; here if there are none, or the worker was lost. */
  async #verify<R>(onWorker: (pool: VerifyPool) => Promise<R>, here: () => Promise<R>): Promise<R> {
    const pool = this.d.verifyPool?.();
    if (!pool) return here();
    try {
      return await onWorker(pool);
    } catch {
      // A worker was lost (and is replaced on the next call): verify here rather than fail.
      return here();
    }
  }

  readonly #lookups: VerifierLookups = {
    resolveDid: (did) => this.d.resolveDid(did),
    lookupIssuer: (did) => this.#lookupIssuer(did),
    keyStatus: (vm) => this.d.keys.keyStatus(vm),
    fetchStatusList: (url) => this.#localStatusList(url),
  };

  verifyPresentation(input: unknown, opts: PresentationExpected): Promise<PresentationReport> {
    requireShallow(input);
    return this.#verify(
      (pool) => pool.verifyPresentation(input, opts, this.#lookups, this.#now),
      () => this.verifier.verifyPresentation(input, opts),
    );
  }
}

/**
 * Refuses a credential or presentation nested deeper than any real one, before the verifier's
 * recursive walkers see it: a JSON document, the claims of a JWT, and the JWTs a presentation
 * carries (a JSON body is limited at the edge already; a JWT's claims are not JSON there).
 */
function requireShallow(input: unknown): void {
  const docs: unknown[] = [input];
  for (let i = 0; i < docs.length && i < 200; i++) {
    const doc = docs[i];
    if (typeof doc === 'string') {
      const jwt = /^(?:data:application\/v[cp]\+jwt,)?([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(doc);
      if (!jwt) continue;
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(jwt[2]!, 'base64url').toString('utf8'));
      } catch {
        continue; // not JSON: the verifier says what is wrong with it
      }
      docs.push(claims);
      continue;
    }
    if (jsonDepth(doc, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      throw new InputValidationError(
        `The credential or presentation is nested deeper than ${MAX_JSON_DEPTH} levels`,
      );
    }
    // The credentials a presentation carries may be JWTs of their own (or enveloped ones).
    if (doc && typeof doc === 'object') {
      const o = doc as Record<string, unknown>;
      const vp = (o['vp'] ?? o) as Record<string, unknown>;
      for (const c of [vp['verifiableCredential']].flat()) {
        if (typeof c === 'string') docs.push(c);
        else if (c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string')
          docs.push((c as { id: string }).id);
      }
    }
  }
}

/** The ledger entry that records an issuance: its id is its idempotency key, known before it exists. */
const issuedEntryId = (institutionId: string, credentialId: string) =>
  `${institutionId}:credential:${credentialId}`;

function issuedEntry(c: IssuedCredentialRecord): AppendRequest {
  return {
    learnerId: c.learnerId,
    institutionId: c.institutionId,
    sourceRecordId: `credential:${c.id}`,
    body: { type: 'credential', action: 'issued', credentialId: c.id, credentialHash: c.hash },
  };
}

/** The request as the caller made it (not the key itself), to tell a retry from a different request. */
function requestHash(req: IssueRequest): string {
  return sha256Hex(
    canonicalJson({
      learnerId: req.learnerId,
      what: req.what,
      format: req.format ?? null,
      validUntil: req.validUntil ?? null,
    }),
  );
}

function gradeText(a: AchievementContent): string | undefined {
  const g = a.grade;
  if (!g) return undefined;
  return (
    g.letter ??
    (g.score !== undefined
      ? String(g.score)
      : g.points !== undefined
        ? g.points.toFixed(1)
        : undefined)
  );
}
