// Mongoose schemas and repositories of the checkpoint log (domain/checkpoints/ports.ts): one document per checkpoint.
import { Schema, type Connection } from 'mongoose';
import type {
  CheckpointRepository,
  Cosigner,
  CosignerRepository,
  StoredCheckpoint,
} from '../domain/checkpoints/index.ts';
import { isDuplicateKey } from './connection.ts';

const opts = { versionKey: false, _id: false, strict: true } as const;
const str = { type: String, required: true };
const num = { type: Number, required: true };

// Append-only: a checkpoint is inserted whole (the heads it adds inside it), so a crash leaves no
// half-written checkpoint, and the unique number lets one of two racing publishers win.
const checkpoint = new Schema(
  {
    _id: num,
    size: num,
    rootHash: str,
    body: str,
    note: str,
    heads: { type: Schema.Types.Mixed, required: true },
    createdAt: str,
    scannedFrom: str,
  },
  opts,
);

const cosigner = new Schema(
  { _id: str, enabled: { type: Boolean, required: true }, changedAt: str, changedBy: str },
  opts,
);

export function registerCheckpointModels(c: Connection) {
  return {
    Checkpoint: c.model('Checkpoint', checkpoint, 'checkpoints'),
    CheckpointCosigner: c.model('CheckpointCosigner', cosigner, 'checkpoint_cosigners'),
  };
}

export type CheckpointModels = ReturnType<typeof registerCheckpointModels>;

const toCheckpoint = (d: unknown): StoredCheckpoint => {
  const { _id, ...rest } = d as Omit<StoredCheckpoint, 'number'> & { _id: number };
  return { number: _id, ...rest };
};

export function checkpointRepositories(m: CheckpointModels): {
  checkpoints: CheckpointRepository;
  cosigners: CosignerRepository;
} {
  const checkpoints: CheckpointRepository = {
    insert: async (c) => {
      const { number, ...rest } = c;
      try {
        await m.Checkpoint.collection.insertOne({ _id: number, ...rest } as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    latest: async () => {
      const d: unknown = await m.Checkpoint.findOne().sort({ _id: -1 }).lean();
      return d ? toCheckpoint(d) : null;
    },
    // Checkpoints are numbered 1, 2, 3… without gaps: the ones after `number` are looked up by
    // number (the next one alone, then 16 at a time) until one is missing. An equality lookup
    // each, where a range (which FerretDB cannot push down) read the whole log every time a
    // process looked for new ones.
    listAfter: async (number) => {
      const out: StoredCheckpoint[] = [];
      for (let from = number + 1, n = 1; ; from += n, n = 16) {
        const found = (await Promise.all(
          Array.from({ length: n }, (_, i) => m.Checkpoint.findById(from + i).lean()),
        )) as unknown[];
        const end = found.findIndex((d) => !d);
        out.push(...found.slice(0, end < 0 ? n : end).map(toCheckpoint));
        if (end >= 0) return out;
      }
    },
  };
  const cosigners: CosignerRepository = {
    put: async (c) =>
      void (await m.CheckpointCosigner.replaceOne(
        { _id: c.institutionId },
        { enabled: c.enabled, changedAt: c.changedAt, changedBy: c.changedBy },
        { upsert: true },
      )),
    list: async () =>
      (
        (await m.CheckpointCosigner.find().lean()) as unknown as (Omit<
          Cosigner,
          'institutionId'
        > & {
          _id: string;
        })[]
      ).map(({ _id, ...rest }) => ({ institutionId: _id, ...rest })),
  };
  return { checkpoints, cosigners };
}
