// Import jobs: a file streamed into the database, checked (a dry run), then written, with progress anyone may poll.
import { createHash, randomUUID } from 'node:crypto';
import {
  actorRef,
  requireInstitution,
  requireOperatorOrInstitution,
  type Actor,
} from '../identity/index.ts';
import {
  Conflict,
  DomainError,
  InputValidationError,
  NotFound,
  type ActorRef,
} from '../shared/index.ts';
import type { BulkImporter, ImportReport, ImportRowError } from './importer.ts';

export type ImportPhase = 'check' | 'write';
/**
 * uploading → checking → checked → writing → done; `failed` when the upload broke or the server
 * failed unexpectedly; `interrupted` (never stored) when a running job's process stopped beating.
 */
export type ImportJobStatus =
  'uploading' | 'checking' | 'checked' | 'writing' | 'done' | 'failed' | 'interrupted';

export interface ImportProgress {
  /** Bytes of the file read so far. */
  bytes: number;
  rows: number;
  /** Rows that passed every check (in the check: would be recorded, or are recorded already). */
  valid: number;
  created: number;
  duplicates: number;
  failed: number;
  /** How many row errors are stored (at most MAX_STORED_ERRORS; `failed` counts them all). */
  errorsStored: number;
  startedAt: string;
  finishedAt?: string | undefined;
}

export interface ImportJob {
  id: string;
  institutionId: string;
  createdBy: ActorRef;
  fileName: string;
  format: 'csv' | 'jsonl';
  /** The file's size and sha256, known once the upload is complete. */
  size: number;
  sha256: string;
  chunks: number;
  status: Exclude<ImportJobStatus, 'interrupted'>;
  /** Write nothing unless the check found no bad row. */
  allOrNothing: boolean;
  check?: ImportProgress | undefined;
  write?: ImportProgress | undefined;
  /** Why the job failed (an upload cut short, a file too big, or our own error, logged). */
  failure?: string | undefined;
  createdAt: string;
  /** Heartbeat: a running job's process touches it every few seconds. */
  updatedAt: string;
}

/** A job as callers see it: a running job whose process stopped beating reads as `interrupted`. */
export type ImportJobView = Omit<ImportJob, 'status'> & { status: ImportJobStatus };

export interface StoredRowError extends ImportRowError {
  phase: ImportPhase;
  seq: number;
}

/** Storage of jobs, their file (in chunks) and their row errors; implemented in storage/. */
export interface ImportJobRepository {
  insert(job: ImportJob): Promise<void>;
  find(id: string): Promise<ImportJob | null>;
  update(id: string, patch: Partial<ImportJob>): Promise<void>;
  /** The institution's latest jobs, newest first. */
  listByInstitution(institutionId: string, limit: number): Promise<ImportJob[]>;
  putChunk(jobId: string, n: number, data: Buffer): Promise<void>;
  readChunk(jobId: string, n: number): Promise<Buffer | null>;
  dropChunks(jobId: string): Promise<void>;
  addErrors(jobId: string, errors: StoredRowError[]): Promise<void>;
  /** Row errors of a phase with seq > afterSeq, in seq order. */
  errors(
    jobId: string,
    phase: ImportPhase,
    afterSeq: number,
    limit: number,
  ): Promise<StoredRowError[]>;
  dropErrors(jobId: string, phase: ImportPhase): Promise<void>;
}

export const CHUNK_BYTES = 1 << 20;
export const MAX_STORED_ERRORS = 10_000;
/** A running job whose heartbeat is older than this has lost its process. */
const STALE_MS = 60_000;
const HEARTBEAT_MS = 5_000;

export interface ImportJobOptions {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** Unexpected failures of a background job (our bugs, a lost database): logged, never silent. */
  onUnexpected: (err: unknown, jobId: string) => void;
}

export class ImportJobs {
  /** Jobs running in this process, so a test (or shutdown) can wait for them. */
  readonly #running = new Map<string, Promise<void>>();

  constructor(
    private readonly repo: ImportJobRepository,
    private readonly importer: BulkImporter,
    private readonly opts: ImportJobOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Streams a file into the database chunk by chunk (memory stays flat whatever its size), then
   * starts checking it in the background. The job is returned once the file is stored.
   */
  async upload(
    actor: Actor,
    input: { institutionId: string; format: string; fileName?: string | undefined },
    body: AsyncIterable<Buffer | string>,
  ): Promise<ImportJobView> {
    requireInstitution(actor, input.institutionId, 'records:write');
    const format = input.format.toLowerCase();
    if (format !== 'csv' && format !== 'jsonl') {
      throw new InputValidationError('The format is csv or jsonl', { field: 'format' });
    }
    const fileName = (input.fileName ?? '').trim().slice(0, 200) || `upload.${format}`;
    const at = this.now().toISOString();
    const job: ImportJob = {
      id: randomUUID(),
      institutionId: input.institutionId,
      createdBy: actorRef(actor),
      fileName,
      format,
      size: 0,
      sha256: '',
      chunks: 0,
      status: 'uploading',
      allOrNothing: false,
      createdAt: at,
      updatedAt: at,
    };
    await this.repo.insert(job);
    const hash = createHash('sha256');
    let size = 0;
    let chunks = 0;
    let held: Buffer[] = [];
    let heldBytes = 0;
    const flush = async () => {
      if (heldBytes === 0) return;
      const data = held.length === 1 ? held[0]! : Buffer.concat(held);
      held = [];
      heldBytes = 0;
      await this.repo.putChunk(job.id, chunks++, data);
    };
    try {
      for await (const part of body) {
        let buf = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        size += buf.length;
        if (size > this.opts.maxBytes) {
          throw new InputValidationError(
            `The file is larger than ${Math.floor(this.opts.maxBytes / CHUNK_BYTES)} MB; split it`,
            { field: 'file' },
          );
        }
        hash.update(buf);
        while (buf.length > 0) {
          const take = Math.min(buf.length, CHUNK_BYTES - heldBytes);
          held.push(buf.subarray(0, take));
          heldBytes += take;
          buf = buf.subarray(take);
          if (heldBytes === CHUNK_BYTES) await flush();
        }
      }
      await flush();
    } catch (err) {
      const failure =
        err instanceof DomainError ? err.message : 'The upload was cut off before the file ended';
      await this.repo.dropChunks(job.id);
      await this.repo.update(job.id, { status: 'failed', failure, updatedAt: this.#at() });
      throw err instanceof DomainError ? err : new InputValidationError(failure, { field: 'file' });
    }
    if (size === 0) {
      await this.repo.update(job.id, {
        status: 'failed',
        failure: 'The file is empty',
        updatedAt: this.#at(),
      });
      throw new InputValidationError('The file is empty', { field: 'file' });
    }
    Object.assign(job, { size, chunks, sha256: hash.digest('hex') });
    await this.repo.update(job.id, { size, chunks, sha256: job.sha256 });
    return this.#start(actor, job, 'check');
  }

  /** A job, as its institution's staff (or the operator) may see it. */
  async get(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.repo.find(id);
    // The same answer for a job of another institution: ids are not to be probed.
    if (!job) throw new NotFound('Import job', id);
    requireOperatorOrInstitution(actor, job.institutionId, 'records:read');
    return this.#view(job);
  }

  async list(actor: Actor, institutionId: string, limit = 20) {
    requireOperatorOrInstitution(actor, institutionId, 'records:read');
    const jobs = await this.repo.listByInstitution(
      institutionId,
      Math.min(Math.max(limit, 1), 100),
    );
    return jobs.map((j) => this.#view(j));
  }

  /** Row errors of a phase, in line order, paged by their position. */
  async errors(actor: Actor, id: string, phase: ImportPhase, afterSeq = 0, first = 500) {
    await this.get(actor, id);
    return this.repo.errors(id, phase, afterSeq, Math.min(Math.max(first, 1), 5000));
  }

  /**
   * Writes a checked file: the good rows (a row recorded before with the same content is a
   * duplicate, never a second entry), or with `allOrNothing` nothing at all when the check found a
   * bad row. An interrupted job is resumed the same way: re-running writes nothing twice.
   */
  async write(
    actor: Actor,
    id: string,
    opts: { allOrNothing?: boolean | undefined } = {},
  ): Promise<ImportJobView> {
    const job = await this.repo.find(id);
    if (!job) throw new NotFound('Import job', id);
    requireInstitution(actor, job.institutionId, 'records:write');
    const view = this.#view(job);
    if (view.status === 'interrupted' && job.status === 'checking') {
      return this.#start(actor, job, 'check');
    }
    if (view.status !== 'checked' && view.status !== 'interrupted') {
      throw new Conflict(
        view.status === 'done'
          ? 'This file was imported already; upload it again to re-run it (nothing is recorded twice)'
          : `The job is ${view.status}; it can be imported once it is checked`,
      );
    }
    const allOrNothing = opts.allOrNothing ?? job.allOrNothing;
    if (allOrNothing && (job.check?.failed ?? 0) > 0) {
      throw new Conflict(
        `The check found ${job.check?.failed} bad row(s): fix them, or import the good rows only`,
        { field: 'allOrNothing' },
      );
    }
    job.allOrNothing = allOrNothing;
    return this.#start(actor, job, 'write');
  }

  /** Resolves when the job's background work in this process is over (tests, shutdown). */
  async settled(id?: string): Promise<void> {
    if (id) return this.#running.get(id);
    await Promise.all(this.#running.values());
  }

  #at(): string {
    return this.now().toISOString();
  }

  #view(job: ImportJob): ImportJobView {
    const running = job.status === 'checking' || job.status === 'writing';
    const stale =
      running &&
      !this.#running.has(job.id) &&
      this.now().getTime() - Date.parse(job.updatedAt) > STALE_MS;
    return stale ? { ...job, status: 'interrupted' } : job;
  }

  async #start(actor: Actor, job: ImportJob, phase: ImportPhase): Promise<ImportJobView> {
    const startedAt = this.#at();
    const progress: ImportProgress = {
      bytes: 0,
      rows: 0,
      valid: 0,
      created: 0,
      duplicates: 0,
      failed: 0,
      errorsStored: 0,
      startedAt,
    };
    const status = phase === 'check' ? 'checking' : 'writing';
    Object.assign(job, { status, [phase]: progress, updatedAt: startedAt });
    await this.repo.dropErrors(job.id, phase);
    await this.repo.update(job.id, {
      status,
      [phase]: progress,
      allOrNothing: job.allOrNothing,
      updatedAt: startedAt,
      failure: undefined,
    });
    const run = this.#run(actor, job, phase, progress)
      .catch(async (err: unknown) => {
        this.opts.onUnexpected(err, job.id);
        await this.repo
          .update(job.id, {
            status: 'failed',
            failure: 'The server failed while importing; it has been logged. Run the file again.',
            updatedAt: this.#at(),
          })
          .catch((e: unknown) => this.opts.onUnexpected(e, job.id));
      })
      .finally(() => this.#running.delete(job.id));
    this.#running.set(job.id, run);
    return { ...job };
  }

  async #run(actor: Actor, job: ImportJob, phase: ImportPhase, progress: ImportProgress) {
    // Progress and errors are written in order, one write at a time, while the import goes on.
    let writes = Promise.resolve();
    let stored = 0;
    let lastSave = 0;
    const save = (final: boolean) => {
      const snapshot = { ...progress };
      writes = writes.then(() =>
        this.repo.update(job.id, { [phase]: snapshot, updatedAt: this.#at() }),
      );
      if (final) lastSave = Date.now();
    };
    const heartbeat = setInterval(() => save(false), HEARTBEAT_MS);
    heartbeat.unref();
    const onProgress = (r: ImportReport & { bytes: number; valid?: number }) => {
      const fresh = r.errors.slice(stored, MAX_STORED_ERRORS);
      if (fresh.length > 0) {
        const first = stored;
        stored += fresh.length;
        const rows = fresh.map((e, i) => ({ ...e, phase, seq: first + i + 1 }));
        writes = writes.then(() => this.repo.addErrors(job.id, rows));
      }
      Object.assign(progress, {
        bytes: r.bytes,
        rows: r.rows,
        valid: r.valid ?? 0,
        created: r.created,
        duplicates: r.duplicates,
        failed: r.failed,
        errorsStored: stored,
      });
      // At most a few progress writes a second: the page polls, nobody needs every batch.
      if (Date.now() - lastSave >= 300) save(true);
    };
    let report: ImportReport;
    try {
      report = await this.importer.import(actor, job.institutionId, () => this.#file(job), {
        format: job.format,
        dryRun: phase === 'check',
        // The check also looks for record ids used before for other content.
        allOrNothing: phase === 'check',
        maxErrors: MAX_STORED_ERRORS,
        onProgress,
      });
    } finally {
      clearInterval(heartbeat);
    }
    onProgress({ ...report, bytes: job.size });
    await writes;
    const finishedAt = this.#at();
    await this.repo.update(job.id, {
      status: phase === 'check' ? 'checked' : 'done',
      [phase]: { ...progress, finishedAt },
      updatedAt: finishedAt,
    });
    // The file is kept for the write that follows a check; once written it is no longer needed.
    if (phase === 'write') await this.repo.dropChunks(job.id);
  }

  async *#file(job: ImportJob): AsyncGenerator<Buffer> {
    for (let n = 0; n < job.chunks; n++) {
      const data = await this.repo.readChunk(job.id, n);
      if (!data) throw new Error(`chunk ${n} of import job ${job.id} is missing`);
      yield data;
    }
  }
}
