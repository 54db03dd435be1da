// The audit reads only what was appended since its last read: after a new entry, a correction and a void, and on random appends, its items and verdict equal those read from scratch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/identity/access.ts';
import { SYSTEM } from '../../domain/identity/index.ts';
import type { AchievementInput } from '../../domain/ledger/index.ts';
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

/** A small seeded generator, so that a failure replays. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the audit on random appends (differential)', () => {
  it('keeps equal to a from-scratch audit across batches, corrections and voids spanning blocks', async () => {
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: '330106199001015678',
      name: '随机',
    });
    const learnerId = learner.id;
    const staffOf: Record<string, Actor> = {
      [w.instA.id]: staff,
      [w.instB.id]: { kind: 'staff', userId: 'seed', institutionId: w.instB.id },
    };
    const r = prng(20261205);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    // A second cache over the same ledger that is asked only now and then: its reads span several
    // appends and several blocks of the chain.
    const lagging = new LearnerItemCache(t.services.ledger, toCreditItems);
    const live: string[] = [];
    let n = 0;
    const row = (): AchievementInput => {
      const score = 40 + Math.floor(r() * 61);
      const year = 2015 + Math.floor(r() * 11);
      return {
        learnerId,
        sourceRecordId: `rnd-${n++}`,
        kind: 'training',
        title: { en: `Random module ${n}` },
        credits: pick([1, 2, 3, 3, 4]),
        creditSystem: 'CN',
        category: pick(['major', 'major', 'general', 'elective']),
        level: 6,
        earnedAt: `${year}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}`,
        grade: { score, passed: score >= 60 },
        ...(r() < 0.15 ? { expiresAt: `${year + 1 + Math.floor(r() * 8)}-06-30` } : {}),
      };
    };
    for (let step = 0; step < 30; step++) {
      const move = r();
      if (move < 0.55 || live.length < 5) {
        const inst = pick([w.instA.id, w.instB.id]);
        const rows = Array.from({ length: 1 + Math.floor(r() * 30) }, row);
        for (const o of await t.services.ledger.recordBatch(SYSTEM, inst, rows)) {
          if (o.status !== 'created') throw new Error(`row ${o.index} not recorded: ${o.status}`);
          live.push(o.entry.id);
        }
      } else {
        const id = live.splice(Math.floor(r() * live.length), 1)[0]!;
        const target = (await t.services.ledger.entriesAfter(learnerId, 0)).find(
          (e) => e.id === id,
        )!;
        const actor = staffOf[target.institutionId]!;
        if (move < 0.8) {
          await t.services.ledger.correct(actor, {
            entryId: id,
            sourceRecordId: `rnd-fix-${step}`,
            reason: 'a random correction',
            changes: { credits: pick([1, 2, 5]), category: pick(['major', 'general']) },
          });
          live.push(id);
        } else {
          await t.services.ledger.void(actor, {
            entryId: id,
            sourceRecordId: `rnd-void-${step}`,
            reason: 'a random void',
          });
        }
      }
      const scratch = await fromScratch(learnerId);
      // The audit service's own cache, read after every step (usually one block).
      expect(await t.services.audits.creditItems(learnerId)).toEqual(scratch);
      const b = await verdict(scratch);
      // Through the service (its cache, its worker-less run, names): the same verdict and allocation.
      const a = await t.services.audits.evaluate(learnerId, programme, '2026-01-01');
      expect(a.verdict).toBe(b.verdict);
      expect(a.allocations).toEqual(b.allocations);
      expect(a.excluded.map((x) => [x.entryId, x.reason])).toEqual(
        b.excluded.map((x) => [x.entryId, x.reason]),
      );
      expect(a.requirements.map((q) => [q.id, q.met, q.counted])).toEqual(
        b.requirements.map((q) => [q.id, q.met, q.counted]),
      );
      if (step % 4 === 3) {
        const items = await lagging.items(learnerId, await headOf(learnerId));
        expect(items).toEqual(scratch);
        expect(await verdict(items)).toEqual(b);
      }
    }
    expect(live.length).toBeGreaterThan(64);
  });

  it('reads the entries after any position as a range over the whole chain would, blocks or none', async () => {
    const learnerId = w.learner2.id;
    const rows = Array.from({ length: 140 }, (_, i) => ({
      learnerId,
      sourceRecordId: `range-${i}`,
      title: { en: `Range ${i}` },
      kind: 'training',
      credits: 1,
      creditSystem: 'CN',
      category: 'general',
      level: 6,
      earnedAt: '2024-01-01',
    }));
    const out = await t.services.ledger.recordBatch(SYSTEM, w.instA.id, rows);
    expect(out.filter((o) => o.status !== 'created')).toEqual([]);
    const chain = await t.services.ledger.entriesAfter(learnerId, 0);
    const head = chain.at(-1)!.seq;
    // Around every block boundary (64, 128), where blocks stop (100), and the head.
    const positions = [0, 1, 2, 40, 62, 63, 64, 65, 70, 99, 100, 101, 126, 127, 128, 129]
      .concat([head - 1, head, head + 1])
      .filter((p) => p >= 0);
    const expectAll = async () => {
      for (const after of positions)
        expect(await t.services.ledger.entriesAfter(learnerId, after)).toEqual(
          chain.filter((e) => e.seq > after),
        );
    };
    await expectAll();
    // Entries stored before blocks existed: the older part of the chain has none.
    await t.db.models.Entry.collection.updateMany(
      { learnerId, seq: { $lte: 100 } },
      { $unset: { seqBlock: '' } },
    );
    await expectAll();
  });
});
