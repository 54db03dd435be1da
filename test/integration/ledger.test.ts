// The ledger against the real database: idempotency, corrections, voids, accounts, the chain under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { LedgerService } from '../../domain/ledger/ledger-service.ts';
import { mongoRepositories } from '../../storage/repositories.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';
import { Conflict, InputValidationError, NotFound } from '../../domain/shared/errors.ts';
import type { AchievementInput } from '../../domain/ledger/achievement-input.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let staffA: Actor;

const course = (
  learnerId: string,
  id: string,
  extra: Partial<AchievementInput> = {},
): AchievementInput => ({
  learnerId,
  sourceRecordId: id,
  kind: 'course',
  courseCode: 'MATH101',
  earnedAt: '2024-06-30',
  grade: { score: 80 },
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  staffA = { kind: 'staff', userId: 'u', institutionId: w.instA.id };
});
afterAll(() => t.close());

describe('recording achievements', () => {
  it('fills a course record from the catalogue and chains it', async () => {
    const o = await t.services.ledger.recordAchievement(
      staffA,
      w.instA.id,
      course(w.learner1.id, 'R-1'),
    );
    expect(o.status).toBe('created');
    if (o.status === 'conflict') throw new Error();
    expect(o.entry.seq).toBe(1);
    expect(o.entry.body).toMatchObject({
      type: 'achievement',
      achievement: { credits: 400, creditSystem: 'CN', courseId: `${w.instA.id}:MATH101:v1` },
    });
    expect(o.entry.actor).toEqual({ kind: 'staff', id: 'u' });
  });

  it('returns the existing entry for the same record id and content, and CONFLICT for other content', async () => {
    const again = await t.services.ledger.recordAchievement(
      staffA,
      w.instA.id,
      course(w.learner1.id, 'R-1'),
    );
    expect(again.status).toBe('duplicate');
    await expect(
      t.services.ledger.recordAchievement(
        staffA,
        w.instA.id,
        course(w.learner1.id, 'R-1', { grade: { score: 99 } }),
      ),
    ).rejects.toBeInstanceOf(Conflict);
    const record = await t.services.ledger.record(SYSTEM, w.learner1.id);
    expect(record.items).toHaveLength(1);
  });

  it('rejects bad input without writing anything', async () => {
    const bad: [Partial<AchievementInput>, string][] = [
      [{ credits: -1 }, 'credits'],
      [{ credits: 1e9 }, 'credits'],
      [{ credits: 1.234 }, 'credits'],
      [{ courseCode: 'NOPE999' }, 'Course'],
      [{ earnedAt: '2999-01-01' }, 'future'],
      [{ earnedAt: '2024-02-30' }, 'date'],
      [{ kind: 'wizardry' }, 'kind'],
    ];
    for (const [extra, hint] of bad) {
      const err = await t.services.ledger
        .recordAchievement(staffA, w.instA.id, course(w.learner1.id, `BAD-${hint}`, extra))
        .catch((e: unknown) => e);
      expect(
        err instanceof InputValidationError || err instanceof NotFound,
        `${hint}: ${String(err)}`,
      ).toBe(true);
      expect(String((err as Error).message)).toMatch(new RegExp(hint, 'i'));
    }
    await expect(
      t.services.ledger.recordAchievement(staffA, w.instA.id, course('no-such-learner', 'X-1')),
    ).rejects.toBeInstanceOf(NotFound);
    const record = await t.services.ledger.record(SYSTEM, w.learner1.id);
    expect(record.items).toHaveLength(1);
  });

  it('keeps a course version: a changed course makes v2, the old record points at v1', async () => {
    const v2 = await t.services.catalogue.define(staffA, w.instA.id, {
      code: 'MATH101',
      title: { zh: '微积分', en: 'Calculus' },
      credits: 5,
      creditSystem: 'CN',
      level: 6,
      category: 'general',
      hours: 80,
    });
    expect(v2.version).toBe(2);
    const same = await t.services.catalogue.define(staffA, w.instA.id, {
      code: 'MATH101',
      title: { zh: '微积分', en: 'Calculus' },
      credits: 5,
      creditSystem: 'CN',
      level: 6,
      category: 'general',
      hours: 80,
    });
    expect(same.version).toBe(2);
    const first = (await t.services.ledger.record(SYSTEM, w.learner1.id)).items[0]!;
    expect(first.body.type === 'achievement' && first.body.achievement.courseId).toBe(
      `${w.instA.id}:MATH101:v1`,
    );
    const o = await t.services.ledger.recordAchievement(
      staffA,
      w.instA.id,
      course(w.learner1.id, 'R-2'),
    );
    expect(
      o.status === 'created' &&
        o.entry.body.type === 'achievement' &&
        o.entry.body.achievement.credits,
    ).toBe(500);
  });
});

describe('corrections, voids and the credit account', () => {
  it('applies corrections, excludes voids and shows expired credits apart', async () => {
    const l = w.learner2.id;
    const rows = await t.services.ledger.recordBatch(staffA, w.instA.id, [
      course(l, 'C-1', { credits: 4, category: 'major' }),
      course(l, 'C-2', { credits: 2, category: 'general' }),
      {
        learnerId: l,
        sourceRecordId: 'CERT-1',
        kind: 'vocational_certificate',
        title: { zh: '证书' },
        credits: 3,
        creditSystem: 'CN',
        category: 'major',
        level: 4,
        earnedAt: '2015-01-01',
        expiresAt: '2020-01-01',
      },
    ]);
    expect(rows.map((r) => r.status)).toEqual(['created', 'created', 'created']);
    const e1 = rows[0]!.status === 'created' ? rows[0]!.entry : null;
    const e2 = rows[1]!.status === 'created' ? rows[1]!.entry : null;
    await t.services.ledger.correct(staffA, {
      entryId: e1!.id,
      sourceRecordId: 'C-1-fix',
      reason: 'typo',
      changes: { credits: 3 },
    });
    await t.services.ledger.void(staffA, {
      entryId: e2!.id,
      sourceRecordId: 'C-2-void',
      reason: 'recorded for the wrong student',
    });
    await expect(
      t.services.ledger.void(staffA, {
        entryId: e2!.id,
        sourceRecordId: 'C-2-void-again',
        reason: 'x',
      }),
    ).rejects.toBeInstanceOf(Conflict);
    const account = await t.services.ledger.account(SYSTEM, l, '2026-01-01');
    expect(account.totals).toEqual([{ system: 'CN', key: 'total', credits: 300 }]);
    expect(account.byCategory).toEqual([{ system: 'CN', key: 'major', credits: 300 }]);
    expect(account.expired).toEqual([{ system: 'CN', key: 'expired', credits: 300 }]);
    expect(account.achievements).toBe(2);

    // Another institution may not correct what A recorded.
    const staffB: Actor = { kind: 'staff', userId: 'b', institutionId: w.instB.id };
    await expect(
      t.services.ledger.correct(staffB, {
        entryId: e1!.id,
        sourceRecordId: 'B-fix',
        reason: 'x',
        changes: { credits: 1 },
      }),
    ).rejects.toThrow(/staff of that institution/);
  });

  it('rebuilds the projection from the ledger alone to the same result', async () => {
    const l = w.learner2.id;
    const before = await t.services.repos.accounts.get(l);
    await t.db.models.Account.deleteMany({ learnerId: l });
    expect(await t.services.repos.accounts.get(l)).toBeNull();
    const rebuilt = await t.services.ledger.rebuildAccount(SYSTEM, l);
    expect(rebuilt).toEqual(before);
    expect(await t.services.repos.accounts.get(l)).toEqual(before);
  });
});

describe('the hash chain', () => {
  it('stays one linear chain under many parallel writers in two "processes"', async () => {
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: 'PARALLEL0001',
      name: 'Parallel',
    });
    // A second service instance shares nothing in memory with the first, like another process.
    const repos = mongoRepositories(t.db.models);
    const other = new LedgerService(
      repos.ledger,
      repos.accounts,
      t.services.institutions,
      t.services.learners,
      t.services.catalogue,
    );
    const writers = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? other : t.services.ledger).recordAchievement(
        staffA,
        w.instA.id,
        course(learner.id, `P-${i}`),
      ),
    );
    const results = await Promise.all(writers);
    expect(results.every((r) => r.status === 'created')).toBe(true);
    const report = await t.services.ledger.verify(SYSTEM, learner.id);
    expect(report).toMatchObject({ valid: true, entries: 40, firstBroken: null });
    const seqs = (await t.services.ledger.record(SYSTEM, learner.id, { first: 100 })).items.map(
      (e) => e.seq,
    );
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const account = await t.services.ledger.account(SYSTEM, learner.id);
    expect(account.achievements).toBe(40);
  });

  it('catches an entry altered directly in the database and names the first broken link', async () => {
    const l = w.learner1.id;
    expect((await t.services.ledger.verify(SYSTEM, l)).valid).toBe(true);
    const first = (await t.services.ledger.record(SYSTEM, l)).items[0]!;
    await t.db.models.Entry.collection.updateOne({ _id: first.id } as never, {
      $set: { 'body.achievement.credits': 900 },
    });
    const report = await t.services.ledger.verify(SYSTEM, l);
    expect(report.valid).toBe(false);
    expect(report.firstBroken).toEqual({ seq: 1, entryId: first.id, reason: 'HASH_MISMATCH' });
  });
});

describe("a learner's record, page by page", () => {
  it('pages in seq order with cursors, filtered by entry types and by institution', async () => {
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: 'PAGING000001',
      name: 'Pages',
    });
    const staffB: Actor = { kind: 'staff', userId: 'b', institutionId: w.instB.id };
    const a = await t.services.ledger.recordBatch(
      staffA,
      w.instA.id,
      [0, 1, 2, 3].map((i) => course(learner.id, `PG-A-${i}`)),
    );
    await t.services.ledger.recordBatch(
      staffB,
      w.instB.id,
      [0, 1].map((i) => course(learner.id, `PG-B-${i}`)),
    );
    const first = a[0]!.status === 'created' ? a[0]!.entry : null;
    await t.services.ledger.void(staffA, {
      entryId: first!.id,
      sourceRecordId: 'PG-A-0-void',
      reason: 'duplicate',
    });
    await t.services.ledger.correct(staffA, {
      entryId: `${w.instA.id}:PG-A-1`,
      sourceRecordId: 'PG-A-1-fix',
      reason: 'grade',
      changes: { grade: { score: 95 } },
    });

    const all = async (q: {
      types?: ('achievement' | 'correction' | 'void')[];
      institutionId?: string;
    }) => {
      const seqs: number[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page = await t.services.ledger.record(SYSTEM, learner.id, { ...q, first: 2, after });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seqs.push(...page.items.map((e) => e.seq));
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      return seqs;
    };
    expect(await all({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await all({ types: ['achievement'] })).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await all({ types: ['void', 'correction'] })).toEqual([7, 8]);
    expect(await all({ institutionId: w.instB.id })).toEqual([5, 6]);
    expect(await all({ institutionId: w.instA.id, types: ['achievement'] })).toEqual([1, 2, 3, 4]);
    // An institution sees only what it recorded, whatever it asks for.
    const ofB = await t.services.ledger.record(staffB, learner.id, { first: 50 });
    expect(ofB.items.map((e) => e.seq)).toEqual([5, 6]);
  });
});

describe("an institution's view of what it recorded", () => {
  it('pages through every entry it recorded exactly once, in recording order', async () => {
    const inst = await t.services.institutions.register(SYSTEM, {
      slug: 'recon-u',
      name: { en: 'Reconciliation University' },
      type: 'university',
      region: 'CN',
      accreditation: [],
    });
    const staff: Actor = { kind: 'staff', userId: 'recon', institutionId: inst.id };
    // Two batches: entries of one batch share their recordedAt, so the cursor must break ties.
    for (const batch of [0, 1]) {
      await t.services.ledger.recordBatch(
        staff,
        inst.id,
        Array.from({ length: 5 }, (_, i) => ({
          learnerId: i % 2 ? w.learner1.id : w.learner2.id,
          sourceRecordId: `RC-${batch}-${i}`,
          kind: 'training',
          title: { en: 'Module' },
          credits: 1,
          creditSystem: 'CN',
          category: 'general',
          level: 3,
          earnedAt: '2024-01-01',
        })),
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page = await t.services.ledger.recordedBy(staff, inst.id, { first: 3, after });
      seen.push(...page.items.map((e) => e.id));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect(seen.slice(0, 5).every((id) => id.includes(':RC-0-'))).toBe(true);
  });
});

describe('an entry through GraphQL', () => {
  it('names its institution in Chinese and English, for every entry of a page', async () => {
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: 'NAMED0000001',
      name: 'Named',
    });
    await t.services.ledger.recordBatch(staffA, w.instA.id, [course(learner.id, 'NM-A-1')]);
    const staffB: Actor = { kind: 'staff', userId: 'b', institutionId: w.instB.id };
    await t.services.ledger.recordBatch(staffB, w.instB.id, [
      course(learner.id, 'NM-B-1'),
      course(learner.id, 'NM-B-2'),
    ]);
    const r = await t.gql<{
      learnerRecord: {
        items: { institution: { slug: string; name: { zh: string; en: string } } }[];
      };
    }>(
      `query($l: ID!) { learnerRecord(learnerId: $l) { ... on LedgerPage { items { institution { slug name { zh en } } } } } }`,
      { l: learner.id },
      w.tokens.operator,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.learnerRecord.items.map((i) => i.institution)).toEqual([
      { slug: 'uni-a', name: { zh: '甲大学', en: 'University A' } },
      { slug: 'college-b', name: { zh: '乙学院', en: 'College B' } },
      { slug: 'college-b', name: { zh: '乙学院', en: 'College B' } },
    ]);
  });
});
