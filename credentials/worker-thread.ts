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

// Verification workers do no better with a large one. Measured at 50 concurrent requests over HTTP,
// after 3,000 verifications of warm-up: with 128 MB p90 was 49–51 ms and p99 95 ms, with 16–64 MB
// p90 44–48 ms and p99 82–92 ms (after only 400, 128 MB gave p99 137–305 ms against 60–82 ms).
export const VERIFY_WORKER_YOUNG_GENERATION_MB = 16;
