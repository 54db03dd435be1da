// Mongoose schemas and the repository of one-time account codes (domain/identity/account-codes.ts) and their marks.
import { Schema, type Connection } from 'mongoose';
import type { AccountCode, AccountCodeRepository } from '../domain/identity/index.ts';
import { isDuplicateKey } from './connection.ts';
import { refuseNulInQueries } from './models.ts';

const opts = { versionKey: false, _id: false, strict: true } as const;
const str = { type: String, required: true };

const accountCode = new Schema(
  {
    _id: str,
    purpose: str,
    learnerId: String,
    userId: String,
    codeHash: str,
    createdAt: str,
    expiresAt: str,
    createdBy: { type: Schema.Types.Mixed, required: true },
  },
  opts,
);
accountCode.index({ learnerId: 1 });
accountCode.index({ userId: 1 });

// One document per mark (`<codeId>:used`, `<codeId>:fail:<n>`): the unique _id is what makes a code
// single-use and its wrong tries bounded, on MongoDB and on the embedded engine alike.
const accountCodeMark = new Schema({ _id: str, codeId: str, mark: str }, opts);
accountCodeMark.index({ codeId: 1 });

export function registerAccountCodeModels(c: Connection) {
  for (const schema of [accountCode, accountCodeMark]) refuseNulInQueries(schema);
  return {
    AccountCode: c.model('AccountCode', accountCode, 'account_codes'),
    AccountCodeMark: c.model('AccountCodeMark', accountCodeMark, 'account_code_marks'),
  };
}

export type AccountCodeModels = ReturnType<typeof registerAccountCodeModels>;

const fromDocs = (docs: unknown[], purpose: string): AccountCode[] =>
  docs
    .map((d) => {
      const { _id, ...rest } = d as AccountCode & { _id: string };
      return { ...rest, id: _id };
    })
    .filter((c) => c.purpose === purpose);

export function accountCodeRepository(m: AccountCodeModels): AccountCodeRepository {
  return {
    insert: async ({ id, ...rest }) =>
      void (await m.AccountCode.collection.insertOne({ _id: id, ...rest } as never)),
    listFor: async (learnerId, purpose) =>
      fromDocs(await m.AccountCode.find({ learnerId }).lean(), purpose),
    listForUser: async (userId, purpose) =>
      fromDocs(await m.AccountCode.find({ userId }).lean(), purpose),
    claim: async (codeId, mark) => {
      try {
        await m.AccountCodeMark.collection.insertOne({
          _id: `${codeId}:${mark}`,
          codeId,
          mark,
        } as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    unclaim: async (codeId, mark) =>
      void (await m.AccountCodeMark.deleteOne({ _id: `${codeId}:${mark}` })),
    marks: async (codeId) =>
      ((await m.AccountCodeMark.find({ codeId }).lean()) as unknown as { mark: string }[]).map(
        (d) => d.mark,
      ),
  };
}
