// POST /imports over real HTTP: a streamed upload becomes a job that is checked, then written; bad files get per-line reports; auth.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/index.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  server = await new Promise<Server>((resolve) => {
    const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

const HEADER = 'sourceRecordId,learnerId,kind,credits,creditSystem,category,level,earnedAt,titleEn';

async function upload(
  body: BodyInit,
  opts: { token?: string | null; format?: string; institutionId?: string } = {},
) {
  const q = new URLSearchParams({
    institutionId: opts.institutionId ?? w.instA.id,
    format: opts.format ?? 'csv',
    fileName: 'grades.csv',
  });
  const token = opts.token === undefined ? w.tokens.staffA : opts.token;
  const res = await fetch(`${base}/imports?${q}`, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
    duplex: 'half',
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const JOB = `query Job($id: ID!) {
  importJob(id: $id) {
    __typename
    ... on ImportJob {
      status fileName size
      check { rows valid failed created duplicates bytes }
      write { rows created duplicates failed }
      errors(phase: CHECK) { seq line code message field sourceRecordId }
    }
    ... on ResultError { code message }
  }
}`;
interface JobData {
  status: string;
  size: number;
  check: { rows: number; valid: number; failed: number; bytes: number } | null;
  write: { rows: number; created: number; duplicates: number; failed: number } | null;
  errors: { line: number; message: string; code: string; sourceRecordId: string | null }[];
}
async function job(id: string, token = w.tokens.staffA): Promise<JobData> {
  await t.services.importJobs.settled(id);
  const r = await t.gql<{ importJob: JobData & { __typename: string } }>(JOB, { id }, token);
  expect(r.data?.importJob.__typename).toBe('ImportJob');
  return r.data!.importJob;
}

const rowsCsv = (prefix: string, n: number, learnerId: string) =>
  [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) => `${prefix}-${i},${learnerId},training,1,CN,general,3,2024-06-30,Training ${i}`,
    ),
  ].join('\n') + '\n';

describe('POST /imports', () => {
  it('checks a streamed file, writes it, and a re-run of the same file records nothing twice', async () => {
    // The body arrives in many small pieces, as a slow upload would.
    const text = rowsCsv('JOB', 300, w.learner1.id);
    const pieces = text.match(/[\s\S]{1,777}/g)!;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        const p = pieces.shift();
        if (p === undefined) c.close();
        else c.enqueue(new TextEncoder().encode(p));
      },
    });
    const up = await upload(stream);
    expect(up.status).toBe(202);
    const id = String(up.body['id']);
    const checked = await job(id);
    expect(checked).toMatchObject({ status: 'CHECKED', size: Buffer.byteLength(text) });
    expect(checked.check).toMatchObject({ rows: 300, valid: 300, failed: 0 });
    expect(checked.check!.bytes).toBe(Buffer.byteLength(text));
    expect((await t.services.ledger.record(SYSTEM, w.learner1.id)).items).toHaveLength(0);

    const write = await t.gql<{ importFile: { __typename: string; status: string } }>(
      `mutation($id: ID!) { importFile(jobId: $id) { __typename ... on ImportJob { status } } }`,
      { id },
      w.tokens.staffA,
    );
    expect(write.data?.importFile).toMatchObject({ __typename: 'ImportJob', status: 'WRITING' });
    expect((await job(id)).write).toMatchObject({ rows: 300, created: 300, failed: 0 });
    expect((await job(id)).status).toBe('DONE');

    const again = await upload(text);
    const id2 = String(again.body['id']);
    await job(id2);
    await t.gql(
      `mutation($id: ID!) { importFile(jobId: $id) { __typename } }`,
      { id: id2 },
      w.tokens.staffA,
    );
    expect((await job(id2)).write).toMatchObject({ rows: 300, created: 0, duplicates: 300 });
    expect(await t.services.repos.ledger.listByLearner(w.learner1.id)).toHaveLength(300);

    // A finished job is not written twice.
    const twice = await t.gql<{ importFile: { __typename: string; code: string } }>(
      `mutation($id: ID!) { importFile(jobId: $id) { __typename ... on ResultError { code } } }`,
      { id },
      w.tokens.staffA,
    );
    expect(twice.data?.importFile).toEqual({ __typename: 'ResultError', code: 'CONFLICT' });
  });

  it('reports a wrong encoding line by line, and all-or-nothing then writes nothing', async () => {
    const gbk = Buffer.concat([
      Buffer.from(`${HEADER}\nENC-1,${w.learner2.id},training,1,CN,general,3,2024-06-30,Ok\n`),
      Buffer.from(`ENC-2,${w.learner2.id},training,1,CN,general,3,2024-06-30,`),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]),
      Buffer.from(`ENC-3,${w.learner2.id},training,1,CN,general,3,2024-06-30,Ok too\n`),
    ]);
    const up = await upload(gbk);
    const j = await job(String(up.body['id']));
    expect(j.check).toMatchObject({ rows: 3, valid: 2, failed: 1 });
    expect(j.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'INPUT_VALIDATION_ERROR' }),
    ]);
    expect(j.errors[0]!.message).toMatch(/not valid UTF-8/);
    const refused = await t.gql<{
      importFile: { __typename: string; code: string; field: string };
    }>(
      `mutation($id: ID!) { importFile(jobId: $id, allOrNothing: true) { __typename ... on ResultError { code field } } }`,
      { id: up.body['id'] },
      w.tokens.staffA,
    );
    expect(refused.data?.importFile).toEqual({
      __typename: 'ResultError',
      code: 'CONFLICT',
      field: 'allOrNothing',
    });
    expect((await t.services.ledger.record(SYSTEM, w.learner2.id)).items).toHaveLength(0);
  });

  it('names the missing columns', async () => {
    const up = await upload(`sourceRecordId,kind,earnedAt\nM-1,training,2024-01-01\n`);
    const j = await job(String(up.body['id']));
    expect(j.check?.failed).toBe(1);
    expect(j.errors[0]!.message).toMatch(/needs a learnerId or a nationalId column/);
  });

  it('skips a 10 MB line, reports it by number, and reads on', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const body = Buffer.from(
      `${HEADER}\nL-1,${w.learner2.id},training,1,CN,general,3,2024-06-30,One\n` +
        `L-2,${w.learner2.id},training,1,CN,general,3,2024-06-30,${huge}\n` +
        `L-3,${w.learner2.id},training,1,CN,general,3,2024-06-30,Three\n`,
    );
    const up = await upload(body);
    expect(up.status).toBe(202);
    const j = await job(String(up.body['id']));
    expect(j.check).toMatchObject({ rows: 3, valid: 2, failed: 1 });
    expect(j.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'INPUT_VALIDATION_ERROR' }),
    ]);
    expect(j.errors[0]!.message).toMatch(/Line 3 is longer than 1 MB/);
    // The same in JSON lines.
    const jl = await upload(
      `${JSON.stringify({ sourceRecordId: 'L-4', learnerId: w.learner2.id, kind: 'training', credits: 1, creditSystem: 'CN', category: 'general', level: 3, earnedAt: '2024-06-30', titleEn: huge })}\n{"x":1}\n`,
      { format: 'jsonl' },
    );
    const k = await job(String(jl.body['id']));
    expect(k.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(k.errors[0]!.message).toMatch(/longer than 1 MB/);
  });

  it('offers the row errors as CSV', async () => {
    const up = await upload(`${HEADER}\nE-1,nobody,training,1,CN,general,3,2024-06-30,"=cmd"\n`);
    const id = String(up.body['id']);
    await job(id);
    const res = await fetch(`${base}/imports/${id}/errors.csv`, {
      headers: { authorization: `Bearer ${w.tokens.staffA}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('line,sourceRecordId,code,field,message');
    expect(lines[1]).toMatch(/^2,E-1,NOT_FOUND,/);
    const other = await fetch(`${base}/imports/${id}/errors.csv`, {
      headers: { authorization: `Bearer ${w.tokens.staffB}` },
    });
    expect(other.status).toBe(403);
  });

  it('refuses the unauthenticated, learners, other institutions and unknown formats', async () => {
    const csv = rowsCsv('AUTH', 1, w.learner1.id);
    expect((await upload(csv, { token: null })).status).toBe(401);
    expect((await upload(csv, { token: 'nonsense' })).status).toBe(401);
    expect((await upload(csv, { token: w.tokens.learner1 })).status).toBe(403);
    expect((await upload(csv, { token: w.tokens.staffB })).status).toBe(403);
    const bad = await upload(csv, { format: 'xlsx' });
    expect(bad).toMatchObject({ status: 400, body: { field: 'format' } });
    expect((await upload('')).body).toMatchObject({ status: 400, field: 'file' });
  });

  it('shows a job only to its institution', async () => {
    const up = await upload(rowsCsv('SEE', 1, w.learner1.id));
    const id = String(up.body['id']);
    await t.services.importJobs.settled(id);
    const r = await t.gql<{ importJob: { __typename: string; code: string } }>(
      JOB,
      { id },
      w.tokens.staffB,
    );
    expect(r.data?.importJob).toMatchObject({ __typename: 'ResultError', code: 'FORBIDDEN' });
    const list = await t.gql<{ importJobs: { __typename: string } }>(
      `query($i: ID!) { importJobs(institutionId: $i) { __typename } }`,
      { i: w.instA.id },
      w.tokens.learner1,
    );
    expect(list.data?.importJobs.__typename).toBe('ResultError');
  });

  it('serves the sample files and nothing else under examples/', async () => {
    const csv = await fetch(`${base}/examples/import/zju-grades.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^sourceRecordId,/);
    const jsonl = await fetch(`${base}/examples/import/zju-grades.jsonl`);
    expect(jsonl.status).toBe(200);
    expect((await fetch(`${base}/examples/import/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});
