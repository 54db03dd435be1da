// MongoDB implementations of the ledger's ports (domain/shared/ports.ts): map documents to domain records and back.
import type { Model } from 'mongoose';
import type { CreditAccountState } from '../domain/accounts/index.ts';
import type { CreditAccountRepository } from '../domain/accounts/index.ts';
import type { Repositories } from '../domain/ledger/index.ts';
import type {
  ApiKeyRepository,
  CourseRepository,
  EntryFilter,
  InstitutionRepository,
  LearnerRepository,
  LedgerRepository,
  UserRepository,
} from '../domain/shared/index.ts';
import type {
  ApiKey,
  CourseVersion,
  Institution,
  Learner,
  LedgerEntry,
  UserAccount,
} from '../domain/shared/index.ts';
import { isDuplicateKey, writeErrorsOf } from './connection.ts';
import { SEQ_BLOCK, type Models } from './models.ts';

type WithId = { id: string };
type Doc = Record<string, unknown> & { _id: string };

function toDoc<T extends WithId>(record: T): Doc {
  const { id, ...rest } = record;
  const doc: Doc = { _id: id };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) doc[k] = v;
  return doc;
}

function fromDoc<T>(doc: unknown): T {
  const { _id, ...rest } = doc as Doc;
  return { id: _id, ...rest } as T;
}

/** Runs a lookup per item, 16 at a time: as many as keep the database busy without queueing. */
async function eachOf<T, U>(items: T[], fn: (t: T) => Promise<U>): Promise<U[]> {
  const out = new Array<U>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, items.length) }, worker));
  return out;
}

const fromDocs = <T>(docs: unknown[]): T[] => docs.map((d) => fromDoc<T>(d));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

async function findById<T>(m: AnyModel, id: string): Promise<T | null> {
  const d: unknown = await m.findById(id).lean();
  return d ? fromDoc<T>(d) : null;
}

/** A status list's key: institution and list number (as on the status events). */
export const statusListKey = (institutionId: string, statusList: number): string =>
  `${institutionId}:${statusList}`;

/** The status list a credential status entry changes, as its key; none for any other entry. */
export function statusListKeyOf(
  e: Pick<LedgerEntry, 'institutionId' | 'body'>,
): string | undefined {
  const b = e.body;
  return b.type === 'credential' && b.statusList !== undefined
    ? statusListKey(e.institutionId, b.statusList)
    : undefined;
}

/**
 * A course's key: institution and course code. One key per course code, not one per (course,
 * term): a class with a term is the course's entries filtered by term after the one lookup (a
 * course's entries over all its terms are few next to the institution's), and an entry keeps a
 * single lookup field, which needs no array (FerretDB pushes an equality on a top-level scalar
 * down). The separator is `:` as in statusListKey (PostgreSQL's jsonb cannot hold `\u0000`); a key
 * two institutions' codes could share finds nothing extra, as every entry found is checked
 * against its hashed body (courseKeyOf).
 */
export const courseKey = (institutionId: string, courseCode: string): string =>
  `${institutionId}:${courseCode}`;

/** The course a result (an achievement or a correction) is of, as its key; none for any other entry. */
export function courseKeyOf(e: Pick<LedgerEntry, 'institutionId' | 'body'>): string | undefined {
  const b = e.body;
  return (b.type === 'achievement' || b.type === 'correction') && b.achievement.courseCode
    ? courseKey(e.institutionId, b.achievement.courseCode)
    : undefined;
}

const STATUS_KEYS_MARK = 'ledger-entries-status-list-key';
const COURSE_KEYS_MARK = 'ledger-entries-course-key';

/**
 * Runs a one-time upgrade of stored documents unless its mark is in `storage_marks`, then sets the
 * mark, so later starts skip it. The upgrade must be safe to run twice or on two servers at once
 * (a crash before the mark runs it again). Returns what the upgrade returns (0 when skipped).
 */
export async function onceMarked(
  models: Pick<Models, 'StorageMark'>,
  mark: string,
  upgrade: () => Promise<number>,
): Promise<number> {
  if (await models.StorageMark.exists({ _id: mark })) return 0;
  const done = await upgrade();
  await models.StorageMark.collection.updateOne(
    { _id: mark } as never,
    { $set: { at: new Date().toISOString() } },
    { upsert: true },
  );
  return done;
}

/**
 * Gives the ledger entries of these body types stored before they carried a lookup field its value,
 * once: the search reads every ledger entry (FerretDB does not push `body.type` down), so it runs
 * under a mark. The value is a function of the entry. Returns how many entries it keyed.
 */
function keyEntries(
  models: Models,
  mark: string,
  types: LedgerEntry['body']['type'][],
  field: 'statusListKey' | 'courseKey',
  keyOf: (e: Pick<LedgerEntry, 'institutionId' | 'body'>) => string | undefined,
): Promise<number> {
  return onceMarked(models, mark, async () => {
    const unkeyed = (await models.Entry.find(
      {
        'body.type': types.length === 1 ? types[0] : { $in: types },
        [field]: { $exists: false },
      },
      { institutionId: 1, body: 1 },
    ).lean()) as unknown as (Pick<LedgerEntry, 'institutionId' | 'body'> & { _id: string })[];
    let keyed = 0;
    for (const e of unkeyed) {
      const key = keyOf(e);
      if (key === undefined) continue;
      await models.Entry.collection.updateOne({ _id: e._id } as never, { $set: { [field]: key } });
      keyed++;
    }
    return keyed;
  });
}

/** Credential status entries stored before they carried a statusListKey get it, once. */
export const keyStatusEntries = (models: Models): Promise<number> =>
  keyEntries(models, STATUS_KEYS_MARK, ['credential'], 'statusListKey', statusListKeyOf);

/** Results (achievements and corrections with a course code) stored before they carried a courseKey get it, once. */
export const keyCourseEntries = (models: Models): Promise<number> =>
  keyEntries(models, COURSE_KEYS_MARK, ['achievement', 'correction'], 'courseKey', courseKeyOf);

export function mongoRepositories(models: Models): Repositories {
  const institutions: InstitutionRepository = {
    insert: async (i) => void (await models.Institution.collection.insertOne(toDoc(i) as never)),
    findById: (id) => findById<Institution>(models.Institution, id),
    findBySlug: async (slug) => {
      const d: unknown = await models.Institution.findOne({ slug }).lean();
      return d ? fromDoc<Institution>(d) : null;
    },
    list: async () =>
      fromDocs<Institution>(await models.Institution.find().sort({ slug: 1 }).lean()),
    update: async (i) => void (await models.Institution.replaceOne({ _id: i.id }, toDoc(i))),
  };

  const users: UserRepository = {
    insert: async (u) => void (await models.User.collection.insertOne(toDoc(u) as never)),
    findById: (id) => findById<UserAccount>(models.User, id),
    findByEmail: async (email) => {
      const d: unknown = await models.User.findOne({ email }).lean();
      return d ? fromDoc<UserAccount>(d) : null;
    },
    findByLearnerId: async (learnerId) => {
      const d: unknown = await models.User.findOne({ learnerId }).lean();
      return d ? fromDoc<UserAccount>(d) : null;
    },
    listByInstitution: async (institutionId) =>
      fromDocs<UserAccount>(await models.User.find({ institutionId }).sort({ email: 1 }).lean()),
    countByRole: (role) => models.User.countDocuments({ role }),
    setTokenEpoch: async (id, epoch) =>
      void (await models.User.updateOne({ _id: id }, { $set: { tokenEpoch: epoch } })),
    setDisabledAt: async (id, at) =>
      void (await models.User.updateOne({ _id: id }, { $set: { disabledAt: at } })),
    setPassword: async (id, passwordHash, tokenEpoch) =>
      void (await models.User.updateOne({ _id: id }, { $set: { passwordHash, tokenEpoch } })),
  };

  const apiKeys: ApiKeyRepository = {
    insert: async (k) => void (await models.ApiKey.collection.insertOne(toDoc(k) as never)),
    findById: (id) => findById<ApiKey>(models.ApiKey, id),
    listByInstitution: async (institutionId) =>
      fromDocs<ApiKey>(await models.ApiKey.find({ institutionId }).sort({ createdAt: 1 }).lean()),
    markRevoked: async (id, at) =>
      void (await models.ApiKey.updateOne({ _id: id }, { $set: { revokedAt: at } })),
    markUsed: async (id, at) =>
      void (await models.ApiKey.updateOne({ _id: id }, { $set: { lastUsedAt: at } })),
  };

  const learners: LearnerRepository = {
    insertOrGet: async (l) => {
      try {
        await models.Learner.collection.insertOne(toDoc(l) as never);
        return { learner: l, created: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const existing: unknown = await models.Learner.findOne({ idHash: l.idHash }).lean();
        if (!existing) throw err;
        return { learner: fromDoc<Learner>(existing), created: false };
      }
    },
    findById: (id) => findById<Learner>(models.Learner, id),
    findByIdHash: async (idHash) => {
      const d: unknown = await models.Learner.findOne({ idHash }).lean();
      return d ? fromDoc<Learner>(d) : null;
    },
    listIds: async () =>
      ((await models.Learner.find({}, { _id: 1 }).lean()) as unknown as { _id: string }[]).map(
        (d) => d._id,
      ),
    // Equality lookups, not `$in`: FerretDB pushes only equality down to PostgreSQL (an index
    // lookup each), while an `$in` is a scan of every learner. Only the ids come back, through the
    // driver: an import asks this for every new learner, and mongoose's query building cost more
    // CPU than the lookup itself. No stored id holds a NUL (which PostgreSQL cannot compare).
    existingIds: async (ids) => {
      const docs = await eachOf(
        [...new Set(ids)].filter((id) => !id.includes('\0')),
        (id) => models.Learner.collection.findOne({ _id: id } as never, { projection: { _id: 1 } }),
      );
      return docs.flatMap((d) => (d ? [String(d._id)] : []));
    },
  };

  const courses: CourseRepository = {
    insertVersion: async (c) => {
      try {
        await models.Course.collection.insertOne(toDoc(c) as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    latest: async (institutionId, code) => {
      const all = fromDocs<CourseVersion>(await models.Course.find({ institutionId, code }).lean());
      return all.sort((a, b) => b.version - a.version)[0] ?? null;
    },
    findVersion: (id) => findById<CourseVersion>(models.Course, id),
    listByInstitution: async (institutionId) =>
      fromDocs<CourseVersion>(await models.Course.find({ institutionId }).lean()).sort(
        (a, b) => a.code.localeCompare(b.code) || a.version - b.version,
      ),
  };

  // The stored copy of a correction's or void's target (what listByTarget finds it by) is part of
  // the entry, and of its hash since hash version 2; chains check it against the body.
  // Lookup fields (seqBlock, statusListKey, courseKey) are storage only: stripped when read back,
  // so an entry and its hash are the same as before they existed.
  const entryToDoc = (e: LedgerEntry): Doc => {
    const key = statusListKeyOf(e);
    const course = courseKeyOf(e);
    return {
      ...toDoc(e),
      seqBlock: Math.floor(e.seq / SEQ_BLOCK),
      ...(key === undefined ? {} : { statusListKey: key }),
      ...(course === undefined ? {} : { courseKey: course }),
    };
  };
  const docToEntry = (d: unknown): LedgerEntry => {
    const { seqBlock: _block, statusListKey: _list, courseKey: _course, ...rest } = d as Doc;
    return fromDoc<LedgerEntry>(rest);
  };

  const legacyPage = async (
    learnerId: string,
    afterSeq: number,
    limit: number,
    f: EntryFilter,
  ): Promise<LedgerEntry[]> => {
    const filter: Record<string, unknown> = { learnerId, seq: { $gt: afterSeq } };
    if (f.types?.length) filter['body.type'] = f.types.length === 1 ? f.types[0] : { $in: f.types };
    if (f.institutionId) filter['institutionId'] = f.institutionId;
    const docs: unknown[] = await models.Entry.find(filter).sort({ seq: 1 }).limit(limit).lean();
    return docs.map(docToEntry);
  };

  const legacyPageBefore = async (
    learnerId: string,
    beforeSeq: number,
    limit: number,
    f: EntryFilter,
  ): Promise<LedgerEntry[]> => {
    const filter: Record<string, unknown> = { learnerId, seq: { $lt: beforeSeq } };
    if (f.types?.length) filter['body.type'] = f.types.length === 1 ? f.types[0] : { $in: f.types };
    if (f.institutionId) filter['institutionId'] = f.institutionId;
    const docs: unknown[] = await models.Entry.find(filter).sort({ seq: -1 }).limit(limit).lean();
    return docs.map(docToEntry);
  };

  /** Blocks `from`..`to` of a learner's chain, each an equality lookup, all at once. */
  const readBlocks = (learnerId: string, from: number, to: number): Promise<LedgerEntry[][]> =>
    Promise.all(
      Array.from({ length: to - from + 1 }, async (_, i) =>
        ((await models.Entry.find({ learnerId, seqBlock: from + i }).lean()) as unknown[]).map(
          docToEntry,
        ),
      ),
    );
  /** How many blocks a page of `n` more entries spans, read together (at most 5 at once: a page of 200). */
  const blocksFor = (n: number) => Math.min(5, Math.ceil(n / SEQ_BLOCK) + 1);
  const entryFilter =
    (afterSeq: number, beforeSeq: number, f: EntryFilter) =>
    (e: LedgerEntry): boolean =>
      e.seq > afterSeq &&
      e.seq < beforeSeq &&
      (!f.types?.length || f.types.includes(e.body.type)) &&
      (!f.institutionId || e.institutionId === f.institutionId);

  /**
   * The entries after `afterSeq`, read block by block from the one holding `afterSeq + 1` (an
   * equality lookup each: FerretDB does not push `seq > n` down, so a range reads the learner's
   * whole chain to return its last entry). A learner's seqs run from 1 without gaps, so a block that
   * is empty or stops short is the end of the chain, and what is read must run on from
   * `afterSeq + 1` without a gap. When it does not (entries stored before blocks existed have no
   * block), null: the caller reads by range instead.
   */
  const tailByBlocks = async (
    learnerId: string,
    afterSeq: number,
  ): Promise<LedgerEntry[] | null> => {
    const out: LedgerEntry[] = [];
    for (let block = Math.floor((afterSeq + 1) / SEQ_BLOCK); ; block++) {
      const docs: unknown[] = await models.Entry.find({ learnerId, seqBlock: block }).lean();
      if (docs.length === 0) break;
      const entries = docs.map(docToEntry);
      for (const e of entries) if (e.seq > afterSeq) out.push(e);
      // A block that does not reach its last seq holds the end of the chain.
      if (Math.max(...entries.map((e) => e.seq)) < (block + 1) * SEQ_BLOCK - 1) break;
    }
    out.sort((a, b) => a.seq - b.seq);
    const contiguous = out.every((e, i) => e.seq === afterSeq + 1 + i);
    if (!contiguous) return null;
    // Nothing after `afterSeq` in its block: the end of the chain, unless that block's entries
    // predate blocks. Its entry `afterSeq` (if stored with a block) tells which.
    if (out.length === 0) {
      const at: unknown = await models.Entry.findOne({ learnerId, seq: afterSeq }).lean();
      if (at && (at as Doc)['seqBlock'] === undefined) return null;
    }
    return out;
  };

  const ledger: LedgerRepository = {
    findByIdempotencyKey: async (key) => {
      const d: unknown = await models.Entry.findById(key).lean();
      return d ? docToEntry(d) : null;
    },
    insertOrdered: async (entries) => {
      if (entries.length === 0) return { inserted: 0 };
      try {
        await models.Entry.collection.insertMany(entries.map(entryToDoc) as never[], {
          ordered: true,
        });
        return { inserted: entries.length };
      } catch (err) {
        const first = writeErrorsOf(err)[0];
        if (!first || first.code !== 11000) throw err;
        // Engines word duplicate-key errors differently: ask which key is taken instead.
        const failed = entries[first.index]!;
        const replay = await models.Entry.exists({ _id: failed.id });
        return { inserted: first.index, failure: replay ? 'idempotency' : 'sequence' };
      }
    },
    findById: async (id) => {
      const d: unknown = await models.Entry.findById(id).lean();
      return d ? docToEntry(d) : null;
    },
    findBySeq: async (learnerId, seq) => {
      const d: unknown = await models.Entry.findOne({ learnerId, seq }).lean();
      return d ? docToEntry(d) : null;
    },
    listByLearner: async (learnerId, afterSeq = 0) => {
      if (afterSeq > 0) {
        const tail = await tailByBlocks(learnerId, afterSeq);
        if (tail) return tail;
      }
      const filter = afterSeq > 0 ? { learnerId, seq: { $gt: afterSeq } } : { learnerId };
      const docs: unknown[] = await models.Entry.find(filter).lean();
      return docs.map(docToEntry).sort((a, b) => a.seq - b.seq);
    },
    // Block by block (an equality lookup each: FerretDB pushes neither a range nor a limit down,
    // so `seq > n` would fetch the learner's whole chain for every page), the blocks an unfiltered
    // page needs read at once. A learner's seqs run from 1 without gaps, so an empty block is the
    // end of the chain.
    pageByLearner: async (learnerId, afterSeq, limit, f) => {
      const keep = entryFilter(afterSeq, Infinity, f);
      const out: LedgerEntry[] = [];
      const first = Math.floor((afterSeq + 1) / SEQ_BLOCK);
      for (let block = first; out.length < limit;) {
        const n = blocksFor(limit - out.length);
        const read = await readBlocks(learnerId, block, block + n - 1);
        // Entries stored before blocks existed have none: read them the old way.
        if (block === first && read[0]!.length === 0)
          return legacyPage(learnerId, afterSeq, limit, f);
        let ended = false;
        for (const docs of read) {
          if (docs.length === 0) {
            ended = true;
            break;
          }
          const entries = docs.filter(keep).sort((a, b) => a.seq - b.seq);
          for (const e of entries) if (out.length < limit) out.push(e);
        }
        if (ended) break;
        block += n;
      }
      return out;
    },
    // The same blocks from the newest down. A block holding fewer entries below `beforeSeq` than
    // its seqs (entries stored before blocks existed, or a head hint past the chain's end) sends
    // the page to a range read, which is right on every engine, only slower on the embedded one.
    pageByLearnerBefore: async (learnerId, beforeSeq, limit, f) => {
      const keep = entryFilter(0, beforeSeq, f);
      const out: LedgerEntry[] = [];
      for (let block = Math.floor((beforeSeq - 1) / SEQ_BLOCK); out.length < limit && block >= 0;) {
        const low = Math.max(0, block - blocksFor(limit - out.length) + 1);
        const read = await readBlocks(learnerId, low, block);
        for (let b = block; b >= low && out.length < limit; b--) {
          const docs = read[b - low]!;
          const expected =
            Math.min(b * SEQ_BLOCK + SEQ_BLOCK, beforeSeq) - Math.max(1, b * SEQ_BLOCK);
          if (docs.filter((e) => e.seq < beforeSeq).length !== expected)
            return legacyPageBefore(learnerId, beforeSeq, limit, f);
          for (const e of docs.filter(keep).sort((x, y) => y.seq - x.seq))
            if (out.length < limit) out.push(e);
        }
        block = low - 1;
      }
      return out;
    },
    // Only entries whose hashed body names the target: a moved lookup field adds nothing elsewhere.
    listByTarget: async (targetEntryId, learnerId) =>
      (
        (await models.Entry.find(
          learnerId === undefined ? { targetEntryId } : { learnerId, targetEntryId },
        ).lean()) as unknown[]
      )
        .map(docToEntry)
        .filter((e) => 'targetEntryId' in e.body && e.body.targetEntryId === targetEntryId),
    // One equality lookup on statusListKey (entries stored before it existed get it at start-up:
    // keyStatusEntries). Only entries whose hashed body names the list count.
    listCredentialStatus: async (institutionId, statusList) =>
      (
        (await models.Entry.find({
          statusListKey: statusListKey(institutionId, statusList),
        }).lean()) as unknown[]
      )
        .map(docToEntry)
        .filter((e) => statusListKeyOf(e) === statusListKey(institutionId, statusList)),
    // One equality lookup on courseKey (entries stored before it existed get it at start-up:
    // keyCourseEntries). Only entries whose hashed body is of the course count.
    listByCourse: async (institutionId, courseCode) =>
      (
        (await models.Entry.find({
          courseKey: courseKey(institutionId, courseCode),
        }).lean()) as unknown[]
      )
        .map(docToEntry)
        .filter((e) => courseKeyOf(e) === courseKey(institutionId, courseCode)),
    // Per institution, so the (institutionId, recordedAt) index serves it: no index of its own to
    // keep up on every append.
    learnersRecordedSince: async (at) => {
      const learners = new Set<string>();
      for (const institutionId of await models.Entry.distinct('institutionId')) {
        const ids = await models.Entry.distinct('learnerId', {
          institutionId,
          recordedAt: { $gte: at },
        });
        for (const id of ids) learners.add(String(id));
      }
      return [...learners];
    },
    listByInstitution: async (institutionId, after, limit) => {
      // Ordered by (recordedAt, _id): the cursor is the last pair seen.
      const filter: Record<string, unknown> = { institutionId };
      if (after !== null) {
        const cut = after.indexOf('|');
        const [at, id] = [after.slice(0, cut), after.slice(cut + 1)];
        filter['$or'] = [{ recordedAt: { $gt: at } }, { recordedAt: at, _id: { $gt: id } }];
      }
      const docs: unknown[] = await models.Entry.find(filter)
        .sort({ recordedAt: 1, _id: 1 })
        .limit(limit)
        .lean();
      return docs.map(docToEntry);
    },
  };

  const toAccount = (d: unknown): CreditAccountState => {
    const { learnerId, uptoSeq, lastHash, buckets, seal } = d as CreditAccountState;
    return { learnerId, uptoSeq, lastHash, buckets, ...(seal ? { seal } : {}) };
  };
  const versionId = (learnerId: string, uptoSeq: number) => `${learnerId}:${uptoSeq}`;
  const accountDoc = (s: CreditAccountState) => {
    const { seal, ...rest } = s;
    return { _id: versionId(s.learnerId, s.uptoSeq), ...rest, ...(seal ? { seal } : {}) };
  };
  const latest = (docs: unknown[]): Map<string, CreditAccountState> => {
    const byLearner = new Map<string, CreditAccountState>();
    for (const d of docs.map(toAccount)) {
      const cur = byLearner.get(d.learnerId);
      if (!cur || d.uptoSeq > cur.uptoSeq) byLearner.set(d.learnerId, d);
    }
    return byLearner;
  };

  let cleanup: Promise<void> = Promise.resolve();
  const accounts: CreditAccountRepository = {
    get: async (learnerId) =>
      latest(await models.Account.find({ learnerId }).lean()).get(learnerId) ?? null,
    getMany: async (learnerIds) => {
      if (learnerIds.length === 0) return [];
      // One indexed equality lookup per learner (see existingIds: an `$in` scans on FerretDB),
      // through the driver for the same reason.
      const docs = await eachOf(
        [...new Set(learnerIds)].filter((id) => !id.includes('\0')),
        (learnerId) => models.Account.collection.find({ learnerId }).toArray(),
      );
      return [...latest(docs.flat()).values()];
    },
    putMany: async (states) => {
      if (states.length === 0) return;
      try {
        await models.Account.collection.insertMany(
          states.map(({ state }) => accountDoc(state)) as never[],
          { ordered: false },
        );
      } catch (err) {
        // The same version written twice (a retry) is the same document: nothing to do.
        if (writeErrorsOf(err).length === 0 || writeErrorsOf(err).some((e) => e.code !== 11000))
          throw err;
      }
      // Superseded versions are dropped in the background (one at a time): readers take the
      // highest version, so a leftover is harmless, and the next batch need not wait for it.
      const old = states
        .filter((x) => x.supersedes > 0)
        .map((x) => ({
          learnerId: x.state.learnerId,
          _id: versionId(x.state.learnerId, x.supersedes),
        }));
      if (old.length) {
        // One equality delete each: FerretDB cannot push `$in` down to PostgreSQL, which would
        // read the whole collection for every append.
        cleanup = cleanup
          .then(() =>
            models.Account.bulkWrite(
              // With the learner, the shard key on a cluster (storage/sharding.ts).
              old.map((filter) => ({ deleteOne: { filter } })),
              { ordered: false },
            ),
          )
          .then(
            () => {},
            () => {},
          );
      }
    },
    replace: async (s) => {
      await models.Account.deleteMany({ learnerId: s.learnerId });
      await models.Account.collection.insertOne(accountDoc(s) as never);
    },
  };

  return { institutions, users, apiKeys, learners, courses, ledger, accounts };
}
