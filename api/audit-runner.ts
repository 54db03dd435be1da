// Runs degree audits on a worker thread, so that a long allocation solve never blocks the event loop.
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../credentials/worker-thread.ts';
import { auditProgramme, type AuditInput, type AuditResult } from '../domain/audit/index.ts';

export interface AuditRunner {
  run(input: AuditInput): Promise<AuditResult>;
  close(): Promise<void>;
}

/**
 * One worker, started on the first audit. Audits queue on it one after another (a long solve
 * delays other audits, not other requests). An audit that throws there (an invalid programme, …)
 * is run again here, so the caller gets the domain's typed error rather than a cloned one; a worker
 * that dies fails the audits in flight with that error and is started again for the next.
 */
export function createAuditRunner(): AuditRunner {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<
    number,
    { input: AuditInput; resolve: (r: AuditResult) => void; reject: (e: unknown) => void }
  >();
  const start = (): Worker => {
    const w = startTsWorker(new URL('./audit-worker.ts', import.meta.url));
    w.on('message', (m: { id: number; result?: AuditResult; failed?: boolean }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.failed) {
        try {
          p.resolve(auditProgramme(p.input));
        } catch (err) {
          p.reject(err);
        }
      } else p.resolve(m.result!);
    });
    const lost = (err: unknown) => {
      if (worker === w) worker = null;
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(err instanceof Error ? err : new Error('The audit worker stopped'));
      }
    };
    w.on('error', lost);
    w.on('exit', () => lost(new Error('The audit worker stopped')));
    return w;
  };
  return {
    run(input) {
      worker ??= start();
      const w = worker;
      w.ref();
      const id = next++;
      return new Promise<AuditResult>((resolve, reject) => {
        pending.set(id, { input, resolve, reject });
        w.postMessage({ id, input });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
