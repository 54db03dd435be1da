// MongoDB implementations of ledger/credential-ports.ts.
import type {
  CredentialEvent,
  CredentialRepository,
  InstitutionKey,
  IssuedCredentialRecord,
  SigningKeyRepository,
  StatusSlotRepository,
} from '../ledger/credential-ports.ts';
import { isDuplicateKey } from './connection.ts';
import type { CredentialModels } from './credential-models.ts';

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

  const toRecord = (d: unknown): IssuedCredentialRecord => {
    const { statusListKey: _k, ...rest } = fromDoc<
      IssuedCredentialRecord & { statusListKey: string }
    >(d);
    return rest;
  };

  const credentials: CredentialRepository = {
    insert: async (c) => {
      try {
        await m.Credential.collection.insertOne({
          ...toDoc(c),
          statusListKey: listKey(c.institutionId, c.statusList),
        } as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
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
    flaggedIndexes: async (institutionId, list, purpose) =>
      (
        (await m.Credential.find(
          {
            statusListKey: listKey(institutionId, list),
            [purpose === 'revocation' ? 'revoked' : 'suspended']: true,
          },
          { statusIndex: 1 },
        ).lean()) as unknown as { statusIndex: number }[]
      ).map((d) => d.statusIndex),
    setStatus: async (id, s) => void (await m.Credential.updateOne({ _id: id }, { $set: s })),
    addEvent: async (e) => void (await m.CredentialEvent.collection.insertOne(toDoc(e) as never)),
    listEvents: async (credentialId) =>
      ((await m.CredentialEvent.find({ credentialId }).lean()) as unknown[])
        .map((d) => fromDoc<CredentialEvent>(d))
        .sort((a, b) => a.at.localeCompare(b.at)),
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
    count: (institutionId, list) =>
      m.StatusSlot.countDocuments({ listKey: listKey(institutionId, list) }),
    lastList: async (institutionId) => {
      const last = (await m.Credential.findOne({ institutionId }, { statusList: 1 })
        .sort({ statusList: -1 })
        .lean()) as { statusList: number } | null;
      return last?.statusList ?? 0;
    },
  };

  return { keys, credentials, slots };
}
