// The batch issuing pipeline: a class is prepared, signed and stored in chunks, each stage overlapping the next.
import type { IssuedCredentialRecord } from './credential-ports.ts';
import type { DomainError } from '../shared/index.ts';

/** One request's outcome: the credential (issued now, or earlier under the same requestKey), or why not. */
export type IssueRow =
  { credential: IssuedCredentialRecord; created: boolean } | { error: DomainError };

/** What a request became before signing: done already (an earlier credential, an error), or to sign. */
export type PreparedRow<P> = { row: IssueRow } | { prepared: P };

export interface IssueStages<R, P> {
  /** Looks the request up (its requestKey) and, if new, checks and builds it and claims its status slot. */
  prepare(req: R): Promise<PreparedRow<P>>;
  /** Signs (on worker threads when it pays): the serialised credentials, in order. */
  sign(items: P[], onSigned: (done: number) => void): Promise<string[]>;
  /**
   * Stores the signed credentials in one bulk write and records the chunk's credentials (the new
   * ones and those issued before, whose entry a crash may have left out) in the ledger in one
   * append. Returns a row per signed item, in order.
   */
  store(
    signed: { prepared: P; serialized: string }[],
    earlier: IssuedCredentialRecord[],
  ): Promise<IssueRow[]>;
}

export interface PipelineOptions {
  /** Requests per chunk: what is held in memory at once is about three chunks. */
  chunkSize?: number;
  /** Requests prepared at once (each is a few indexed lookups). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called with each chunk's rows as they are stored, in request order, chunk by chunk. */
  onRows?: (rows: IssueRow[], offset: number) => void | Promise<void>;
  /** Keep the rows and return them (default); false returns an empty array (stream with onRows). */
  collect?: boolean;
}

async function mapLimit<T, U>(items: T[], limit: number, fn: (t: T) => Promise<U>): Promise<U[]> {
  const out = new Array<U>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A promise whose rejection is handled later (awaited), not reported as unhandled meanwhile. */
function later<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/**
 * Runs the requests through prepare → sign → store in chunks. While chunk k is being signed (CPU,
 * on the workers), chunk k+1 is prepared and chunk k-1 stored (the database), so the slowest stage
 * sets the pace. Every stage is safe to repeat: a re-run after a crash finds what was stored under
 * each requestKey and records any ledger entry that is missing, so nothing is issued twice.
 */
export async function runIssuePipeline<R, P>(
  reqs: readonly R[],
  stages: IssueStages<R, P>,
  opts: PipelineOptions = {},
): Promise<IssueRow[]> {
  const size = Math.max(1, opts.chunkSize ?? 250);
  const concurrency = Math.max(1, opts.concurrency ?? 16);
  const collect = opts.collect ?? true;
  const out: IssueRow[] = [];
  const total = reqs.length;
  let done = 0;
  const starts: number[] = [];
  for (let s = 0; s < total; s += size) starts.push(s);

  const prepareChunk = (start: number) =>
    later(mapLimit(reqs.slice(start, start + size), concurrency, (r) => stages.prepare(r)));

  let preparing = starts.length ? prepareChunk(starts[0]!) : null;
  let storing: Promise<void> = Promise.resolve();
  for (const [k, start] of starts.entries()) {
    const rows = await preparing!;
    preparing = k + 1 < starts.length ? prepareChunk(starts[k + 1]!) : null;
    const toSign: { at: number; prepared: P }[] = [];
    const earlier: IssuedCredentialRecord[] = [];
    rows.forEach((r, at) => {
      if ('prepared' in r) toSign.push({ at, prepared: r.prepared });
      else if ('credential' in r.row) earlier.push(r.row.credential);
    });
    const base = done;
    const serialized = await stages.sign(
      toSign.map((x) => x.prepared),
      (n) => opts.onProgress?.(base + Math.min(n, rows.length), total),
    );
    // One store in flight at a time: memory stays at a few chunks however large the class.
    await storing;
    storing = later(
      (async () => {
        const stored = await stages.store(
          toSign.map((x, i) => ({ prepared: x.prepared, serialized: serialized[i]! })),
          earlier,
        );
        const chunkRows = rows.map((r) => ('row' in r ? r.row : undefined));
        toSign.forEach((x, i) => (chunkRows[x.at] = stored[i]!));
        const complete = chunkRows as IssueRow[];
        await opts.onRows?.(complete, start);
        if (collect) for (const r of complete) out.push(r);
      })(),
    );
    done += rows.length;
  }
  await storing;
  opts.onProgress?.(total, total);
  return out;
}
