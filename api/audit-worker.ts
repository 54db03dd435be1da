// The worker thread that runs degree audits (the pure engine and its HiGHS solve) for api/audit-runner.ts.
import { parentPort } from 'node:worker_threads';
import { auditProgramme, type AuditInput } from '../domain/audit/index.ts';

parentPort?.on('message', (message: { id: number; input: AuditInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: auditProgramme(message.input) });
  } catch {
    // The caller runs the audit again on its own thread to throw the typed error there.
    parentPort?.postMessage({ id: message.id, failed: true });
  }
});
