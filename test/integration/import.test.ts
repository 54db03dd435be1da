// Bulk import: CSV and JSON lines, row errors with line numbers, dry runs, re-runs, broken files, kill -9.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, testSecrets, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let staff: Actor;
const src = (s: string | Buffer) => Readable.from([typeof s === 'string' ? Buffer.from(s) : s]);

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  staff = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id };
});
afterAll(() => t.close());

describe('CSV import', () => {
  const header =
    'sourceRecordId,learnerId,kind,courseCode,credits,creditSystem,category,level,score,earnedAt,titleZh';
  const csv = () =>
    [
      header,
      `A-1,${w.learner1.id},course,MATH101,,,,,85,2024-06-30,`,
      `A-2,${w.learner1.id},course,NOPE,,,,,85,2024-06-30,`,
      `A-3,${w.learner2.id},training,,-2,CN,general,3,,2024-06-30,培训`,
      `A-4,${w.learner2.id},training,,1.5,CN,general,3,,2099-01-01,培训`,
      `A-5,${w.learner2.id},vocational_certificate,,3,CN,major,4,,2023-05-01,电工证`,
    ].join('\n');

  it('reports bad rows with their line numbers, and a dry run writes nothing', async () => {
    const report = await t.services.importer.import(staff, w.instA.id, src(csv()), {
      format: 'csv',
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, rows: 5, created: 0, failed: 3 });
    expect(report.errors.map((e) => [e.line, e.sourceRecordId, e.code])).toEqual([
      [3, 'A-2', 'NOT_FOUND'],
      [4, 'A-3', 'INPUT_VALIDATION_ERROR'],
      [5, 'A-4', 'INPUT_VALIDATION_ERROR'],
    ]);
    expect((await t.services.ledger.record(SYSTEM, w.learner1.id)).items).toHaveLength(0);
  });

  it('records the good rows, and the same file again adds nothing', async () => {
    const first = await t.services.importer.import(staff, w.instA.id, src(csv()), {
      format: 'csv',
    });
    expect(first).toMatchObject({ rows: 5, created: 2, duplicates: 0, failed: 3 });
    const again = await t.services.importer.import(staff, w.instA.id, src(csv()), {
      format: 'csv',
    });
    expect(again).toMatchObject({ rows: 5, created: 0, duplicates: 2, failed: 3 });
    expect((await t.services.ledger.record(SYSTEM, w.learner2.id)).items).toHaveLength(1);
  });

  it('refuses unknown columns, a broken encoding and broken CSV with a clear message', async () => {
    const unknown = await t.services.importer.import(
      staff,
      w.instA.id,
      src('sourceRecordId,learnerId,kind,earnedAt,colour\n'),
      { format: 'csv' },
    );
    expect(unknown.errors[0]?.message).toMatch(/Unknown column\(s\): colour/);
    const gbk = Buffer.concat([
      Buffer.from(`${header}\nB-1,${w.learner1.id},training,,1,CN,general,3,,2024-06-30,`),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]),
    ]);
    const enc = await t.services.importer.import(staff, w.instA.id, src(gbk), { format: 'csv' });
    expect(enc.errors.at(-1)?.message).toMatch(/not valid UTF-8/);
    const ragged = await t.services.importer.import(
      staff,
      w.instA.id,
      src(`${header}\nC-1,${w.learner1.id},course\n`),
      { format: 'csv' },
    );
    expect(ragged.errors[0]?.message).toMatch(/CSV error/);
  });

  it('registers learners named by national ID, once', async () => {
    const rows = [
      'sourceRecordId,nationalId,learnerName,kind,credits,creditSystem,category,level,earnedAt,titleEn',
      'N-1,110101199003071234,张三,training,1,CN,general,3,2024-01-02,Safety training',
      'N-2,110101199003071234,张三,training,2,CN,general,3,2024-02-02,First aid',
    ].join('\n');
    const r = await t.services.importer.import(staff, w.instA.id, src(rows), { format: 'csv' });
    expect(r).toMatchObject({ created: 2, failed: 0 });
    const learner = await t.services.learners.findByNationalId(SYSTEM, '110101199003071234');
    expect((await t.services.ledger.record(SYSTEM, learner!.id)).items).toHaveLength(2);
  });
});

describe('JSON lines import', () => {
  it('takes one object a line and reports a broken line', async () => {
    const lines = [
      JSON.stringify({
        sourceRecordId: 'J-1',
        learnerId: w.learner1.id,
        kind: 'mooc',
        title: { en: 'MOOC' },
        credits: 1,
        creditSystem: 'CN',
        category: 'elective',
        level: 5,
        earnedAt: '2024-03-01',
      }),
      '{not json',
      JSON.stringify({
        sourceRecordId: 'J-2',
        learnerId: w.learner1.id,
        kind: 'course',
        courseCode: 'MATH101',
        earnedAt: '2024-03-01',
        grade: { score: 70 },
      }),
    ].join('\n');
    const r = await t.services.importer.import(staff, w.instA.id, src(lines), { format: 'jsonl' });
    expect(r).toMatchObject({ rows: 3, created: 2, failed: 1 });
    expect(r.errors[0]).toMatchObject({ line: 2, code: 'INPUT_VALIDATION_ERROR' });
  });
});

describe('an import killed with SIGKILL', () => {
  it('ends, after a re-run, with every row recorded exactly once', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'creditbank-import-'));
    const file = path.join(dir, 'big.csv');
    const rows = 6000;
    const out = createWriteStream(file);
    out.write(
      'sourceRecordId,learnerId,kind,credits,creditSystem,category,level,earnedAt,titleEn\n',
    );
    for (let i = 0; i < rows; i++) {
      const learner = i % 2 ? w.learner1.id : w.learner2.id;
      out.write(`K-${i},${learner},training,0.5,CN,general,3,2024-05-01,Module ${i}\n`);
    }
    out.end();
    await once(out, 'finish');
    const env = {
      ...process.env,
      ...testSecrets,
      MONGODB_URI: inject('mongodbUri'),
      DB_NAME: t.db.connection.name,
      LOG_LEVEL: 'silent',
    };
    const run = () =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/cli.ts',
          'import',
          '--institution',
          'uni-a',
          '--file',
          file,
          '--quiet',
          '--batch',
          '200',
        ],
        {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    const count = () =>
      t.db.models.Entry.countDocuments({ idempotencyKey: { $regex: `^${w.instA.id}:K-` } });

    const victim = run();
    // Kill it once some rows but not all are in.
    for (let i = 0; i < 600; i++) {
      const n = await count();
      if (n > 400) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    victim.kill('SIGKILL');
    await once(victim, 'exit');
    const partial = await count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(rows);

    const rerun = run();
    let stdout = '';
    rerun.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const [code] = (await once(rerun, 'exit')) as [number];
    expect(code, stdout).toBe(0);
    expect(await count()).toBe(rows);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      created: number;
      duplicates: number;
    };
    expect(report.created + report.duplicates).toBe(rows);
    for (const l of [w.learner1.id, w.learner2.id]) {
      expect((await t.services.ledger.verify(SYSTEM, l)).valid).toBe(true);
    }
    const account = await t.services.ledger.account(SYSTEM, w.learner2.id);
    const recorded = await t.db.models.Entry.countDocuments({
      learnerId: w.learner2.id,
      'body.type': 'achievement',
    });
    expect(account.achievements).toBe(recorded);
    await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);
});

describe('a 100,000-row file', () => {
  it('is streamed: memory stays flat while every row is validated (dry run)', async () => {
    const rows = 100_000;
    function* lines() {
      yield 'sourceRecordId,learnerId,kind,credits,creditSystem,category,level,earnedAt,titleEn\n';
      for (let i = 0; i < rows; i++)
        yield `BIG-${i},${w.learner1.id},training,0.5,CN,general,3,2024-05-01,Module ${i}\n`;
    }
    // The file is ~10 MB; its rows as objects would be far more. What the import holds on to (the heap
    // after a full collection, sampled every ten batches) must stay well below that. Garbage not yet
    // collected is not measured: how much of it a busy machine lets pile up says nothing about streaming.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let batches = 0;
    const report = await t.services.importer.import(staff, w.instA.id, Readable.from(lines()), {
      format: 'csv',
      dryRun: true,
      onProgress: () => {
        if (++batches % 10 !== 0) return;
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    expect(batches).toBeGreaterThanOrEqual(100);
    expect(report).toMatchObject({ rows, failed: 0, created: 0 });
    expect(peak - base).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
