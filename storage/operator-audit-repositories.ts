// Mongoose schema and the repository of the operator audit trail (domain/identity/operator-audit.ts): append-only.
import { Schema, type Connection } from 'mongoose';
import {
  ACTION_BLOCK,
  type ActionOutcome,
  type OperatorAction,
  type OperatorAuditRepository,
} from '../domain/identity/index.ts';
import { isDuplicateKey } from './connection.ts';
import { refuseNulInQueries } from './models.ts';

const opts = { versionKey: false, _id: false, strict: true } as const;
const str = { type: String, required: true };
const mixed = { type: Schema.Types.Mixed, required: true };

// `_id` is the position in the trail: the unique key that lets writers in several processes append
// without transactions. `block` groups 50 positions, so a page is read by one or two equality lookups.
const operatorAction = new Schema(
  {
    _id: str,
    seq: { type: Number, required: true },
    block: { type: Number, required: true },
    // The action's key (write-ahead actions only): its outcome is stored under it.
    id: String,
    at: str,
    actor: mixed,
    action: str,
    target: mixed,
    before: String,
    after: String,
  },
  opts,
);
operatorAction.index({ block: 1 });

// An attempted action's outcome, appended once under the action's key (a second one is a
// duplicate key); `block` is the action's, so a page reads its outcomes by one equality lookup.
const actionOutcome = new Schema(
  {
    _id: str,
    seq: { type: Number, required: true },
    block: { type: Number, required: true },
    outcome: str,
    at: str,
    error: String,
    after: String,
  },
  opts,
);
actionOutcome.index({ block: 1 });

export function registerOperatorAuditModels(c: Connection) {
  refuseNulInQueries(operatorAction);
  refuseNulInQueries(actionOutcome);
  return {
    OperatorAction: c.model('OperatorAction', operatorAction, 'operator_actions'),
    OperatorActionOutcome: c.model(
      'OperatorActionOutcome',
      actionOutcome,
      'operator_action_outcomes',
    ),
  };
}

export type OperatorAuditModels = ReturnType<typeof registerOperatorAuditModels>;

const docId = (seq: number) => `op-${seq}`;

export function operatorAuditRepository(m: OperatorAuditModels): OperatorAuditRepository {
  return {
    insert: async (a) => {
      try {
        await m.OperatorAction.collection.insertOne({
          _id: docId(a.seq),
          block: Math.floor(a.seq / ACTION_BLOCK),
          ...a,
        } as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    exists: async (seq) =>
      (await m.OperatorAction.findById(docId(seq)).select('_id').lean()) !== null,
    listBlock: async (block) =>
      ((await m.OperatorAction.find({ block }).lean()) as unknown[]).map((d) => {
        const {
          _id: _unused,
          block: _block,
          ...rest
        } = d as OperatorAction & {
          _id: string;
          block: number;
        };
        return rest;
      }),
    insertOutcome: async ({ actionId, ...rest }) => {
      try {
        await m.OperatorActionOutcome.collection.insertOne({
          _id: actionId,
          block: Math.floor(rest.seq / ACTION_BLOCK),
          ...rest,
        } as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    listOutcomes: async (block) =>
      ((await m.OperatorActionOutcome.find({ block }).lean()) as unknown[]).map((d) => {
        const {
          _id,
          block: _block,
          ...rest
        } = d as Omit<ActionOutcome, 'actionId'> & {
          _id: string;
          block: number;
        };
        return { actionId: _id, ...rest };
      }),
  };
}
