// Worker thread of the verifier pool: verifies credentials with what the main thread looked up for
// it, and asks the main thread for anything else.
import { parentPort } from 'node:worker_threads';
import { createDocumentLoader } from './documentLoader.ts';
import { createVerifier, createVerifierCaches } from './verifier.ts';
import type {
  IssuerRecord,
  PresentationExpected,
  PresentationReport,
  VerificationReport,
} from './verifier.ts';

/** A looked-up value, or the fact that looking it up failed. */
export type Looked<T> = { ok: true; value: T } | { ok: false };

export interface Snapshot {
  dids: Record<string, Looked<object | null>>;
  issuers: Record<string, Looked<IssuerRecord | null>>;
  keys: Record<string, Looked<{ revokedAt?: string | null } | null>>;
  statusLists: Record<string, Looked<object | string | null>>;
}

export type LookupKind = keyof Snapshot;

export type ToWorker =
  | {
      kind: 'job';
      id: number;
      input: unknown;
      now: string;
      snapshot: Snapshot;
      // Present for a presentation, absent for a credential.
      presentation?: PresentationExpected;
    }
  | { kind: 'looked'; call: number; result: Looked<unknown> };

export type FromWorker =
  // inputIsCredential: the report's credential is the job's input itself, so it is not sent back: the
  // main thread has it, and puts the caller's own object in the report.
  | { kind: 'done'; id: number; report: VerificationReport; inputIsCredential: boolean }
  | { kind: 'lookup'; id: number; call: number; what: LookupKind; key: string };

const port = parentPort;
if (!port) throw new Error('verifyWorker.ts must run as a worker thread.');
const caches = createVerifierCaches();
const calls = new Map<number, (result: Looked<unknown>) => void>();
let nextCall = 0;

function ask(id: number, what: LookupKind, key: string): Promise<Looked<unknown>> {
  const call = nextCall++;
  return new Promise((resolve) => {
    calls.set(call, resolve);
    port!.postMessage({ kind: 'lookup', id, call, what, key } satisfies FromWorker);
  });
}

async function verify(
  job: Extract<ToWorker, { kind: 'job' }>,
): Promise<VerificationReport | PresentationReport> {
  const lookup = async <T>(what: LookupKind, key: string): Promise<T> => {
    const found =
      (job.snapshot[what][key] as Looked<T> | undefined) ?? (await ask(job.id, what, key));
    if (!found.ok) throw new Error(`Looking up ${what} "${key}" failed.`);
    return found.value as T;
  };
  const now = new Date(job.now);
  const verifier = createVerifier({
    documentLoader: createDocumentLoader({ resolveDid: (did) => lookup('dids', did) }),
    registry: { lookupIssuer: (did) => lookup('issuers', did) },
    keyStatus: (vm) => lookup('keys', vm),
    fetchStatusList: (url) => lookup('statusLists', url),
    now: () => now,
    caches,
    // A credential job's input is this thread's own copy, and its report goes back without it; a
    // presentation's report carries its credentials, so they are verified on copies as in process.
    inputIsOwned: !job.presentation,
  });
  return job.presentation
    ? verifier.verifyPresentation(job.input, job.presentation)
    : verifier.verifyCredential(job.input);
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'looked') {
    calls.get(message.call)?.(message.result);
    calls.delete(message.call);
    return;
  }
  void verify(message).then((report) => {
    const { credential, ...rest } = report;
    const inputIsCredential = credential !== undefined && credential === message.input;
    port.postMessage({
      kind: 'done',
      id: message.id,
      report: inputIsCredential ? rest : report,
      inputIsCredential,
    } satisfies FromWorker);
  });
});
