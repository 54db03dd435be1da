// Mongoose schemas and the repository of import jobs (domain/ledger/import-jobs.ts): the job, its file in chunks, its row errors.
import type { Binary } from 'mongodb';
import { Schema, type Connection } from 'mongoose';
import type {
  ImportJob,
  ImportJobRepository,
  ImportPhase,
  StoredRowError,
} from '../domain/ledger/index.ts';

const opts = { versionKey: false, _id: false, strict: true } as const;
const str = { type: String, required: true };
const num = { type: Number, required: true };
const mixed = { type: Schema.Types.Mixed, required: false };

const job = new Schema(
  {
    _id: str,
    institutionId: str,
    createdBy: { type: Schema.Types.Mixed, required: true },
    fileName: str,
    format: str,
    size: num,
    sha256: { type: String },
    chunks: num,
    status: str,
    allOrNothing: { type: Boolean, required: true },
    check: mixed,
    write: mixed,
    failure: String,
    createdAt: str,
    updatedAt: str,
  },
  opts,
);
job.index({ institutionId: 1, createdAt: 1 });

// A file is stored as chunks of 1 MB whose _id is "<job>:<n>": each one read by an _id lookup.
const chunk = new Schema({ _id: str, jobId: str, n: num, data: Buffer }, opts);
chunk.index({ jobId: 1 });

const rowError = new Schema(
  {
    _id: str,
    jobId: str,
    phase: str,
    seq: num,
    line: num,
    sourceRecordId: String,
    code: str,
    message: str,
    field: String,
  },
  opts,
);
rowError.index({ jobId: 1, phase: 1, seq: 1 });

export function registerImportModels(c: Connection) {
  return {
    ImportJob: c.model('ImportJob', job, 'import_jobs'),
    ImportChunk: c.model('ImportChunk', chunk, 'import_chunks'),
    ImportRowError: c.model('ImportRowError', rowError, 'import_row_errors'),
  };
}

export type ImportModels = ReturnType<typeof registerImportModels>;

const toJob = (d: unknown): ImportJob => {
  const { _id, ...rest } = d as Omit<ImportJob, 'id'> & { _id: string };
  return { id: _id, ...rest };
};
const toRowError = (d: unknown): StoredRowError => {
  const { _id: _i, jobId: _j, ...rest } = d as StoredRowError & { _id: string; jobId: string };
  return rest;
};
const pad = (n: number) => String(n).padStart(9, '0');

export function importRepository(m: ImportModels): ImportJobRepository {
  return {
    insert: async (j) => {
      const { id, ...rest } = j;
      await m.ImportJob.collection.insertOne({ _id: id, ...rest } as never);
    },
    find: async (id) => {
      const d: unknown = await m.ImportJob.findById(id).lean();
      return d ? toJob(d) : null;
    },
    update: async (id, patch) => {
      const set: Record<string, unknown> = {};
      const unset: Record<string, 1> = {};
      for (const [k, v] of Object.entries(patch)) {
        if (k === 'id') continue;
        if (v === undefined) unset[k] = 1;
        else set[k] = v;
      }
      await m.ImportJob.collection.updateOne({ _id: id } as never, {
        ...(Object.keys(set).length ? { $set: set } : {}),
        ...(Object.keys(unset).length ? { $unset: unset } : {}),
      });
    },
    // Few jobs per institution: filtered by the indexed equality, sorted here.
    listByInstitution: async (institutionId, limit) =>
      ((await m.ImportJob.find({ institutionId }).lean()) as unknown[])
        .map(toJob)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit),
    putChunk: async (jobId, n, data) => {
      await m.ImportChunk.collection.insertOne({
        _id: `${jobId}:${pad(n)}`,
        jobId,
        n,
        data,
      } as never);
    },
    readChunk: async (jobId, n) => {
      const d = (await m.ImportChunk.collection.findOne({
        _id: `${jobId}:${pad(n)}`,
      } as never)) as { data?: Binary } | null;
      if (!d?.data) return null;
      const bytes = d.data.buffer;
      return Buffer.from(bytes.buffer, bytes.byteOffset, d.data.position);
    },
    dropChunks: async (jobId) => void (await m.ImportChunk.deleteMany({ jobId })),
    addErrors: async (jobId, errors) => {
      if (errors.length === 0) return;
      await m.ImportRowError.collection.insertMany(
        errors.map((e) => ({
          _id: `${jobId}:${e.phase}:${pad(e.seq)}`,
          jobId,
          ...Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)),
        })) as never[],
        { ordered: false },
      );
    },
    errors: async (jobId, phase: ImportPhase, afterSeq, limit) =>
      (
        (await m.ImportRowError.find({ jobId, phase, seq: { $gt: afterSeq } })
          .sort({ seq: 1 })
          .limit(limit)
          .lean()) as unknown[]
      ).map(toRowError),
    dropErrors: async (jobId, phase) => void (await m.ImportRowError.deleteMany({ jobId, phase })),
  };
}
