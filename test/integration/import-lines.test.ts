// Imports answer for every row: real line numbers, errors in line order, good rows once, all-or-nothing, a CLI without stack traces.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';
import { runCli } from '../setup/cli.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let staff: Actor;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  staff = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id };
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'creditbank-import-lines-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await t.close();
});

const HEADER = 'sourceRecordId,learnerId,kind,credits,creditSystem,category,level,earnedAt,titleEn';
const row = (prefix: string, i: number, earnedAt = '2024-05-01', title = `Module ${i}`) =>
  `${prefix}-${i},${i % 2 ? w.learner1.id : w.learner2.id},training,0.5,CN,general,3,${earnedAt},${title}`;

/** A CSV file of `rows` data rows (line n holds row n-1); `special` replaces some lines' bytes. */
function csvFile(prefix: string, rows: number, special: Record<number, Buffer | string> = {}) {
  const lines: Buffer[] = [Buffer.from(HEADER)];
  for (let i = 1; i <= rows; i++) {
    const line = i + 1;
    const s = special[line];
    lines.push(s === undefined ? Buffer.from(row(prefix, i)) : Buffer.from(s));
  }
  return Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
}

/** Feeds the bytes in small uneven chunks, as a disk or a socket would. */
const chunks = (buf: Buffer) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < buf.length; i += 4093) yield buf.subarray(i, i + 4093);
    })(),
  );

const countWith = (prefix: string) =>
  t.db.models.Entry.countDocuments({ idempotencyKey: { $regex: `^${w.instA.id}:${prefix}-` } });

describe('a CSV file with broken rows among 2,000', () => {
  const file = () =>
    csvFile('U', 2000, {
      701: row('U', 700, '2024-13-01'),
      1201: row('U', 1200, '9999-99-99'),
      // The byte 0xFF can never appear in UTF-8.
      1502: Buffer.concat([Buffer.from(row('U', 1501)), Buffer.from([0xff, 0x41])]),
      1801: `U-1800,${w.learner1.id},training`,
    });

  it('reports each bad row on its real line, in line order, and records every good row once', async () => {
    const report = await t.services.importer.import(staff, w.instA.id, chunks(file()), {
      format: 'csv',
      batchSize: 300,
    });
    expect(report).toMatchObject({ rows: 2000, created: 1996, duplicates: 0, failed: 4 });
    expect(report.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [701, 'INPUT_VALIDATION_ERROR', 'earnedAt'],
      [1201, 'INPUT_VALIDATION_ERROR', 'earnedAt'],
      [1502, 'INPUT_VALIDATION_ERROR', undefined],
      [1801, 'INPUT_VALIDATION_ERROR', undefined],
    ]);
    expect(report.errors[2]?.message).toMatch(/Line 1502 is not valid UTF-8/);
    expect(report.errors[3]?.message).toMatch(/CSV error on line 1801/);
    expect(await countWith('U')).toBe(1996);

    const again = await t.services.importer.import(staff, w.instA.id, chunks(file()), {
      format: 'csv',
      batchSize: 300,
    });
    expect(again).toMatchObject({ created: 0, duplicates: 1996, failed: 4 });
    expect(await countWith('U')).toBe(1996);
  });

  it('a quoted cell over several lines is one row, and a broken byte inside it names its own line', async () => {
    const buf = Buffer.concat([
      Buffer.from(`${HEADER}\n${row('Q', 1)}\n`),
      Buffer.from(`Q-2,${w.learner1.id},training,1,CN,general,3,2024-05-01,"first line\nsecond `),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`\nthird"\n${row('Q', 3)}\n`),
    ]);
    const report = await t.services.importer.import(staff, w.instA.id, chunks(buf), {
      format: 'csv',
    });
    expect(report).toMatchObject({ rows: 3, created: 2, failed: 1 });
    expect(report.errors.map((e) => e.line)).toEqual([4]);
  });
});

describe('a JSON lines file', () => {
  const obj = (i: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      sourceRecordId: `J-${i}`,
      learnerId: w.learner1.id,
      kind: 'mooc',
      title: { en: `MOOC ${i}` },
      credits: 1,
      creditSystem: 'CN',
      category: 'elective',
      level: 5,
      earnedAt: '2024-03-01',
      ...extra,
    });

  it('reports unreadable lines and bad rows together in line order', async () => {
    const lines: Buffer[] = [];
    for (let i = 1; i <= 120; i++) {
      if (i === 30) lines.push(Buffer.from('{not json'));
      else if (i === 10) lines.push(Buffer.from(obj(i, { earnedAt: '2024-01-32' })));
      else if (i === 55)
        lines.push(
          Buffer.concat([
            Buffer.from(obj(i).slice(0, -2)),
            Buffer.from([0xe4, 0xb8]),
            Buffer.from('"}'),
          ]),
        );
      else if (i === 80) lines.push(Buffer.from(obj(i, { title: { en: 'A\ud800' } })));
      else if (i === 81) lines.push(Buffer.from(''));
      else lines.push(Buffer.from(obj(i)));
    }
    const buf = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
    const report = await t.services.importer.import(staff, w.instA.id, chunks(buf), {
      format: 'jsonl',
      batchSize: 40,
    });
    expect(report).toMatchObject({ rows: 119, created: 115, failed: 4 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [10, 'earnedAt'],
      [30, undefined],
      [55, undefined],
      [80, 'title'],
    ]);
    expect(await countWith('J')).toBe(115);
  });
});

describe('rows naming a new learner by national ID', () => {
  it('register the learner only when the row is good', async () => {
    const csv = [
      'sourceRecordId,nationalId,learnerName,kind,credits,creditSystem,category,level,earnedAt,titleEn',
      'R-1,NEWBAD0001,王五,training,1,CN,general,3,2024-13-01,Bad date',
      'R-2,NEWBAD0002,赵六,training,-1,CN,general,3,2024-01-02,Bad credits',
      'R-3,NEWGOOD0003,钱七,training,1,CN,general,3,2024-01-02,Good',
    ].join('\n');
    const learnersBefore = await t.db.models.Learner.countDocuments();
    const report = await t.services.importer.import(staff, w.instA.id, chunks(Buffer.from(csv)), {
      format: 'csv',
    });
    expect(report).toMatchObject({ created: 1, failed: 2 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'earnedAt'],
      [3, 'credits'],
    ]);
    expect(await t.db.models.Learner.countDocuments()).toBe(learnersBefore + 1);
    expect(await t.services.learners.findByNationalId(SYSTEM, 'NEWBAD0001')).toBeNull();
  });
});

describe('an all-or-nothing import', () => {
  it('writes nothing when one row is bad, and reports every bad row', async () => {
    const bad = csvFile('A', 50, {
      11: row('A', 10, '2024-02-30'),
      41: row('A', 40, '2024-00-01'),
    });
    const report = await t.services.importer.import(staff, w.instA.id, () => chunks(bad), {
      format: 'csv',
      allOrNothing: true,
      batchSize: 20,
    });
    expect(report).toMatchObject({ written: false, created: 0, failed: 2 });
    expect(report.errors.map((e) => e.line)).toEqual([11, 41]);
    expect(await countWith('A')).toBe(0);
  });

  it('writes nothing when a record id was recorded before with other content', async () => {
    await t.services.importer.import(staff, w.instA.id, chunks(csvFile('B', 3)), {
      format: 'csv',
    });
    const changed = csvFile('B', 6, { 3: row('B', 2, '2023-01-01') });
    const report = await t.services.importer.import(staff, w.instA.id, () => chunks(changed), {
      format: 'csv',
      allOrNothing: true,
    });
    expect(report).toMatchObject({ written: false, created: 0, failed: 1 });
    expect(report.errors[0]).toMatchObject({ line: 3, code: 'CONFLICT', sourceRecordId: 'B-2' });
    expect(await countWith('B')).toBe(3);
  });

  it('writes nothing when the file itself gives one record id two contents, batches apart', async () => {
    // Line 3 (D-2) and line 45 (D-2 again, earned on another day) fall in different batches of 20.
    const twice = csvFile('D', 50, { 45: row('D', 2, '2023-01-01') });
    const report = await t.services.importer.import(staff, w.instA.id, () => chunks(twice), {
      format: 'csv',
      allOrNothing: true,
      batchSize: 20,
    });
    expect(report).toMatchObject({ written: false, created: 0, failed: 1 });
    expect(report.errors[0]).toMatchObject({ line: 45, code: 'CONFLICT', sourceRecordId: 'D-2' });
    expect(await countWith('D')).toBe(0);
    // The dry run says the same, so the console's check shows it before anything is written.
    const check = await t.services.importer.import(staff, w.instA.id, chunks(twice), {
      format: 'csv',
      dryRun: true,
      allOrNothing: true,
      batchSize: 20,
    });
    expect(check).toMatchObject({ failed: 1 });
    expect(check.errors[0]).toMatchObject({ line: 45, code: 'CONFLICT' });
  });

  it('writes every row when all are good', async () => {
    const good = csvFile('C', 50);
    const report = await t.services.importer.import(staff, w.instA.id, () => chunks(good), {
      format: 'csv',
      allOrNothing: true,
      batchSize: 20,
    });
    expect(report).toMatchObject({ written: true, created: 50, failed: 0 });
    expect(await countWith('C')).toBe(50);
  });
});

const cli = (...args: string[]) => runCli(t.db.connection.name, args);

describe('the CLI import', () => {
  it('answers a missing file in one line, without a stack trace', async () => {
    const r = await cli('import', '--institution', 'uni-a', '--file', path.join(dir, 'nope.csv'));
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`No such file: ${path.join(dir, 'nope.csv')}`);
  });

  it('records the good rows of a file with impossible dates and a broken byte, and names each bad line', async () => {
    const file = path.join(dir, 'mixed.csv');
    await fs.writeFile(
      file,
      csvFile('M', 1999, {
        3: row('M', 2, '2024-13-01'),
        1001: row('M', 1000, '9999-99-99'),
        1502: Buffer.concat([Buffer.from(row('M', 1501)), Buffer.from([0xff])]),
      }),
    );
    const r = await cli('import', '--institution', 'uni-a', '--file', file, '--quiet');
    expect(r.code, r.err).toBe(1);
    expect(r.err).not.toMatch(/\n\s+at /);
    const report = JSON.parse(r.out.slice(r.out.indexOf('{'))) as {
      created: number;
      errors: { line: number }[];
    };
    expect(report.created).toBe(1996);
    expect(report.errors.map((e) => e.line)).toEqual([3, 1001, 1502]);
    expect(await countWith('M')).toBe(1996);
  });

  it('with --all-or-nothing writes nothing from a file with a bad row', async () => {
    const file = path.join(dir, 'aon.jsonl');
    const lines = [1, 2, 3].map((i) =>
      JSON.stringify({
        sourceRecordId: `N-${i}`,
        learnerId: w.learner2.id,
        kind: 'training',
        titleEn: 'T',
        credits: 1,
        creditSystem: 'CN',
        category: 'general',
        level: 2,
        earnedAt: i === 2 ? '2024-13-01' : '2024-01-01',
      }),
    );
    await fs.writeFile(file, lines.join('\n'));
    const r = await cli(
      'import',
      '--institution',
      'uni-a',
      '--file',
      file,
      '--quiet',
      '--all-or-nothing',
    );
    expect(r.code, r.err).toBe(1);
    expect(JSON.parse(r.out.slice(r.out.indexOf('{')))).toMatchObject({
      written: false,
      created: 0,
      failed: 1,
      errors: [{ line: 2, field: 'earnedAt' }],
    });
    expect(await countWith('N')).toBe(0);
  });
});
