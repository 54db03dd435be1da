// Worker thread of the batch issuer: signs the jobs it is sent with its own signer and context caches.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchJob } from './batch.ts';
import { buildCredential } from './builders.ts';
import { createDocumentLoader } from './documentLoader.ts';
import { issueCredential } from './issuer.ts';
import type { CredentialFormat } from './issuer.ts';

export type WorkerJob = BatchJob & { index: number };

export type WorkerReply =
  | { index: number; ok: true; format: CredentialFormat; serialized: string }
  | { index: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('batchWorker.ts must run as a worker thread.');
const { kek } = workerData as { kek: Uint8Array };
const documentLoader = createDocumentLoader();

port.on('message', (jobs: WorkerJob[]) => {
  void (async () => {
    const replies: WorkerReply[] = [];
    for (const job of jobs) {
      try {
        const credential = 'recipe' in job ? buildCredential(job.recipe) : job.credential;
        const issued = await issueCredential({
          credential,
          key: job.key,
          format: job.format,
          kek,
          documentLoader,
          ...(job.now ? { now: job.now } : {}),
        });
        replies.push({
          index: job.index,
          ok: true,
          format: issued.format,
          serialized: issued.serialized,
        });
      } catch (error) {
        replies.push({
          index: job.index,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    port.postMessage(replies);
  })();
});
