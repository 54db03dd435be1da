// The learner's append-only ledger: recording, correcting and voiding achievements, reading and checking the chain.
import {
  actingInstitution,
  actorRef,
  canReadWholeRecord,
  requireInstitution,
  requireLearnerOrOperator,
  requireOperatorOrInstitution,
  requireSignedIn,
  type Actor,
} from '../identity/index.ts';
import {
  emptyAccount,
  foldEntries,
  rebuildAccount,
  viewAccount,
  type CreditAccountState,
  type CreditAccountView,
  type EffectiveLookup,
} from '../accounts/index.ts';
import { contentHash, sealEntry, verifyChain, type ChainReport } from '../shared/index.ts';
import {
  Conflict,
  DomainError,
  Forbidden,
  InputValidationError,
  IntegrityError,
  NotFound,
} from '../shared/index.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../shared/index.ts';
import type { Catalogue } from '../institutions/index.ts';
import type { InstitutionRegistry } from '../institutions/index.ts';
import { KeyedMutex } from '../shared/index.ts';
import type { LearnerRegistry } from '../identity/index.ts';
import type { CreditAccountRepository } from '../accounts/index.ts';
import type { EntryFilter, LedgerRepository, Page } from '../shared/index.ts';
import {
  validateAchievement,
  type AchievementInput,
  type CourseLookup,
} from './achievement-input.ts';
import type {
  AchievementContent,
  AppendOutcome,
  AppendRequest,
  EntryBody,
  LedgerEntry,
} from '../shared/index.ts';
import { boundedString, calendarDate } from '../shared/index.ts';

/** Checks a chain against the latest signed checkpoint as well (domain/checkpoints). */
export interface ChainCheckpoints {
  checkChain(
    learnerId: string,
    entries: LedgerEntry[],
  ): Promise<ChainReport & { checkpoint: number | null }>;
}

export interface CorrectionInput {
  entryId: string;
  sourceRecordId: string;
  reason: string;
  changes: Partial<Omit<AchievementInput, 'learnerId' | 'sourceRecordId' | 'kind'>>;
}

export interface VoidInput {
  entryId: string;
  sourceRecordId: string;
  reason: string;
}

export type RowResult =
  | { index: number; status: 'created' | 'duplicate'; entry: LedgerEntry }
  | { index: number; status: 'error'; error: DomainError }
  | { index: number; status: 'valid' };

export interface RecordQuery {
  first?: number | null | undefined;
  after?: string | null | undefined;
  types?: EntryBody['type'][] | null | undefined;
  institutionId?: string | null | undefined;
  /** Oldest first (the default), or newest first: then `after` pages on toward older entries. */
  order?: 'oldest' | 'newest' | null | undefined;
}

const MAX_PAGE = 200;
/** A dry-run import row for a learner it would register: valid as far as the learner goes. */
export const NEW_LEARNER_IN_DRY_RUN = '(new learner)';
const MAX_BATCH = 5_000;

function pageSize(first: number | null | undefined): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw new InputValidationError(`first must be 1 to ${MAX_PAGE}`, { field: 'first' });
  }
  return n;
}

function seqCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const n = Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^seq:/, ''));
  if (!Number.isInteger(n) || n < 0)
    throw new InputValidationError('Unknown cursor', { field: 'after' });
  return n;
}
const toCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');

/**
 * Learners' folded accounts (chain heads) as read: `stored` names those that have a credit account
 * (so exist), `broken` those whose account fails its seal or chain.
 */
interface Heads {
  heads: Map<string, CreditAccountState>;
  broken: Map<string, string>;
  stored: Set<string>;
}

/** Learners whose chain head the ledger remembers between appends. */
const HEAD_CACHE_LEARNERS = 4000;

export class LedgerService {
  readonly #mutex = new KeyedMutex();

  constructor(
    private readonly repo: LedgerRepository,
    private readonly accounts: CreditAccountRepository,
    private readonly institutions: InstitutionRegistry,
    private readonly learners: LearnerRegistry,
    private readonly catalogue: Catalogue,
    private readonly now: () => Date = () => new Date(),
    private readonly integrity: {
      /** Checks chains against the latest signed checkpoint too. */
      checkpoints?: ChainCheckpoints;
      /** Seals credit account projections (HMAC-SHA256): an edited one is refused on read. */
      sealKey?: Uint8Array;
    } = {},
  ) {}

  // ---- writing -------------------------------------------------------------------------------

  /** Records one achievement; the same record again returns the existing entry. */
  async recordAchievement(
    actor: Actor,
    institutionId: string,
    input: AchievementInput,
  ): Promise<AppendOutcome> {
    const [row] = await this.recordBatch(actor, institutionId, [input]);
    if (!row) throw new Error('empty batch result');
    if (row.status === 'error') throw row.error;
    if (row.status === 'valid') throw new Error('not a dry run');
    return { status: row.status, entry: row.entry };
  }

  /**
   * Records many achievements; each row succeeds or fails on its own, and a failed row writes
   * nothing. Rows for the same learner keep their order in the chain. With `allOrNothing`, one
   * failed row (bad input, or a record id recorded before with other content) writes no row at
   * all: the good rows come back `valid`, as in a dry run.
   */
  async recordBatch(
    actor: Actor,
    institutionId: string,
    inputs: AchievementInput[],
    opts: {
      dryRun?: boolean;
      allOrNothing?: boolean;
      /**
       * The record ids met earlier in the same file (one institution's), with a digest of their
       * content: kept by the caller across batches, so a file giving one id two contents is caught.
       */
      seenInFile?: Map<string, number>;
    } = {},
  ): Promise<RowResult[]> {
    requireInstitution(actor, institutionId, 'records:write');
    if (inputs.length > MAX_BATCH) {
      throw new InputValidationError(`A batch holds at most ${MAX_BATCH} rows; split the file`);
    }
    await this.institutions.requireActive(institutionId);
    const courses = this.#courseLookup(institutionId);
    const results: RowResult[] = new Array<RowResult>(inputs.length);
    const requests: { index: number; request: AppendRequest }[] = [];
    // Each learner's chain head first: a learner with a credit account (opened at registration)
    // exists, so only learners without one are looked up in the registry; the append reuses the
    // heads read here instead of reading them again.
    const candidates = [
      ...new Set(
        inputs
          .map((i) => i.learnerId)
          .filter(
            (id): id is string =>
              typeof id === 'string' &&
              id !== '' &&
              id.length <= 64 &&
              id !== NEW_LEARNER_IN_DRY_RUN,
          ),
      ),
    ];
    const read = await this.#heads(candidates);
    const known = new Set(read.stored);
    for (const id of read.broken.keys()) known.add(id);
    for (const id of await this.learners.existing(candidates.filter((id) => !known.has(id))))
      known.add(id);
    for (const [index, input] of inputs.entries()) {
      try {
        const achievement = await validateAchievement(input, courses, this.now());
        const learnerId = boundedString(input.learnerId, 'learnerId', 64);
        if (!known.has(learnerId) && !(opts.dryRun && learnerId === NEW_LEARNER_IN_DRY_RUN)) {
          throw new NotFound('Learner', learnerId);
        }
        requests.push({
          index,
          request: {
            learnerId,
            institutionId,
            sourceRecordId: boundedString(input.sourceRecordId, 'sourceRecordId', 120),
            body: { type: 'achievement', achievement },
          },
        });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results[index] = { index, status: 'error', error: err };
      }
    }
    if (opts.allOrNothing) {
      // One lookup per row: paid only by a caller who asked that nothing be written on a failure.
      for (const [index, error] of await this.#conflicts(requests, opts.seenInFile)) {
        results[index] = { index, status: 'error', error };
      }
    }
    if (opts.dryRun || (opts.allOrNothing && results.some((r) => r?.status === 'error'))) {
      for (const r of requests) results[r.index] ??= { index: r.index, status: 'valid' };
      return results;
    }
    const outcomes = await this.#append(
      actor,
      requests.map((r) => r.request),
      read,
    );
    outcomes.forEach((o, i) => {
      const index = requests[i]!.index;
      results[index] =
        o.status === 'conflict'
          ? {
              index,
              status: 'error',
              error: new Conflict(o.message, {
                sourceRecordId: requests[i]!.request.sourceRecordId,
              }),
            }
          : { index, status: o.status, entry: o.entry };
    });
    return results;
  }

  /**
   * The rows whose record id was used before (earlier, or higher up in the same batch) for other
   * content: appending them would be a CONFLICT. Checked up front when nothing may be written
   * unless everything can be; a writer racing in between is still caught by the append itself.
   */
  async #conflicts(
    requests: { index: number; request: AppendRequest }[],
    seen: Map<string, number> = new Map(),
  ): Promise<Map<number, Conflict>> {
    const conflicts = new Map<number, Conflict>();
    const stored = await mapLimit(requests, 16, (r) =>
      this.repo.findByIdempotencyKey(`${r.request.institutionId}:${r.request.sourceRecordId}`),
    );
    requests.forEach(({ index, request }, k) => {
      const hash = contentHash(request.learnerId, request.body);
      const before = stored[k];
      // What the file gave earlier is remembered by 32 bits of its hash (~70 bytes a row in all):
      // two contents that share them slip through the check, and the append still refuses them.
      const digest = Number.parseInt(hash.slice(0, 8), 16);
      const earlier = seen.get(request.sourceRecordId);
      const differs = before
        ? contentHash(before.learnerId, before.body) !== hash
        : earlier !== undefined && earlier !== digest;
      if (differs) {
        conflicts.set(
          index,
          new Conflict(
            `Record ${request.sourceRecordId} was recorded before with different content${before ? ` (entry ${before.id})` : ''}`,
            { sourceRecordId: request.sourceRecordId },
          ),
        );
      }
      if (earlier === undefined) seen.set(request.sourceRecordId, digest);
    });
    return conflicts;
  }

  /** A correction is a new entry carrying the achievement as it should have been. */
  async correct(actor: Actor, input: CorrectionInput): Promise<LedgerEntry> {
    const { target, current } = await this.#mutableTarget(actor, input.entryId);
    const courses = this.#courseLookup(target.institutionId);
    const merged: AchievementInput = {
      ...achievementAsInput(current),
      ...stripUndefined(input.changes),
      learnerId: target.learnerId,
      sourceRecordId: input.sourceRecordId,
      kind: current.kind,
    };
    const validated = await validateAchievement(merged, courses, this.now());
    // The course version a record was earned under stays, unless the correction names another course.
    const achievement =
      validated.courseCode === current.courseCode
        ? { ...validated, courseId: current.courseId }
        : validated;
    return this.#appendOne(actor, {
      learnerId: target.learnerId,
      institutionId: target.institutionId,
      sourceRecordId: boundedString(input.sourceRecordId, 'sourceRecordId', 120),
      body: {
        type: 'correction',
        targetEntryId: target.id,
        reason: boundedString(input.reason, 'reason', 1000),
        achievement: { ...achievement, recognition: current.recognition },
      },
    });
  }

  async void(actor: Actor, input: VoidInput): Promise<LedgerEntry> {
    const { target } = await this.#mutableTarget(actor, input.entryId);
    return this.#appendOne(actor, {
      learnerId: target.learnerId,
      institutionId: target.institutionId,
      sourceRecordId: boundedString(input.sourceRecordId, 'sourceRecordId', 120),
      body: {
        type: 'void',
        targetEntryId: target.id,
        reason: boundedString(input.reason, 'reason', 1000),
      },
    });
  }

  /** For other capabilities (credentials, awards, recognition) that authorised the caller themselves. */
  async appendTrusted(
    actor: Actor,
    request: AppendRequest,
  ): Promise<{ status: 'created' | 'duplicate'; entry: LedgerEntry }> {
    const [o] = await this.append(actor, [request]);
    if (!o) throw new Error('empty append result');
    if (o.status === 'conflict') throw new Conflict(o.message);
    return o;
  }

  async #appendOne(actor: Actor, request: AppendRequest): Promise<LedgerEntry> {
    return (await this.appendTrusted(actor, request)).entry;
  }

  async #mutableTarget(
    actor: Actor,
    entryId: string,
  ): Promise<{ target: LedgerEntry; current: AchievementContent }> {
    const target = await this.repo.findById(boundedString(entryId, 'entryId', 120));
    if (!target) throw new NotFound('Ledger entry', entryId);
    requireInstitution(actor, target.institutionId, 'records:write');
    if (target.body.type !== 'achievement') {
      throw new InputValidationError(
        'Only an achievement can be corrected or voided; point at the original entry',
        {
          field: 'entryId',
        },
      );
    }
    const effective = await this.#loadEffective([target.id]);
    const current = effective.get(target.id)?.achievement;
    if (!current) throw new Conflict(`Entry ${target.id} is void already`);
    return { target, current };
  }

  #courseLookup(institutionId: string): CourseLookup {
    const cache = new Map<string, ReturnType<Catalogue['latest']>>();
    return (code: string) => {
      let hit = cache.get(code);
      if (!hit) {
        hit = this.catalogue.latest(institutionId, code);
        cache.set(code, hit);
      }
      return hit;
    };
  }

  /**
   * Appends entries to learners' chains. Each learner's new entries are chained from the head its
   * credit account projection remembers (cached in this process) and inserted in order: a stale
   * head shows up as a duplicate (learner, seq) and is re-read; a replayed institution record id is
   * a duplicate _id, answered with the entry recorded the first time (or a CONFLICT if it differs).
   */
  append(actor: Actor, requests: AppendRequest[]): Promise<AppendOutcome[]> {
    return this.#append(actor, requests);
  }

  /** `read`: the heads a caller read a moment ago; this process's cache, fresher, still wins. */
  async #append(actor: Actor, requests: AppendRequest[], read?: Heads): Promise<AppendOutcome[]> {
    const who = actorRef(actor);
    const outcomes: AppendOutcome[] = new Array<AppendOutcome>(requests.length);
    // The content hash is compared only when a record comes back a second time: worked out then.
    type Prepared = { i: number; r: AppendRequest; key: string; readonly hash: string };
    const prepared: Prepared[] = requests.map((r, i) => {
      let hash: string | undefined;
      return {
        i,
        r,
        key: `${r.institutionId}:${r.sourceRecordId}`,
        get hash() {
          return (hash ??= contentHash(r.learnerId, r.body));
        },
      };
    });

    // The same key twice in one batch: the first wins, the second is a replay or a conflict.
    const firstByKey = new Map<string, Prepared>();
    const twins: Prepared[] = [];
    for (const p of prepared) {
      if (firstByKey.has(p.key)) twins.push(p);
      else firstByKey.set(p.key, p);
    }
    const byLearner = new Map<string, Prepared[]>();
    for (const p of firstByKey.values())
      byLearner.set(p.r.learnerId, [...(byLearner.get(p.r.learnerId) ?? []), p]);

    await this.#mutex.run([...byLearner.keys()], async () => {
      const { heads: states, broken } = await this.#heads([...byLearner.keys()], read);
      // A learner whose projection fails its checks gets nothing appended until it is rebuilt.
      for (const [learnerId, message] of broken) {
        for (const p of byLearner.get(learnerId) ?? [])
          outcomes[p.i] = { status: 'conflict', message };
        byLearner.delete(learnerId);
      }
      const initial = new Map(states);
      const created = new Map<string, LedgerEntry[]>();
      const drop = (learnerId: string, p: Prepared) => {
        const pending = byLearner.get(learnerId)!.filter((x) => x !== p);
        if (pending.length) byLearner.set(learnerId, pending);
        else byLearner.delete(learnerId);
      };
      let checkedReplays = false;

      for (let round = 0; byLearner.size > 0; round++) {
        if (round > 100)
          throw new Error('ledger append did not converge: too many concurrent writers');
        const recordedAt = this.now().toISOString();
        const batch: { p: Prepared; entry: LedgerEntry }[] = [];
        for (const [learnerId, pending] of byLearner) {
          let { uptoSeq: seq, lastHash: prevHash } = states.get(learnerId)!;
          for (const p of pending) {
            seq++;
            const entry = sealEntry({
              id: p.key,
              learnerId,
              seq,
              prevHash,
              institutionId: p.r.institutionId,
              actor: who,
              recordedAt,
              idempotencyKey: p.key,
              body: p.r.body,
            });
            batch.push({ p, entry });
            prevHash = entry.hash;
          }
        }
        const { inserted, failure } = await this.repo.insertOrdered(batch.map((b) => b.entry));
        for (const { p, entry } of batch.slice(0, inserted)) {
          outcomes[p.i] = { status: 'created', entry };
          created.set(entry.learnerId, [...(created.get(entry.learnerId) ?? []), entry]);
          drop(entry.learnerId, p);
          const st = states.get(entry.learnerId)!;
          states.set(entry.learnerId, { ...st, uptoSeq: entry.seq, lastHash: entry.hash });
        }
        if (!failure) break;
        const failed = batch[inserted]!;
        const learnerId = failed.entry.learnerId;
        if (failure === 'sequence') {
          // Another process appended to this learner: take what it wrote, then chain after it.
          const st = states.get(learnerId)!;
          const missing = await this.repo.listByLearner(learnerId, st.uptoSeq);
          if (missing.length === 0)
            throw new Error(`sequence conflict on ${failed.entry.id} but no newer entry`);
          states.set(learnerId, {
            ...st,
            uptoSeq: missing.at(-1)!.seq,
            lastHash: missing.at(-1)!.hash,
          });
          created.set(learnerId, [...(created.get(learnerId) ?? []), ...missing]);
          this.#headCache.delete(learnerId);
          continue;
        }
        // A replayed record. Look up every record still pending once, so a re-run of a whole
        // file costs one indexed lookup per row rather than one failed insert per row.
        const suspects = checkedReplays ? [failed.p] : [...byLearner.values()].flat();
        checkedReplays = true;
        const found = await mapLimit(suspects, 16, (p) => this.repo.findByIdempotencyKey(p.key));
        suspects.forEach((p, k) => {
          const existing = found[k];
          if (!existing) return;
          outcomes[p.i] = this.#replay(existing, p.hash, p.key);
          drop(p.r.learnerId, p);
        });
        if (!found[suspects.indexOf(failed.p)]) {
          throw new Error(`record ${failed.p.key} was refused as a duplicate but is not stored`);
        }
      }

      // Keep the credit account projections (and so the chain heads) current.
      const projections: { state: CreditAccountState; supersedes: number }[] = [];
      for (const [learnerId, entries] of created) {
        const from = initial.get(learnerId) ?? emptyAccount(learnerId);
        const all =
          from.uptoSeq < entries[0]!.seq - 1
            ? [...(await this.repo.listByLearner(learnerId, from.uptoSeq)), ...entries]
            : entries;
        const targets = all.flatMap((e) =>
          'targetEntryId' in e.body ? [e.body.targetEntryId] : [],
        );
        const effective = await this.#loadEffective(targets, from.uptoSeq);
        const next = this.#seal(foldEntries(from, dedupeBySeq(all), effective));
        projections.push({ state: next, supersedes: from.uptoSeq });
        this.#remember(next);
      }
      await this.accounts.putMany(projections);
    });

    for (const t of twins) {
      const first = outcomes[firstByKey.get(t.key)!.i]!;
      outcomes[t.i] =
        first.status === 'conflict' ? first : this.#replay(first.entry, t.hash, t.key);
    }
    return outcomes;
  }

  /**
   * Bounded memory of each learner's folded account (and so chain head), checked by the unique
   * (learner, seq). It serves appends that follow each other (two import batches in flight hold at
   * most 2,000 learners); ~3 KB a learner, so a big import keeps the server's memory flat.
   */
  readonly #headCache = new Map<string, CreditAccountState>();

  #remember(state: CreditAccountState): void {
    if (this.#headCache.size >= HEAD_CACHE_LEARNERS) this.#headCache.clear();
    this.#headCache.set(state.learnerId, state);
  }

  /**
   * Each learner's folded account (its chain head), from this process's cache, else from `read`
   * (heads the caller read a moment ago), else from the store; an empty one when none is stored.
   */
  async #heads(learnerIds: string[], read?: Heads): Promise<Heads> {
    const heads = new Map<string, CreditAccountState>();
    const broken = new Map<string, string>();
    const stored = new Set<string>();
    const unknown: string[] = [];
    for (const id of learnerIds) {
      const cached = this.#headCache.get(id) ?? read?.heads.get(id);
      const failure = read?.broken.get(id);
      if (cached) heads.set(id, cached);
      else if (failure !== undefined) broken.set(id, failure);
      else unknown.push(id);
      if (cached && (this.#headCache.has(id) || read?.stored.has(id))) stored.add(id);
    }
    if (unknown.length) {
      for (const st of await this.accounts.getMany(unknown)) {
        stored.add(st.learnerId);
        const seal = this.#sealStatus(st);
        if (seal === 'invalid') {
          broken.set(st.learnerId, alteredAccount(st.learnerId).message);
          continue;
        }
        try {
          // Written before projections were sealed: folded again from the checked chain.
          const state = seal === 'missing' ? await this.#rebuild(st.learnerId) : st;
          heads.set(st.learnerId, state);
          this.#remember(state);
        } catch (err) {
          if (!(err instanceof IntegrityError)) throw err;
          broken.set(st.learnerId, err.message);
        }
      }
      for (const id of unknown)
        if (!heads.has(id) && !broken.has(id)) heads.set(id, emptyAccount(id));
    }
    return { heads, broken, stored };
  }

  /**
   * Opens the credit accounts of newly registered learners: an empty, sealed version 0, so that
   * one lookup of a learner's account both proves the learner exists and gives the chain head.
   * Learners registered before accounts were opened at registration are looked up in the registry.
   */
  async openAccounts(learnerIds: string[]): Promise<void> {
    const states = learnerIds.map((id) => this.#seal(emptyAccount(id)));
    await this.accounts.putMany(states.map((state) => ({ state, supersedes: 0 })));
    for (const state of states) this.#remember(state);
  }

  #sealOf(s: CreditAccountState): string | undefined {
    const key = this.integrity.sealKey;
    if (!key) return undefined;
    const { learnerId, uptoSeq, lastHash, buckets } = s;
    return createHmac('sha256', key)
      .update(canonicalJson({ learnerId, uptoSeq, lastHash, buckets }))
      .digest('base64url');
  }

  #seal(s: CreditAccountState): CreditAccountState {
    const { seal: _old, ...rest } = s;
    const seal = this.#sealOf(rest);
    return seal ? { ...rest, seal } : rest;
  }

  #sealStatus(s: CreditAccountState): 'valid' | 'missing' | 'invalid' {
    const expected = this.#sealOf(s);
    if (!expected) return 'valid';
    if (!s.seal) return 'missing';
    const a = Buffer.from(s.seal);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b) ? 'valid' : 'invalid';
  }

  #replay(existing: LedgerEntry, hash: string, key: string): AppendOutcome {
    return contentHash(existing.learnerId, existing.body) === hash
      ? { status: 'duplicate', entry: existing }
      : {
          status: 'conflict',
          message: `Record ${key.slice(key.indexOf(':') + 1)} was recorded before with different content (entry ${existing.id})`,
        };
  }

  /** Each target achievement's content as of `uptoSeq` (all corrections and voids so far when omitted). */
  async #loadEffective(targetIds: string[], uptoSeq = Infinity): Promise<EffectiveLookup> {
    const effective: EffectiveLookup = new Map();
    for (const id of new Set(targetIds)) {
      const target = await this.repo.findById(id);
      if (target?.body.type !== 'achievement') continue;
      let achievement: AchievementContent | null = target.body.achievement;
      const history = (await this.repo.listByTarget(id))
        .filter((e) => e.seq <= uptoSeq)
        .sort((a, b) => a.seq - b.seq);
      for (const h of history) {
        if (h.body.type === 'void') achievement = null;
        else if (h.body.type === 'correction') achievement = h.body.achievement;
      }
      effective.set(id, { institutionId: target.institutionId, achievement });
    }
    return effective;
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** A learner's record, oldest first, with cursor pagination. Institutions see only their own entries. */
  async record(actor: Actor, learnerId: string, q: RecordQuery = {}): Promise<Page<LedgerEntry>> {
    const first = pageSize(q.first);
    const after = seqCursor(q.after);
    requireSignedIn(actor);
    let institutionId = q.institutionId;
    if (!canReadWholeRecord(actor, learnerId)) {
      const own = actingInstitution(actor);
      if (!own) throw new Forbidden("Only the learner may see this learner's record");
      // An institution's system reads only with the records:read scope.
      requireInstitution(actor, own, 'records:read');
      if (institutionId && institutionId !== own)
        throw new Forbidden("Another institution's entries");
      institutionId = own;
    }
    await this.learners.require(learnerId);
    const filter: EntryFilter = {
      types: q.types ?? undefined,
      institutionId: institutionId ?? undefined,
    };
    const items =
      q.order === 'newest'
        ? await this.repo.pageByLearnerBefore(
            learnerId,
            q.after ? after : (await this.#headSeq(learnerId)) + 1,
            first + 1,
            filter,
          )
        : await this.repo.pageByLearner(learnerId, after, first + 1, filter);
    const page = items.slice(0, first);
    return { items: page, nextCursor: items.length > first ? toCursor(page.at(-1)!.seq) : null };
  }

  /**
   * The seq of a learner's newest entry: the credit account's head (one indexed read, usually
   * current) when nothing follows it (one lookup), else whatever was appended after it.
   */
  async #headSeq(learnerId: string): Promise<number> {
    const known = this.#headCache.get(learnerId) ?? (await this.accounts.get(learnerId));
    const upto = known?.uptoSeq ?? 0;
    if (upto > 0 && !(await this.repo.findBySeq(learnerId, upto + 1))) return upto;
    const tail = await this.repo.listByLearner(learnerId, upto);
    return tail.at(-1)?.seq ?? upto;
  }

  async entry(actor: Actor, entryId: string): Promise<LedgerEntry> {
    requireSignedIn(actor); // before the lookup: the public may not probe which entries exist
    const e = await this.repo.findById(entryId);
    if (!e) throw new NotFound('Ledger entry', entryId);
    if (!canReadWholeRecord(actor, e.learnerId))
      requireInstitution(actor, e.institutionId, 'records:read');
    return e;
  }

  /** What an institution recorded, newest last, for its own reconciliation. */
  async recordedBy(
    actor: Actor,
    institutionId: string,
    q: { first?: number | null | undefined; after?: string | null | undefined } = {},
  ): Promise<Page<LedgerEntry>> {
    requireOperatorOrInstitution(actor, institutionId, 'records:read');
    const first = pageSize(q.first);
    let after: string | null = null;
    if (q.after) {
      after = Buffer.from(q.after, 'base64url').toString('utf8');
      if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z\|.+$/.test(after))
        throw new InputValidationError('Unknown cursor', { field: 'after' });
    }
    const items = await this.repo.listByInstitution(institutionId, after, first + 1);
    const page = items.slice(0, first);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor:
        items.length > first && last
          ? Buffer.from(`${last.recordedAt}|${last.id}`).toString('base64url')
          : null,
    };
  }

  /**
   * Recomputes every hash of a learner's chain and checks it still holds the head the latest
   * signed checkpoint published for it (`checkpoint`: that checkpoint's number, null if none yet).
   */
  async verify(
    actor: Actor,
    learnerId: string,
  ): Promise<ChainReport & { checkpoint: number | null }> {
    if (actor.kind !== 'system') requireLearnerOrOperator(actor, learnerId);
    await this.learners.require(learnerId);
    return this.checkedChain(learnerId);
  }

  /** The learner's whole chain and its check (hashes, links, and the latest checkpoint). */
  async checkedChain(
    learnerId: string,
  ): Promise<ChainReport & { checkpoint: number | null; chain: LedgerEntry[] }> {
    const chain = await this.repo.listByLearner(learnerId, 0);
    const report = this.integrity.checkpoints
      ? await this.integrity.checkpoints.checkChain(learnerId, chain)
      : { ...verifyChain(chain), checkpoint: null };
    return { ...report, chain };
  }

  async account(actor: Actor, learnerId: string, asOf?: string): Promise<CreditAccountView> {
    requireLearnerOrOperator(actor, learnerId);
    await this.learners.require(learnerId);
    const state = await this.#checkedProjection(learnerId);
    return viewAccount(
      state,
      asOf ? calendarDate(asOf, 'asOf') : this.now().toISOString().slice(0, 10),
    );
  }

  /**
   * The stored projection, checked against its seal and against the chain head it was folded
   * from (one indexed read); folded again from the checked chain when behind it or unsealed.
   */
  async #checkedProjection(learnerId: string): Promise<CreditAccountState> {
    const stored = await this.accounts.get(learnerId);
    if (stored) {
      const seal = this.#sealStatus(stored);
      if (seal === 'invalid') throw alteredAccount(learnerId);
      if (seal === 'valid') {
        // Two equality lookups: the head it was folded from, and whether the chain went on.
        const [head, next] = await Promise.all([
          stored.uptoSeq > 0 ? this.repo.findBySeq(learnerId, stored.uptoSeq) : null,
          this.repo.findBySeq(learnerId, stored.uptoSeq + 1),
        ]);
        if (stored.uptoSeq > 0 && head?.hash !== stored.lastHash) {
          throw new IntegrityError(
            `The ledger of learner ${learnerId} no longer holds entry ${stored.uptoSeq} that its credit account was folded from (deleted or rewritten)`,
            { learnerId, seq: stored.uptoSeq },
          );
        }
        if (!next) return stored;
      }
    }
    return this.#mutex.run([learnerId], () => this.#rebuild(learnerId));
  }

  /** Rebuilds a learner's credit account from the ledger alone and stores it; a broken chain folds nothing. */
  async rebuildAccount(actor: Actor, learnerId: string): Promise<CreditAccountState> {
    if (actor.kind !== 'system') requireLearnerOrOperator(actor, learnerId);
    return this.#mutex.run([learnerId], () => this.#rebuild(learnerId));
  }

  async #rebuild(learnerId: string): Promise<CreditAccountState> {
    const { chain } = await this.verifiedChain(learnerId);
    const state = this.#seal(rebuildAccount(learnerId, chain));
    await this.accounts.replace(state);
    this.#remember(state);
    return state;
  }

  /**
   * The learner's chain, or an IntegrityError naming the learner and the first broken entry. The
   * account folded from it is remembered as the learner's chain head, unless a newer one is: an
   * append that follows (an issuance records its credential) then need not read the account.
   */
  async verifiedChain(
    learnerId: string,
  ): Promise<{ chain: LedgerEntry[]; checkpoint: number | null }> {
    const { chain, ...report } = await this.checkedChain(learnerId);
    const b = report.firstBroken;
    if (b) {
      throw new IntegrityError(
        `The chain of learner ${learnerId} is broken at entry ${b.seq} (${b.entryId}): ${b.reason}`,
        { learnerId, ...b },
      );
    }
    // The cache also vouches that the learner exists: an empty chain is remembered only for a
    // learner the registry has seen (entries are appended for registered learners alone).
    const known = this.#headCache.get(learnerId);
    const exists = chain.length > 0 || this.learners.seen(learnerId);
    if (exists && (!known || known.uptoSeq < (chain.at(-1)?.seq ?? 0)))
      this.#remember(this.#seal(rebuildAccount(learnerId, chain)));
    return { chain, checkpoint: report.checkpoint };
  }

  /** The chained status changes of the credentials on one status list (revoked, suspended, reinstated). */
  statusEntries(institutionId: string, statusList: number): Promise<LedgerEntry[]> {
    return this.repo.listCredentialStatus(institutionId, statusList);
  }

  /** The learner's entries after a chain position, in chain order (the audit folds them itself). */
  entriesAfter(learnerId: string, afterSeq: number): Promise<LedgerEntry[]> {
    return this.repo.listByLearner(learnerId, afterSeq);
  }

  /** Every achievement of a learner as it stands now (corrections applied, voids dropped). */
  async currentAchievements(
    learnerId: string,
  ): Promise<{ entry: LedgerEntry; achievement: AchievementContent }[]> {
    return currentOf(await this.repo.listByLearner(learnerId, 0));
  }
}

/**
 * The achievements of a chain as they stand after it (corrections applied, voids dropped), read
 * from the hashed bodies in chain order, never from the lookup fields the database finds them by.
 */
export function currentOf(
  chain: LedgerEntry[],
): { entry: LedgerEntry; achievement: AchievementContent }[] {
  const current = new Map<string, { entry: LedgerEntry; achievement: AchievementContent | null }>();
  for (const e of chain) {
    if (e.body.type === 'achievement')
      current.set(e.id, { entry: e, achievement: e.body.achievement });
    else if (e.body.type === 'correction' || e.body.type === 'void') {
      const c = current.get(e.body.targetEntryId);
      if (c) c.achievement = e.body.type === 'correction' ? e.body.achievement : null;
    }
  }
  return [...current.values()].flatMap((c) =>
    c.achievement ? [{ entry: c.entry, achievement: c.achievement }] : [],
  );
}

const alteredAccount = (learnerId: string) =>
  new IntegrityError(
    `The credit account of learner ${learnerId} was changed after it was folded from the ledger; rebuild it (rebuild-accounts)`,
    { learnerId },
  );

/** Runs fn over items with at most `limit` in flight, keeping their order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function dedupeBySeq(entries: LedgerEntry[]): LedgerEntry[] {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}

function achievementAsInput(
  a: AchievementContent,
): Omit<AchievementInput, 'learnerId' | 'sourceRecordId'> {
  return {
    kind: a.kind,
    title: a.title,
    courseCode: a.courseCode,
    credits: a.credits / 100,
    creditSystem: a.creditSystem,
    category: a.category,
    altCategories: a.altCategories,
    level: a.level,
    hours: a.hours,
    grade: a.grade,
    earnedAt: a.earnedAt,
    term: a.term,
    expiresAt: a.expiresAt,
    evidenceUrl: a.evidenceUrl,
  };
}
