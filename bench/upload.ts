// An import file uploaded over HTTP as the console sends it: the server's live heap while a 100,000-row
// file is streamed in, checked and written, against a file half that size in the same run (flat:
// doubling the file adds at most a quarter), and how fast the server still answers the import
// page's progress poll, against the same poll on an idle server.
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { createLogger } from '../api/logger.ts';
import { buildApp } from '../api/server.ts';
import { SYSTEM } from '../domain/identity/index.ts';
import { benchEnv, fmt, percentile, row } from './harness.ts';
import { ENTRIES_PER_LEARNER, addLearners, importRows } from './scale.ts';

const SIZES = (process.env['UPLOAD_ROWS'] ?? '50000,100000').split(',').map(Number);
const POLL_MS = 250;
const LIVE_EVERY_MS = 5000;
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
  /** Peak RSS above the idle server: V8 lets garbage pile up to a few times the live heap. */
  rssGrowth: number;
  /** The live heap: the most the heap held after a full collection (every few seconds), above the idle server. */
  liveGrowth: number;
  fullGcs: number;
  /** The progress poll's latency while the job ran, and the event loop's delay. */
  polls: number[];
  loopP99: number;
  loopMax: number;
}

/** A full collection (the bench runs node with --expose-gc), so a baseline is the live heap. */
const collect = () => (global.gc ?? (() => {}))();

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
    collect();
    const rss0 = process.memoryUsage.rss();
    const heap0 = process.memoryUsage().heapUsed;
    let rssPeak = rss0;
    let live = heap0;
    let fullGcs = 0;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 50);
    // Every few seconds a full collection, and what the heap still holds then is alive.
    const liveSampler = setInterval(() => {
      collect();
      fullGcs++;
      live = Math.max(live, process.memoryUsage().heapUsed);
    }, LIVE_EVERY_MS);
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
    clearInterval(liveSampler);
    loop.disable();
    // One last collection with the job done: the heap must be back where it started.
    collect();
    live = Math.max(live, process.memoryUsage().heapUsed);
    return {
      id,
      rows,
      bytes: size,
      uploadMs: t1 - t0,
      checkMs: t2 - t1,
      writeMs: t3 - t2,
      rssGrowth: rssPeak - rss0,
      liveGrowth: live - heap0,
      fullGcs,
      polls,
      loopP99: loop.percentile(99) / 1e6,
      loopMax: loop.max / 1e6,
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
      const flat = r.liveGrowth / Math.max(small.liveGrowth, MB);
      row(
        `  live heap above the idle server (max of ${r.fullGcs} full GCs)`,
        `${fmt(r.liveGrowth / MB, 1)} MB`,
        `${fmt(flat, 2)}× ${fmt(small.rows, 0)}`,
        r === small ? '' : flat <= 1.25 ? 'flat (≤ 1.25×) ✓' : 'flat (≤ 1.25×) ✗',
      );
      row(
        '  peak RSS above the idle server (garbage included)',
        `${fmt(r.rssGrowth / MB, 0)} MB`,
        `${fmt(r.rssGrowth / Math.max(small.rssGrowth, MB), 2)}× ${fmt(small.rows, 0)}`,
      );
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
