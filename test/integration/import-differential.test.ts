// Bulk import against single appends: the same rows give the same entries, byte for byte.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

const now = () => new Date('2026-03-01T08:00:00.000Z');
let bulk: TestApp;
let single: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let staff: Actor;

beforeAll(async () => {
  bulk = await createTestApp({ now });
  single = await createTestApp({ now });
  w = await createWorld(bulk);
  staff = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id };
  // The same institution and learners (same ids) in the second database.
  for (const name of ['Institution', 'Learner'] as const) {
    const docs = await bulk.db.models[name].collection.find({}).toArray();
    await single.db.models[name].collection.insertMany(docs);
  }
});
afterAll(async () => {
  await bulk.close();
  await single.close();
});

it('writes the same entries and hashes as appending the rows one at a time, batches in parallel', async () => {
  const learners = [w.learner1.id, w.learner2.id];
  // The learners' rows interleaved, so each learner's rows span several batches written at once.
  const rows = Array.from({ length: 14 }, (_, i) => ({
    sourceRecordId: `D-${i}`,
    learnerId: learners[i % 2 === 0 || i % 5 === 0 ? 0 : 1],
    kind: 'training',
    titleZh: `培训 ${i}`,
    titleEn: `Training ${i}`,
    credits: i === 9 ? -1 : 1 + (i % 3),
    creditSystem: 'CN',
    category: ['major', 'general', 'elective'][i % 3],
    level: 6,
    earnedAt: `20${10 + (i % 10)}-06-30`,
  }));
  const file = rows.map((r) => JSON.stringify(r)).join('\n');
  const report = await bulk.services.importer.import(
    staff,
    w.instA.id,
    Readable.from([Buffer.from(file)]),
    { format: 'jsonl', batchSize: 2, parallel: 4 },
  );
  expect(report).toMatchObject({ rows: 14, created: 13, failed: 1 });
  expect(report.errors.map((e) => e.line)).toEqual([10]);

  for (const [i, { titleZh, titleEn, ...r }] of rows.entries()) {
    const append = single.services.ledger.recordAchievement(staff, w.instA.id, {
      ...r,
      learnerId: r.learnerId!,
      title: { zh: titleZh, en: titleEn },
    });
    if (i === 9) await expect(append).rejects.toThrow();
    else await append;
  }
  for (const id of learners) {
    const fromBulk = await bulk.services.ledger.checkedChain(id);
    const fromSingle = await single.services.ledger.checkedChain(id);
    expect(fromBulk.firstBroken).toBeNull();
    expect(fromBulk.chain.length).toBeGreaterThan(3);
    // File order is chain order for each learner.
    expect(fromBulk.chain.map((e) => e.id)).toEqual(
      rows
        .filter((r, i) => r.learnerId === id && i !== 9)
        .map((r) => `${w.instA.id}:${r.sourceRecordId}`),
    );
    expect(fromBulk.chain).toEqual(fromSingle.chain);
  }

  // Re-running the file in parallel batches records nothing twice.
  const again = await bulk.services.importer.import(
    staff,
    w.instA.id,
    Readable.from([Buffer.from(file)]),
    { format: 'jsonl', batchSize: 3, parallel: 3 },
  );
  expect(again).toMatchObject({ rows: 14, created: 0, duplicates: 13, failed: 1 });
});
