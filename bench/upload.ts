// An import file uploaded over HTTP as the console sends it: the server's memory while a 100,000-row
// file is streamed in, checked and written, against a 10,000-row file in the same run (flat: the
// same peak), and how fast it still answers the import page's progress poll, against an idle server.
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { createLogger } from '../api/logger.ts';
import { buildApp } from '../api/server.ts';
import { SYSTEM } from '../domain/identity/index.ts';
import { benchEnv, fmt, percentile, row } from './harness.ts';
import { ENTRIES_PER_LEARNER, addLearners, importRows } from './scale.ts';

const SIZES = (process.env['UPLOAD_ROWS'] ?? '10000,100000').split(',').map(Number);
const POLL_MS = 250;
const MB = 2 ** 20;

const JOB = `query ($id: ID!) { importJob(id: $id) { __typename
  ... on ImportJob { status failure check { rows failed } write { rows created duplicates failed } } } }`;
const WRITE = `mutation ($id: ID!) { importFile(jobId: $id) { __typename ... on ResultError { message } } }`;

interface Job {
  status: string;
  failure: string | null;
  check: { rows: number; failed: number } | null;
  write: { rows: number; created: number; duplicates: number; failed: number } | null;
}

interface Run {
  id: string;
  rows: number;
  bytes: number;
  uploadMs: number;
  checkMs: number;
  writeMs: number;
  /** Peak RSS and heap above what the idle server held before the upload. */
  rssGrowth: number;
  heapGrowth: number;
  /** The progress poll's latency while the job ran, and the event loop's delay. */
  polls: number[];
  loopP99: number;
  loopMax: number;
  /** Heap still held after a full collection once the job is done (with --expose-gc only). */
  retained: number;
}

export async function benchUpload(): Promise<void> {
  const env = await benchEnv('upload');
  const s = env.services;
  const inst = await s.institutions.register(SYSTEM, {
    slug: 'bench-upload',
    name: { zh: '上传基准学院', en: 'Upload Bench College' },
    type: 'vocational_college',
    region: 'CN-ZJ',
    accreditation: [],
  });
  const key = await s.accounts.createApiKey(SYSTEM, inst.id, 'bench', [
    'records:write',
    'records:read',
  ]);
  const { app } = buildApp(s, createLogger('silent'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = { authorization: `Bearer ${key.token}` };

  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const poll = async (id: string, polls: number[]) => {
    const t0 = performance.now();
    const { importJob } = await gql<{ importJob: Job & { __typename: string } }>(JOB, { id });
    polls.push(performance.now() - t0);
    if (importJob.__typename !== 'ImportJob') throw new Error(`no job ${id}`);
    return importJob;
  };
  const until = async (id: string, done: (j: Job) => boolean, polls: number[]) => {
    for (;;) {
      const j = await poll(id, polls);
      if (j.status === 'FAILED') throw new Error(`import failed: ${j.failure}`);
      if (process.env['BENCH_DEBUG']) console.log(id, JSON.stringify(j));
      if (done(j)) return j;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

  const ids: string[] = [];
  /** One file of `rows` rows for learners not seen before, streamed as the request body. */
  const run = async (rows: number): Promise<Run> => {
    const from = ids.length;
    const to = from + rows / ENTRIES_PER_LEARNER;
    await addLearners(env, from, to, ids);
    global.gc?.();
    const rss0 = process.memoryUsage.rss();
    const heap0 = process.memoryUsage().heapUsed;
    let rssPeak = rss0;
    let heapPeak = heap0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 50);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const polls: number[] = [];
    const t0 = performance.now();
    const body = Readable.toWeb(Readable.from(importRows(ids, from, to))) as ReadableStream;
    const res = await fetch(
      `${base}/imports?institutionId=${inst.id}&format=jsonl&fileName=bench-${rows}.jsonl`,
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/x-ndjson' },
        body,
        duplex: 'half',
      } as RequestInit,
    );
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const { id, size } = (await res.json()) as { id: string; size: number };
    const t1 = performance.now();
    const checked = await until(id, (j) => j.status === 'CHECKED', polls);
    if (checked.check?.rows !== rows || checked.check.failed)
      throw new Error(`check: ${JSON.stringify(checked.check)}`);
    const t2 = performance.now();
    const { importFile } = await gql<{ importFile: { __typename: string; message?: string } }>(
      WRITE,
      { id },
    );
    if (importFile.__typename !== 'ImportJob') throw new Error(`importFile: ${importFile.message}`);
    const done = await until(id, (j) => j.status === 'DONE', polls);
    if (done.write?.created !== rows) throw new Error(`write: ${JSON.stringify(done.write)}`);
    const t3 = performance.now();
    clearInterval(sampler);
    loop.disable();
    global.gc?.();
    const retained = process.memoryUsage().heapUsed - heap0;
    return {
      id,
      rows,
      bytes: size,
      uploadMs: t1 - t0,
      checkMs: t2 - t1,
      writeMs: t3 - t2,
      rssGrowth: rssPeak - rss0,
      heapGrowth: heapPeak - heap0,
      polls,
      loopP99: loop.percentile(99) / 1e6,
      loopMax: loop.max / 1e6,
      retained,
    };
  };

  try {
    // Warm (JIT, connections, the first index pages), then the poll's latency on an idle server.
    const { id: warmId } = await run(1000);
    const idle: number[] = [];
    for (let i = 0; i < 40; i++) {
      await poll(warmId, idle);
      await new Promise((r) => setTimeout(r, 25));
    }
    const idleP50 = percentile(idle, 50);
    const idleP99 = percentile(idle, 99);
    console.log(
      `Import files uploaded over HTTP (JSON lines, ${ENTRIES_PER_LEARNER} rows per learner), polled every ${POLL_MS} ms as the console does:`,
    );
    row('idle server: progress poll p50', `${fmt(idleP50, 1)} ms`, '1.00× (baseline)');
    row('idle server: progress poll p99', `${fmt(idleP99, 1)} ms`);
    const runs: Run[] = [];
    for (const size of SIZES) runs.push(await run(size));
    const small = runs[0]!;
    for (const r of runs) {
      console.log(`\n${fmt(r.rows, 0)} rows (${fmt(r.bytes / MB, 1)} MB)`);
      row('  upload (streamed into the database)', `${fmt(r.uploadMs / 1000, 1)} s`);
      row('  check (dry run)', `${fmt(r.rows / (r.checkMs / 1000), 0)} rows/s`);
      row('  write', `${fmt(r.rows / (r.writeMs / 1000), 0)} rows/s`);
      const flat = r.rssGrowth / Math.max(small.rssGrowth, MB);
      row(
        '  peak RSS above the idle server',
        `${fmt(r.rssGrowth / MB, 0)} MB`,
        `${fmt(flat, 2)}× ${fmt(small.rows, 0)}`,
        r === small ? '' : flat <= 1.5 ? 'flat (≤ 1.5×) ✓' : 'flat (≤ 1.5×) ✗',
      );
      row(
        '  peak heap above the idle server',
        `${fmt(r.heapGrowth / MB, 0)} MB`,
        `${fmt(r.heapGrowth / Math.max(small.heapGrowth, MB), 2)}× ${fmt(small.rows, 0)}`,
      );
      if (global.gc)
        row('  heap retained once done (after a full GC)', `${fmt(r.retained / MB, 1)} MB`);
      const p50 = percentile(r.polls, 50);
      const p99 = percentile(r.polls, 99);
      row(
        `  progress poll p50 (${r.polls.length} polls)`,
        `${fmt(p50, 1)} ms`,
        `${fmt(p50 / idleP50, 2)}× idle`,
      );
      row(
        '  progress poll p99',
        `${fmt(p99, 1)} ms`,
        `${fmt(p99 / idleP99, 2)}× idle`,
        p99 < 500 ? 'responsive (< 500 ms) ✓' : 'responsive (< 500 ms) ✗',
      );
      row('  event loop delay p99 / max', `${fmt(r.loopP99, 0)} / ${fmt(r.loopMax, 0)} ms`);
    }
  } finally {
    await new Promise((r) => server.close(r));
    await env.close();
  }
}
