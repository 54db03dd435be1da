// MongoDB implementations of domain/issuance/credential-ports.ts.
import type {
  CredentialEvent,
  CredentialRepository,
  InstitutionKey,
  IssuedCredentialRecord,
  SigningKeyRepository,
  StatusSlotRepository,
} from '../domain/issuance/index.ts';
import type { CredentialShare, ShareRepository, ShareView } from '../domain/sharing/index.ts';
import { isDuplicateKey, writeErrorsOf } from './connection.ts';
import type { CredentialModels } from './credential-models.ts';
import type { Models } from './models.ts';
import { onceMarked } from './repositories.ts';

type Doc = Record<string, unknown> & { _id: string };

function toDoc<T extends { id: string }>(r: T): Doc {
  const { id, ...rest } = r;
  return Object.fromEntries([
    ['_id', id],
    ...Object.entries(rest).filter(([, v]) => v !== undefined),
  ]) as Doc;
}
function fromDoc<T>(d: unknown): T {
  const { _id, ...rest } = d as Doc;
  return { id: _id, ...rest } as T;
}
const listKey = (institutionId: string, list: number) => `${institutionId}:${list}`;

/** One unordered insertMany: for each document, whether it went in (false: a duplicate key). */
async function insertAll(
  collection: { insertMany(docs: never[], o: { ordered: false }): Promise<unknown> },
  docs: Doc[],
): Promise<boolean[]> {
  const ok = docs.map(() => true);
  if (docs.length === 0) return ok;
  try {
    await collection.insertMany(docs as never[], { ordered: false });
  } catch (err) {
    const errors = writeErrorsOf(err);
    if (errors.length === 0 || errors.some((e) => e.code !== 11000)) throw err;
    for (const e of errors) ok[e.index] = false;
  }
  return ok;
}

export function mongoCredentialRepositories(m: CredentialModels) {
  const keys: SigningKeyRepository = {
    insert: async (k) => void (await m.SigningKey.collection.insertOne(toDoc(k) as never)),
    findById: async (id) => {
      const d: unknown = await m.SigningKey.findById(id).lean();
      return d ? fromDoc<InstitutionKey>(d) : null;
    },
    listByInstitution: async (institutionId) =>
      ((await m.SigningKey.find({ institutionId }).lean()) as unknown[])
        .map((d) => fromDoc<InstitutionKey>(d))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    update: async (k) => void (await m.SigningKey.replaceOne({ _id: k.id }, toDoc(k))),
  };

  // Credentials issued before status lists were derived from events also carry a statusListKey.
  const toRecord = (d: unknown): IssuedCredentialRecord => {
    const { statusListKey: _k, ...rest } = fromDoc<
      IssuedCredentialRecord & { statusListKey: string }
    >(d);
    return rest;
  };

  const toEvent = (d: unknown): CredentialEvent => {
    const { statusListKey: _k, ...rest } = fromDoc<CredentialEvent & { statusListKey: string }>(d);
    return rest;
  };

  const credentials: CredentialRepository = {
    insert: async (c) => {
      try {
        await m.Credential.collection.insertOne(toDoc(c) as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    insertMany: (cs) =>
      insertAll(
        m.Credential.collection,
        cs.map((c) => toDoc(c)),
      ),
    findById: async (id) => {
      const d: unknown = await m.Credential.findById(id).lean();
      return d ? toRecord(d) : null;
    },
    findByRequestKey: async (requestKey) => {
      const d: unknown = await m.Credential.findOne({ requestKey }).lean();
      return d ? toRecord(d) : null;
    },
    listByLearner: async (learnerId) =>
      ((await m.Credential.find({ learnerId }).lean()) as unknown[])
        .map(toRecord)
        .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
    pageByInstitution: async (institutionId, filter, after, limit) => {
      // Equalities only in the part the embedded engine pushes down to its indexes; the cursor's
      // range and the sort are done over what they select.
      const equal = Object.fromEntries(
        Object.entries({ institutionId, ...filter }).filter(([, v]) => v !== undefined),
      );
      const query = after
        ? {
            ...equal,
            $or: [
              { issuedAt: { $lt: after.issuedAt } },
              { issuedAt: after.issuedAt, _id: { $lt: after.id } },
            ],
          }
        : equal;
      return (
        (await m.Credential.find(query)
          .sort({ issuedAt: -1, _id: -1 })
          .limit(limit)
          .lean()) as unknown[]
      ).map(toRecord);
    },
    setStatus: async (id, s) => void (await m.Credential.updateOne({ _id: id }, { $set: s })),
    // An event's id is its ledger entry's: written again (a retry, or a second server answering
    // the same change) it is the same event.
    addEvent: async (e) => {
      try {
        await m.CredentialEvent.collection.insertOne({
          ...toDoc(e),
          statusListKey: listKey(e.institutionId, e.statusList),
        } as never);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    },
    listEvents: async (credentialId) =>
      ((await m.CredentialEvent.find({ credentialId }).lean()) as unknown[])
        .map(toEvent)
        .sort((a, b) => a.at.localeCompare(b.at)),
    statusEvents: async (institutionId, list) =>
      (
        (await m.CredentialEvent.find({
          statusListKey: listKey(institutionId, list),
        }).lean()) as unknown[]
      ).map(toEvent),
  };

  const slots: StatusSlotRepository = {
    claim: async (institutionId, list, index, credentialId) => {
      try {
        await m.StatusSlot.collection.insertOne({
          _id: `${listKey(institutionId, list)}:${index}`,
          listKey: listKey(institutionId, list),
          credentialId,
        } as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    claimMany: (institutionId, slots) =>
      insertAll(
        m.StatusSlot.collection,
        slots.map((s) => ({
          _id: `${listKey(institutionId, s.list)}:${s.index}`,
          listKey: listKey(institutionId, s.list),
          credentialId: s.credentialId,
        })),
      ),
    count: (institutionId, list) =>
      m.StatusSlot.countDocuments({ listKey: listKey(institutionId, list) }),
    lastList: async (institutionId) => {
      const last = (await m.Credential.findOne({ institutionId }, { statusList: 1 })
        .sort({ statusList: -1 })
        .lean()) as { statusList: number } | null;
      return last?.statusList ?? 0;
    },
  };

  const shares: ShareRepository = {
    insert: async (x) => void (await m.CredentialShare.collection.insertOne(toDoc(x) as never)),
    findById: async (id) => {
      const d: unknown = await m.CredentialShare.findById(id).lean();
      return d ? fromDoc<CredentialShare>(d) : null;
    },
    findByTokenHash: async (tokenHash) => {
      const d: unknown = await m.CredentialShare.findOne({ tokenHash }).lean();
      return d ? fromDoc<CredentialShare>(d) : null;
    },
    listByLearner: async (learnerId) =>
      ((await m.CredentialShare.find({ learnerId }).lean()) as unknown[]).map((d) =>
        fromDoc<CredentialShare>(d),
      ),
    // Only the first withdrawal counts: a second one leaves the time of the first.
    revoke: async (id, at) =>
      void (await m.CredentialShare.updateOne(
        { _id: id, revokedAt: { $exists: false } },
        { $set: { revokedAt: at } },
      )),
    addView: async (v) => void (await m.ShareView.collection.insertOne(toDoc(v) as never)),
    viewsByLearner: async (learnerId) =>
      ((await m.ShareView.find({ learnerId }).lean()) as unknown[])
        .map((d) => fromDoc<ShareView>(d))
        .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
  };

  return { keys, credentials, slots, shares };
}

/**
 * Gives status events recorded before they carried their credential's place on a status list
 * (institution, list, index) that place, from the credential. Status lists are derived from these
 * events, so this runs before the app serves any. A no-op once done: one query on a small collection.
 */
export async function placeStatusEvents(m: CredentialModels): Promise<number> {
  const unplaced = (await m.CredentialEvent.find(
    { statusListKey: { $exists: false } },
    { credentialId: 1 },
  ).lean()) as unknown as { _id: string; credentialId: string }[];
  for (const e of unplaced) {
    const c = (await m.Credential.findById(e.credentialId, {
      institutionId: 1,
      statusList: 1,
      statusIndex: 1,
    }).lean()) as unknown as {
      institutionId: string;
      statusList: number;
      statusIndex: number;
    } | null;
    if (!c) continue;
    await m.CredentialEvent.updateOne(
      { _id: e._id },
      {
        $set: {
          institutionId: c.institutionId,
          statusList: c.statusList,
          statusIndex: c.statusIndex,
          statusListKey: listKey(c.institutionId, c.statusList),
        },
      },
    );
  }
  return unplaced.length;
}

const PROGRAMME_MARK = 'credentials-programme-id';

/**
 * Gives the credentials an award issued before credentials stored their programme the programme
 * their award's ledger entry names (hashed: the entry says which credential it issued), once: a
 * document in `storage_marks` records that it ran, so later starts read nothing. It reads the
 * ledger's award entries by a dotted path, which FerretDB cannot push down: a scan, paid once.
 */
export function programmeCredentials(
  m: CredentialModels & Pick<Models, 'Entry' | 'StorageMark'>,
): Promise<number> {
  return onceMarked(m, PROGRAMME_MARK, async () => {
    const awards = (await m.Entry.find(
      { 'body.type': 'award' },
      { body: 1 },
    ).lean()) as unknown as {
      body: { credentialId?: string; programmeId?: string };
    }[];
    let given = 0;
    for (const { body } of awards) {
      if (!body.credentialId || !body.programmeId) continue;
      const res = await m.Credential.collection.updateOne(
        { _id: body.credentialId, programmeId: { $exists: false } } as never,
        { $set: { programmeId: body.programmeId } },
      );
      given += res.modifiedCount;
    }
    return given;
  });
}
