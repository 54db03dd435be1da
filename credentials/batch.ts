// Batch issuance across worker threads: canonicalisation is CPU-bound, so each core signs its share.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import type { CredentialRecipe } from './builders.ts';
import type { CredentialFormat, IssuedCredential } from './issuer.ts';
import type { StoredKey } from './keys.ts';
import type { WorkerJob, WorkerReply } from './batchWorker.ts';
import { startTsWorker, WORKER_YOUNG_GENERATION_MB } from './worker-thread.ts';

/**
 * One credential to sign: given whole, or as the recipe its builder takes (see CredentialRecipe),
 * which the worker builds. Prefer a recipe: it costs less to send. `now` is the signing time (proof
 * `created`, JWT `iat`; default: the worker's clock).
 */
export type BatchJob = { key: StoredKey; format: CredentialFormat; now?: Date } & (
  { credential: Record<string, unknown> } | { recipe: CredentialRecipe }
);

export type BatchResult =
  ({ ok: true } & Pick<IssuedCredential, 'format' | 'serialized'>) | { ok: false; error: string };

export interface BatchIssuer {
  readonly workers: number;
  issueMany(
    jobs: BatchJob[],
    kek: Uint8Array,
    onProgress?: (done: number, total: number) => void,
  ): Promise<BatchResult[]>;
  close(): Promise<void>;
}

// Chunks of up to 32 credentials save messages; two in hand per worker keep it busy between
// replies. Chunks shrink as the batch runs out, so that the workers finish together instead of
// one idling while the other signs its last two chunks.
const CHUNK = 32;

/** The size of the next chunk: 32, or less as the work left runs out (never less than one). */
export function chunkSize(left: number, workers: number): number {
  return Math.max(1, Math.min(CHUNK, Math.floor(left / (2 * workers))));
}

interface Slot {
  worker: Worker;
  kek: Uint8Array;
}

/**
 * Creates a pool of worker threads that sign credentials.
 *
 * @param options.workers - Number of threads (default: os.availableParallelism()).
 * @returns issueMany(jobs, kek, onProgress) → results in job order (a failed job is { ok: false, error }),
 *   and close().
 */
export function createBatchIssuer(options: { workers?: number } = {}): BatchIssuer {
  const size = Math.max(1, options.workers ?? availableParallelism());
  const slots = new Map<string, Slot[]>();
  let closed = false;

  function pool(kek: Uint8Array): Slot[] {
    // Workers hold the KEK they were started with, so a pool is kept per KEK (in practice, one).
    const id = createHash('sha256').update(kek).digest('hex');
    let existing = slots.get(id);
    if (!existing) {
      existing = Array.from({ length: size }, () => ({
        worker: startTsWorker(new URL('./batchWorker.ts', import.meta.url), {
          workerData: { kek },
          resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
        }),
        kek,
      }));
      slots.set(id, existing);
    }
    return existing;
  }

  async function issueMany(
    jobs: BatchJob[],
    kek: Uint8Array,
    onProgress?: (done: number, total: number) => void,
  ): Promise<BatchResult[]> {
    if (closed) throw new Error('The batch issuer is closed.');
    const results: BatchResult[] = new Array<BatchResult>(jobs.length);
    if (jobs.length === 0) return results;
    const workers = pool(kek);
    let next = 0;
    let done = 0;
    await Promise.all(
      workers.map(
        ({ worker }) =>
          new Promise<void>((resolve, reject) => {
            // Two chunks in hand per worker: it starts the next while its last reply is on its way.
            let inHand = 0;
            const dispatch = () => {
              if (next >= jobs.length) return;
              const chunk: WorkerJob[] = [];
              const size = chunkSize(jobs.length - next, workers.length);
              for (; next < jobs.length && chunk.length < size; next++) {
                chunk.push({ ...jobs[next]!, index: next });
              }
              inHand++;
              worker.postMessage(chunk);
            };
            const finish = () => {
              worker.off('message', onMessage);
              worker.off('error', onError);
            };
            const onMessage = (replies: WorkerReply[]) => {
              inHand--;
              for (const reply of replies) {
                results[reply.index] = reply.ok
                  ? { ok: true, format: reply.format, serialized: reply.serialized }
                  : { ok: false, error: reply.error };
              }
              done += replies.length;
              onProgress?.(done, jobs.length);
              dispatch();
              if (inHand === 0) {
                finish();
                resolve();
              }
            };
            const onError = (error: Error) => {
              finish();
              reject(error);
            };
            worker.on('message', onMessage);
            worker.once('error', onError);
            dispatch();
            dispatch();
            if (inHand === 0) {
              finish();
              resolve();
            }
          }),
      ),
    );
    return results;
  }

  async function close(): Promise<void> {
    closed = true;
    const all = [...slots.values()].flat();
    slots.clear();
    await Promise.all(all.map(({ worker }) => worker.terminate()));
  }

  return { workers: size, issueMany, close };
}
