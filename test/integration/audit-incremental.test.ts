// The audit reads only what was appended since its last read: after a new entry, a correction and a void its items and verdict equal those read from scratch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/identity/access.ts';
import { auditProgramme, auditRules } from '../../domain/audit/index.ts';
import { LearnerItemCache } from '../../domain/audit/item-cache.ts';
import { toCreditItems } from '../../domain/recognition/index.ts';
import type { Programme } from '../../domain/programmes/index.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let staff: Actor;
let programme: Programme;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  staff = { kind: 'staff', userId: 'seed', institutionId: w.instA.id };
  programme = {
    id: 'incremental-ba',
    version: 1,
    institutionId: w.instA.id,
    partnerInstitutionIds: [],
    name: { en: 'Incremental BA', zh: '增量学士' },
    qualificationType: 'bachelor',
    level: 6,
    creditSystem: 'CN',
    requirements: {
      id: 'root',
      kind: 'allOf',
      children: [
        { id: 'total', kind: 'totalCredits', min: 1000 },
        { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 600 },
      ],
    },
  };
});
afterAll(() => t.close());

async function record(learnerId: string, n: number, credits: number, category: string) {
  const o = await t.services.ledger.recordAchievement(staff, w.instA.id, {
    learnerId,
    sourceRecordId: `inc-${n}`,
    kind: 'training',
    title: { en: `Module ${n}` },
    credits,
    creditSystem: 'CN',
    category,
    level: 6,
    earnedAt: `2024-0${1 + (n % 9)}-1${n % 10}`,
    grade: { score: 80, passed: true },
  });
  if (o.status === 'conflict') throw new Error(o.message);
  return o.entry.id;
}

/** The learner's items as a fresh read of the whole chain gives them (what the audit did before). */
const fromScratch = async (learnerId: string) =>
  toCreditItems(await t.services.ledger.currentAchievements(learnerId));

const verdict = async (items: Awaited<ReturnType<typeof fromScratch>>) =>
  auditProgramme({
    items,
    programme,
    asOf: '2026-01-01',
    ...auditRules(await t.services.rules.allRules(), programme, '2026-01-01'),
  });

/** The seq of the learner's newest entry. */
const headOf = async (learnerId: string) =>
  (await t.services.ledger.entriesAfter(learnerId, 0)).at(-1)!.seq;

describe('the audit reads incrementally', () => {
  it('equals the audit from scratch after a new entry, a correction and a void', async () => {
    const learnerId = w.learner1.id;
    const reads: number[] = [];
    // The same fold the audit service uses, with its reads counted.
    const cache = new LearnerItemCache(
      {
        entriesAfter: async (l, after) => {
          const entries = await t.services.ledger.entriesAfter(l, after);
          reads.push(entries.length);
          return entries;
        },
      },
      toCreditItems,
    );
    const check = async () => {
      const h = await headOf(learnerId);
      const incremental = await cache.items(learnerId, h);
      const scratch = await fromScratch(learnerId);
      expect(incremental).toEqual(scratch);
      // The audit service itself (its own cache, kept across the steps) agrees too.
      expect(await t.services.audits.creditItems(learnerId)).toEqual(scratch);
      const a = await verdict(incremental);
      const b = await verdict(scratch);
      expect(a).toEqual(b);
      return a;
    };

    const ids: string[] = [];
    for (let n = 0; n < 4; n++)
      ids.push(await record(learnerId, n, 2, n % 2 ? 'major' : 'general'));
    expect((await check()).passed).toBe(false);
    expect(reads).toEqual([4]);

    // A new entry: only it is read, and it makes the programme pass.
    ids.push(await record(learnerId, 4, 4, 'major'));
    expect((await check()).passed).toBe(true);
    expect(reads).toEqual([4, 1]);

    // A correction of an earlier entry: its content replaces the target's, in the target's place.
    await t.services.ledger.correct(staff, {
      entryId: ids[4]!,
      sourceRecordId: 'inc-4-fix',
      reason: 'credits were mistyped',
      changes: { credits: 1 },
    });
    expect((await check()).passed).toBe(false);
    expect(reads).toEqual([4, 1, 1]);

    // A void drops the target; a correction of the corrected entry then changes nothing more.
    await t.services.ledger.void(staff, {
      entryId: ids[1]!,
      sourceRecordId: 'inc-1-void',
      reason: 'recorded for the wrong learner',
    });
    const afterVoid = await check();
    expect(afterVoid.allocations.some((x) => x.entryId === ids[1])).toBe(false);
    expect(reads).toEqual([4, 1, 1, 1]);

    // Nothing new: nothing read.
    await check();
    expect(reads).toEqual([4, 1, 1, 1]);
  });

  it('reads the whole chain again when the head went back (a database restored)', async () => {
    const learnerId = w.learner2.id;
    await record(learnerId, 10, 3, 'major');
    await record(learnerId, 11, 3, 'major');
    const cache = new LearnerItemCache(t.services.ledger, toCreditItems);
    const scratch = await fromScratch(learnerId);
    const head = await headOf(learnerId);
    expect(await cache.items(learnerId, head)).toEqual(scratch);
    // A head behind what was read: the kept fold is of another chain, so it starts again.
    expect(await cache.items(learnerId, head - 1)).toEqual(scratch);
    expect(await cache.items(learnerId, head)).toEqual(scratch);
  });

  it('one read for concurrent audits of one learner', async () => {
    const learnerId = w.learner2.id;
    let calls = 0;
    const cache = new LearnerItemCache(
      {
        entriesAfter: (l, after) => {
          calls++;
          return t.services.ledger.entriesAfter(l, after);
        },
      },
      toCreditItems,
    );
    const head = await headOf(learnerId);
    const all = await Promise.all(Array.from({ length: 5 }, () => cache.items(learnerId, head)));
    expect(calls).toBe(1);
    for (const items of all) expect(items).toEqual(await fromScratch(learnerId));
  });
});
