// Starting a worker thread whose entry module is TypeScript, under tsx, vitest or node --import tsx.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Node 20 does not apply `--import tsx` hooks to a worker's entry module, so a tiny JavaScript
// bootstrap registers tsx first and then imports the worker, by absolute URLs so that it works from
// any directory.
function bootstrapSource(entry: URL): string {
  const require = createRequire(import.meta.url);
  const tsxRoot = require.resolve('tsx/package.json').replace(/package\.json$/, '');
  const api = pathToFileURL(`${tsxRoot}dist/esm/api/index.mjs`).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/**
 * Starts a worker thread running a TypeScript module.
 *
 * @param entry - URL of the worker's module.
 * @param options - Worker options (workerData, resourceLimits…); eval and execArgv are set here.
 * @returns The worker.
 */
export function startTsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  return new Worker(bootstrapSource(entry), { ...options, eval: true, execArgv: [] });
}

// Signing in batches allocates many short-lived objects: a larger young generation per worker means
// fewer scavenges, whose helper threads would otherwise compete with the other workers.
export const WORKER_YOUNG_GENERATION_MB = 128;

// Verification workers do better with a small one, measured at 50 concurrent requests over HTTP:
// with 128 MB p99 was 137–305 ms at 910–1,005/s, with 16 MB 60–82 ms at 1,115–1,199/s (8 and 4 MB
// were no better). A worker holds a couple of dozen requests in hand under load, and a young
// generation that fits the processor's cache keeps their allocations in it.
export const VERIFY_WORKER_YOUNG_GENERATION_MB = 16;
