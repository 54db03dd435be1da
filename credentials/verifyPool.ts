// Verification across worker threads: canonicalisation is CPU-bound, so under load each core verifies
// its share and the main thread is left to serve requests. The main thread looks up what a credential
// needs (DID documents, registry, key records, status lists: cached lookups there) and sends it along
// with the credential; a worker asks back only for anything that was not foreseen.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { lookupsNeeded } from './verifier.ts';
import type {
  IssuerRecord,
  LookupsNeeded,
  PresentationExpected,
  PresentationReport,
  VerificationReport,
} from './verifier.ts';
import type { FromWorker, Looked, LookupKind, Snapshot, ToWorker } from './verifyWorker.ts';
import { startTsWorker, VERIFY_WORKER_YOUNG_GENERATION_MB } from './worker-thread.ts';

/** Where the verifier's facts come from: the same callbacks createVerifier takes. */
export interface VerifierLookups {
  resolveDid(did: string): Promise<object | null>;
  lookupIssuer(did: string): Promise<IssuerRecord | null>;
  keyStatus(verificationMethodId: string): Promise<{ revokedAt?: string | null } | null>;
  fetchStatusList(url: string): Promise<object | string | null>;
}

export interface VerifyPool {
  readonly workers: number;
  /**
   * Verifies a credential on a worker thread; the report is the one createVerifier would give.
   * Rejects only if the worker is lost (the caller may then verify in process).
   */
  verifyCredential(
    input: unknown,
    lookups: VerifierLookups,
    now: () => Date,
  ): Promise<VerificationReport>;
  /** The same for a presentation: its holder's proof, challenge and domain, and every credential. */
  verifyPresentation(
    input: unknown,
    expected: PresentationExpected,
    lookups: VerifierLookups,
    now: () => Date,
  ): Promise<PresentationReport>;
  /** Starts every worker now, rather than on first use (a worker takes a moment to load). */
  start(): void;
  close(): Promise<void>;
}

/** Thrown for the jobs of a worker that stopped. */
export class VerifyWorkerLost extends Error {
  constructor(cause: unknown) {
    super('A verification worker stopped.', { cause });
    this.name = 'VerifyWorkerLost';
  }
}

const STAND_ASIDE_MS = 30_000;

/**
 * Jobs a worker is given at a time; the others wait on the main thread, first come first served,
 * for whichever worker finishes one. So a worker that pauses (its garbage collector, or the OS
 * running something else on its core) holds up the few jobs in its hands, not its share of all
 * those in flight. Enough that a worker keeps busy while the main thread is busy itself: at 50
 * concurrent requests on two cores, 8 gave a p99 of 47–53 ms against 53–66 ms with no limit, and 2
 * left the workers waiting (a fifth less throughput).
 */
export const JOBS_IN_HAND = 8;

interface Pending {
  input: unknown;
  presentation?: PresentationExpected;
  resolve(report: VerificationReport): void;
  reject(error: Error): void;
  lookups: VerifierLookups;
}

interface Job extends Pending {
  id: number;
  now: string;
  snapshot: Snapshot;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

async function settle<T>(run: () => Promise<T>): Promise<Looked<T>> {
  try {
    return { ok: true, value: await run() };
  } catch {
    return { ok: false };
  }
}

function lookupFor(lookups: VerifierLookups, what: LookupKind, key: string): Promise<unknown> {
  switch (what) {
    case 'dids':
      return lookups.resolveDid(key);
    case 'issuers':
      return lookups.lookupIssuer(key);
    case 'keys':
      return lookups.keyStatus(key);
    case 'statusLists':
      return lookups.fetchStatusList(key);
  }
}

async function fill(snapshot: Snapshot, needs: LookupsNeeded, lookups: VerifierLookups) {
  const tasks: Promise<void>[] = [];
  const add = (what: LookupKind, keys: string[]) => {
    for (const key of keys) {
      if (key in snapshot[what]) continue;
      tasks.push(
        settle(() => lookupFor(lookups, what, key)).then((result) => {
          (snapshot[what] as Record<string, Looked<unknown>>)[key] = result;
        }),
      );
    }
  };
  add('dids', needs.dids);
  add('issuers', needs.issuers);
  add('keys', needs.keys);
  add('statusLists', needs.statusLists);
  await Promise.all(tasks);
}

/**
 * What verifying a status list will look up, by the list as served: our lists come from a cache as
 * the same serialised string until re-signed, so each is parsed once rather than on every request.
 */
const listNeeds = new Map<unknown, LookupsNeeded>();
const LIST_NEEDS_MAX = 1000;

function lookupsNeededByList(list: object | string): LookupsNeeded {
  let needs = listNeeds.get(list);
  if (!needs) {
    if (listNeeds.size >= LIST_NEEDS_MAX) listNeeds.clear();
    needs = lookupsNeeded(list);
    listNeeds.set(list, needs);
  }
  return needs;
}

/** Everything verifying the input will look up: the credential's needs, then its status lists'. */
async function snapshotFor(input: unknown, lookups: VerifierLookups): Promise<Snapshot> {
  const snapshot: Snapshot = { dids: {}, issuers: {}, keys: {}, statusLists: {} };
  const needs = lookupsNeeded(input);
  await fill(snapshot, needs, lookups);
  for (const url of needs.statusLists) {
    const list = snapshot.statusLists[url];
    if (!list?.ok || list.value === null) continue;
    const { dids, keys } = lookupsNeededByList(list.value);
    await fill(snapshot, { dids, keys, issuers: [], statusLists: [] }, lookups);
  }
  return snapshot;
}

/**
 * Creates a pool of verification worker threads, started on first use.
 *
 * @param options.workers - Number of threads (default: os.availableParallelism()).
 * @param options.onStart - Called with each worker started (to watch or stop it).
 * @returns verifyCredential(input, lookups, clock) and close().
 */
export function createVerifyPool(
  options: { workers?: number; jobsInHand?: number; onStart?: (worker: Worker) => void } = {},
): VerifyPool {
  const size = Math.max(1, options.workers ?? availableParallelism());
  const jobsInHand = Math.max(1, options.jobsInHand ?? JOBS_IN_HAND);
  const slots: Slot[] = [];
  const waiting: Job[] = [];
  let nextId = 0;
  let closed = false;
  // Workers that stopped since one last finished a job: three in a row (a worker that cannot start,
  // say) and the pool stands aside for a while, its callers verifying in process meanwhile.
  let lostInARow = 0;
  let standAsideUntil = 0;

  function start(): Slot {
    const worker = startTsWorker(new URL('./verifyWorker.ts', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: VERIFY_WORKER_YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, pending: new Map() };
    const lose = (cause: unknown) => {
      const at = slots.indexOf(slot);
      if (at >= 0) {
        slots.splice(at, 1);
        if (!closed && ++lostInARow >= 3) standAsideUntil = Date.now() + STAND_ASIDE_MS;
      }
      for (const job of slot.pending.values()) job.reject(new VerifyWorkerLost(cause));
      slot.pending.clear();
      // Jobs not yet given to it go to the others (or a new worker), unless the pool stands aside.
      if (Date.now() < standAsideUntil || closed) {
        for (const job of waiting.splice(0)) job.reject(new VerifyWorkerLost(cause));
      } else dispatch();
    };
    worker.on('message', (message: FromWorker) => {
      const job = slot.pending.get(message.id);
      if (!job) return;
      if (message.kind === 'done') {
        lostInARow = 0;
        slot.pending.delete(message.id);
        // An idle worker does not keep the process alive; one with work in hand does.
        if (slot.pending.size === 0) worker.unref();
        dispatch();
        job.resolve(
          message.inputIsCredential
            ? { ...message.report, credential: job.input as Record<string, unknown> }
            : message.report,
        );
        return;
      }
      void settle(() => lookupFor(job.lookups, message.what, message.key)).then((result) =>
        worker.postMessage({ kind: 'looked', call: message.call, result } satisfies ToWorker),
      );
    });
    worker.on('error', lose);
    worker.on('exit', (code) => lose(new Error(`exit code ${code}`)));
    worker.unref();
    options.onStart?.(worker);
    return slot;
  }

  /** The worker with the fewest jobs in hand, starting workers until there are `size`. */
  function pick(): Slot {
    if (slots.length < size) {
      const slot = start();
      slots.push(slot);
      return slot;
    }
    let best = slots[0]!;
    for (const slot of slots) if (slot.pending.size < best.pending.size) best = slot;
    return best;
  }

  /** Gives the waiting jobs, oldest first, to workers with room for them. */
  function dispatch(): void {
    while (waiting.length > 0) {
      const slot = pick();
      if (slot.pending.size >= jobsInHand) return;
      send(slot, waiting.shift()!);
    }
  }

  function send(slot: Slot, job: Job): void {
    const { id, input, now, snapshot, presentation } = job;
    slot.pending.set(id, job);
    slot.worker.ref();
    try {
      slot.worker.postMessage({
        kind: 'job',
        id,
        input,
        now,
        snapshot,
        ...(presentation ? { presentation } : {}),
      } satisfies ToWorker);
    } catch (error) {
      // An input that cannot be cloned (never the case for parsed JSON) is verified by the caller.
      slot.pending.delete(id);
      job.reject(new VerifyWorkerLost(error));
    }
  }

  async function verify(
    input: unknown,
    presentation: PresentationExpected | undefined,
    lookups: VerifierLookups,
    now: () => Date,
  ): Promise<VerificationReport> {
    if (closed) throw new Error('The verifier pool is closed.');
    if (Date.now() < standAsideUntil) throw new VerifyWorkerLost('workers keep stopping');
    const snapshot = await snapshotFor(input, lookups);
    // The clock is read after the lookups: a status list signed while looking up is valid from then.
    const at = now().toISOString();
    return new Promise<VerificationReport>((resolve, reject) => {
      const id = nextId++;
      waiting.push({ id, input, presentation, now: at, snapshot, resolve, reject, lookups });
      dispatch();
    });
  }

  const verifyCredential = (input: unknown, lookups: VerifierLookups, now: () => Date) =>
    verify(input, undefined, lookups, now);

  // A presentation's report is the worker's whole (it names a copy of the presentation, as in process).
  const verifyPresentation = (
    input: unknown,
    expected: PresentationExpected,
    lookups: VerifierLookups,
    now: () => Date,
  ) => verify(input, expected, lookups, now) as Promise<PresentationReport>;

  function startAll(): void {
    while (!closed && slots.length < size) slots.push(start());
  }

  async function close(): Promise<void> {
    closed = true;
    for (const job of waiting.splice(0)) job.reject(new Error('The verifier pool is closed.'));
    const all = slots.splice(0);
    await Promise.all(all.map(({ worker }) => worker.terminate()));
  }

  return { workers: size, verifyCredential, verifyPresentation, start: startAll, close };
}
