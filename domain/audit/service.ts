// The degree audit as a service: a learner's effective ledger entries as credit items, the programme
// version and the rules in force, fed to auditProgramme; with who may see which learner's audit.
import {
  actingInstitution,
  canReadWholeRecord,
  requireOperatorOrInstitution,
  type Actor,
} from '../identity/index.ts';
import { Forbidden, Unauthenticated } from '../shared/index.ts';
import type { LearnerRegistry } from '../identity/index.ts';
import type { ProgrammeRegistry } from '../programmes/index.ts';
import type { Programme } from '../programmes/index.ts';
import type { ApplicationRepository } from '../recognition/index.ts';
import type { StoredProgramme } from '../programmes/index.ts';
import type { RecognitionRequestRepository } from '../recognition/index.ts';
import { equivalenceClasses, resolveEquivalences } from '../recognition/index.ts';
import type { RuleRegistry } from '../recognition/index.ts';
import {
  rulesInForce,
  type CourseEquivalenceRule,
  type RecognitionRule,
} from '../recognition/index.ts';
import { calendarDate, type LocalizedText } from '../shared/index.ts';
import {
  ACHIEVEMENT_KINDS,
  CREDIT_SYSTEMS,
  boundedString,
  creditsToHundredths,
  requireOneOf,
} from '../shared/index.ts';
import { auditProgramme, type AuditInput, type AuditResult } from './audit.ts';
import type { AuditNames } from '../shared/index.ts';
import { toCreditItems, type CreditItem } from '../recognition/index.ts';
import { LearnerItemCache, type LedgerEntriesAfter } from './item-cache.ts';
import { createHash } from 'node:crypto';

/** Where the learner's entries come from (LedgerService.entriesAfter); the audit folds them itself. */
export type AchievementSource = LedgerEntriesAfter;

/** A course the learner might still take, for a "what if" audit. */
export interface HypotheticalCredit {
  institutionId: string;
  courseCode?: string | null | undefined;
  kind?: string | null | undefined;
  /** Credits as a decimal (the API's unit). */
  credits: number;
  creditSystem: string;
  category: string;
  level?: number | null | undefined;
  earnedAt?: string | null | undefined;
  score?: number | null | undefined;
  points?: number | null | undefined;
}

export interface AuditReport {
  learnerId: string;
  programme: StoredProgramme;
  result: AuditResult;
  hypothetical: number;
}

export interface AuditOptions {
  version?: number | null | undefined;
  asOf?: string | null | undefined;
  hypothetical?: readonly HypotheticalCredit[] | null | undefined;
}

/** How many learners' credit items the audit keeps in memory (least recently used go first). */
const ITEM_CACHE_SIZE = 500;
/** How many audit results `evaluateCached` keeps (least recently used go first). */
const RESULT_CACHE_SIZE = 2_000;

export class AuditService {
  readonly #items: LearnerItemCache;

  constructor(
    achievements: AchievementSource,
    private readonly programmes: ProgrammeRegistry,
    private readonly rules: RuleRegistry,
    private readonly requests: RecognitionRequestRepository,
    private readonly applications: ApplicationRepository,
    private readonly learners: LearnerRegistry,
    /** The seq of the learner's newest ledger entry (the credit account projection's head). */
    private readonly head: (learnerId: string) => Promise<number>,
    private readonly now: () => Date = () => new Date(),
    /** Display names for the awarding body and its partners, where the engine can only name ids. */
    private readonly institutionName: (id: string) => Promise<LocalizedText | null> = () =>
      Promise.resolve(null),
    /**
     * Runs the pure audit. In the server it runs on a worker thread (api/audit-runner.ts), so that a
     * long HiGHS solve does not hold up other requests; by default, here, on this thread.
     */
    private readonly run: (input: AuditInput) => Promise<AuditResult> = (input) =>
      Promise.resolve(auditProgramme(input)),
  ) {
    this.#items = new LearnerItemCache(achievements, toCreditItems, ITEM_CACHE_SIZE);
  }

  readonly #names = new Map<string, { name: LocalizedText | null; at: number }>();
  readonly #results = new Map<string, AuditResult>();

  /** Names of the institutions an audit mentions (kept a minute: renaming is rare, audits are not). */
  async #namesOf(ids: Iterable<string>): Promise<AuditNames> {
    const out = new Map<string, LocalizedText>();
    const now = Date.now();
    for (const id of new Set(ids)) {
      let hit = this.#names.get(id);
      if (!hit || now - hit.at > 60_000) {
        hit = { name: await this.institutionName(id), at: now };
        this.#names.set(id, hit);
      }
      if (hit.name) out.set(id, hit.name);
    }
    return { institutions: out };
  }

  /** A learner's audit against a programme version (the latest by default); "what if" with hypothetical credits. */
  async audit(
    actor: Actor,
    learnerId: string,
    programmeId: string,
    opts: AuditOptions = {},
  ): Promise<AuditReport> {
    const programme = await this.programmes.get(programmeId, opts.version);
    await this.requireAuditor(actor, learnerId, programme.institutionId);
    await this.learners.require(learnerId);
    const asOf = this.#asOf(opts.asOf);
    const extra = (opts.hypothetical ?? []).map((h, i) => hypotheticalItem(h, i, asOf));
    return {
      learnerId,
      programme,
      result: await this.evaluate(learnerId, programme.programme, asOf, extra),
      hypothetical: extra.length,
    };
  }

  /** For services that authorised the caller themselves (awards). */
  async evaluate(
    learnerId: string,
    programme: Programme,
    asOf: string,
    extra: CreditItem[] = [],
  ): Promise<AuditResult> {
    const [items0, rules] = await Promise.all([this.creditItems(learnerId), this.rules.allRules()]);
    const items = [...items0, ...extra];
    const names = await this.#namesOf([
      programme.institutionId,
      ...programme.partnerInstitutionIds,
      ...items.map((i) => i.institutionId),
    ]);
    return this.run({
      items,
      programme,
      asOf,
      names,
      ...auditRules(rules, programme, asOf),
    });
  }

  /**
   * `evaluate`, kept: an audit depends only on the learner's ledger (its head moves with every new
   * entry, from any process), the programme version, the day and the recognition rules, so a result
   * is reused while all four are the same. For lists that audit many learners on every request.
   */
  async evaluateCached(
    learnerId: string,
    programme: Programme,
    asOf: string,
  ): Promise<{ result: AuditResult; cached: boolean }> {
    const [head, rules] = await Promise.all([this.head(learnerId), this.rules.allRules()]);
    const stamp = createHash('sha256').update(JSON.stringify(rules)).digest('base64url');
    const key = `${learnerId}|${programme.id}@${programme.version}|${asOf}|${head}|${stamp}`;
    const hit = this.#results.get(key);
    if (hit) {
      // Least recently used goes first: a hit moves to the end.
      this.#results.delete(key);
      this.#results.set(key, hit);
      return { result: hit, cached: true };
    }
    const result = await this.evaluate(learnerId, programme, asOf);
    this.#results.set(key, result);
    if (this.#results.size > RESULT_CACHE_SIZE)
      this.#results.delete(this.#results.keys().next().value!);
    return { result, cached: false };
  }

  /**
   * The learner's credit items. Reading thousands of entries is the slow part on the embedded
   * database, so they are kept per learner with the chain head they were read at; a new entry
   * (record, correction, void, recognition, award, from any process) moves the head, and only the
   * entries after the kept position are read and folded in (`LearnerItemCache`).
   */
  async creditItems(learnerId: string): Promise<CreditItem[]> {
    return this.#items.items(learnerId, await this.head(learnerId));
  }

  /**
   * The learner, the operator, or staff of the awarding institution when the learner has dealings
   * with it (applied to one of its programmes or asked it to recognise credit). No one else.
   */
  async requireAuditor(actor: Actor, learnerId: string, institutionId: string): Promise<void> {
    if (actor.kind === 'public') throw new Unauthenticated();
    if (canReadWholeRecord(actor, learnerId)) return;
    const own = actingInstitution(actor);
    if (!own || own !== institutionId)
      throw new Forbidden(
        "Only the learner, the awarding institution or the operator may audit this learner's record",
      );
    requireOperatorOrInstitution(actor, institutionId, 'records:read');
    const [applications, requests] = await Promise.all([
      this.applications.listByLearner(learnerId),
      this.requests.listByLearner(learnerId),
    ]);
    // Filing a request elsewhere on the learner's behalf is not a dealing with this institution.
    const related =
      applications.some((a) => a.institutionId === own) ||
      requests.some((r) => r.targetInstitutionId === own);
    if (!related)
      throw new Forbidden(
        'This learner has neither applied to your programmes nor asked you to recognise credit',
      );
  }

  #asOf(asOf: string | null | undefined): string {
    if (!asOf) return this.now().toISOString().slice(0, 10);
    return calendarDate(asOf, 'asOf');
  }
}

/**
 * The rules an audit uses: equivalences, conversions and validity periods in force at `asOf`; and
 * the classes of equivalent courses under every rule version ever published (one learning stays one).
 */
export function auditRules(rules: readonly RecognitionRule[], programme: Programme, asOf: string) {
  const inForce = rulesInForce(rules, asOf, {
    institutionId: programme.institutionId,
    programmeId: programme.id,
  });
  const of = <K extends RecognitionRule['kind']>(k: K) =>
    inForce.filter((r): r is Extract<RecognitionRule, { kind: K }> => r.kind === k);
  return {
    equivalences: resolveEquivalences(of('course_equivalence')),
    equivalentCourses: equivalenceClasses(
      rules.filter((r): r is CourseEquivalenceRule => r.kind === 'course_equivalence'),
    ),
    conversions: of('conversion'),
    validity: of('validity'),
  };
}

function hypotheticalItem(h: HypotheticalCredit, i: number, asOf: string): CreditItem {
  const item: CreditItem = {
    entryId: `hypothetical-${i + 1}`,
    seq: Number.MAX_SAFE_INTEGER - 1000 + i,
    institutionId: boundedString(h.institutionId, 'institutionId', 120),
    kind: requireOneOf(h.kind ?? 'course', ACHIEVEMENT_KINDS, 'kind'),
    category: boundedString(h.category, 'category', 40).toLowerCase(),
    credits: creditsToHundredths(h.credits),
    creditSystem: requireOneOf(h.creditSystem, CREDIT_SYSTEMS, 'creditSystem'),
    earnedAt: h.earnedAt ?? asOf,
  };
  if (h.courseCode) item.courseCode = boundedString(h.courseCode, 'courseCode', 40).toUpperCase();
  if (h.level !== null && h.level !== undefined) item.level = h.level;
  if (h.score != null || h.points != null) {
    item.grade = { passed: true };
    if (h.score != null) item.grade.score = h.score;
    if (h.points != null) item.grade.points = h.points;
  }
  return item;
}
