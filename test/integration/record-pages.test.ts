// A learner's record read page by page (blocks of the chain looked up by equality) is the chain, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import type { LedgerEntry } from '../../domain/shared/types.ts';
import { mongoRepositories } from '../../storage/repositories.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let learnerId = '';
const ENTRIES = 150;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const { learner } = await t.services.learners.register(SYSTEM, {
    nationalId: 'PAGES0000001',
    name: 'Many Records',
  });
  learnerId = learner.id;
  // Every third entry is institution B's, so a filtered page spans several blocks.
  for (const [inst, mod] of [
    [w.instA.id, [0, 1]],
    [w.instB.id, [2]],
  ] as const) {
    const staff: Actor = { kind: 'staff', userId: 'u', institutionId: inst };
    const rows = Array.from({ length: ENTRIES }, (_, i) => i).filter((i) =>
      (mod as readonly number[]).includes(i % 3),
    );
    const out = await t.services.ledger.recordBatch(
      staff,
      inst,
      rows.map((i) => ({
        learnerId,
        sourceRecordId: `P-${i}`,
        kind: 'training',
        title: { en: `Training ${i}` },
        credits: 1,
        creditSystem: 'CN',
        category: 'general',
        level: 5,
        earnedAt: '2024-05-01',
      })),
    );
    expect(out.every((r) => r.status === 'created')).toBe(true);
  }
}, 120_000);
afterAll(() => t.close());

async function readAll(
  actor: Actor,
  first: number,
  institutionId?: string,
  order: 'oldest' | 'newest' = 'oldest',
) {
  const seen: LedgerEntry[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await t.services.ledger.record(actor, learnerId, {
      first,
      after,
      order,
      ...(institutionId ? { institutionId } : {}),
    });
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    after = page.nextCursor;
  }
  throw new Error('did not end');
}

describe("a learner's record, page by page", () => {
  it('returns the whole chain in seq order across blocks, whatever the page size', async () => {
    const { chain } = await t.services.ledger.checkedChain(learnerId);
    expect(chain).toHaveLength(ENTRIES);
    for (const first of [7, 50, 64, 200]) {
      const all = await readAll(SYSTEM, first);
      expect(all.map((e) => e.seq)).toEqual(chain.map((e) => e.seq));
      expect(all).toEqual(chain);
    }
  });

  it('returns the whole chain newest first across blocks, whatever the page size', async () => {
    const { chain } = await t.services.ledger.checkedChain(learnerId);
    const newest = chain.toReversed();
    for (const first of [1, 7, 50, 64, 200]) {
      const all = await readAll(SYSTEM, first, undefined, 'newest');
      expect(all.map((e) => e.seq)).toEqual(newest.map((e) => e.seq));
      expect(all).toEqual(newest);
    }
  });

  it('reads newest first from a head hint past the end of the chain by range, to the same entries', async () => {
    // The head comes from the credit account; one that ran ahead of the chain (entries deleted
    // behind its back) must not make a page skip or invent entries.
    const repo = mongoRepositories(t.db.models).ledger;
    const { chain } = await t.services.ledger.checkedChain(learnerId);
    const page = await repo.pageByLearnerBefore(learnerId, ENTRIES + 70, 30, {});
    expect(page).toEqual(chain.toReversed().slice(0, 30));
    const filtered = await repo.pageByLearnerBefore(learnerId, 100, 30, {
      institutionId: w.instB.id,
    });
    expect(filtered.map((e) => e.seq)).toEqual(
      chain
        .filter((e) => e.seq < 100 && e.institutionId === w.instB.id)
        .map((e) => e.seq)
        .toReversed()
        .slice(0, 30),
    );
  });

  it('gives an institution only its own entries newest first, and pages on from a cursor', async () => {
    const staffB: Actor = { kind: 'staff', userId: 'u', institutionId: w.instB.id };
    const { chain } = await t.services.ledger.checkedChain(learnerId);
    const own = chain.filter((e) => e.institutionId === w.instB.id).toReversed();
    expect((await readAll(staffB, 10, undefined, 'newest')).map((e) => e.id)).toEqual(
      own.map((e) => e.id),
    );
    const types = await t.services.ledger.record(SYSTEM, learnerId, {
      first: 5,
      order: 'newest',
      types: ['achievement'],
    });
    expect(types.items.map((e) => e.seq)).toEqual([150, 149, 148, 147, 146]);
  });

  it('gives an institution only its own entries, across blocks where it has few', async () => {
    const staffB: Actor = { kind: 'staff', userId: 'u', institutionId: w.instB.id };
    const { chain } = await t.services.ledger.checkedChain(learnerId);
    const own = chain.filter((e) => e.institutionId === w.instB.id);
    expect((await readAll(staffB, 10)).map((e) => e.id)).toEqual(own.map((e) => e.id));
  });

  it('still pages entries stored before blocks existed', async () => {
    await t.db.models.Entry.collection.updateMany({ learnerId }, { $unset: { seqBlock: '' } });
    const { chain } = await t.services.ledger.checkedChain(learnerId);
    expect((await readAll(SYSTEM, 40)).map((e) => e.seq)).toEqual(chain.map((e) => e.seq));
    expect((await readAll(SYSTEM, 40, undefined, 'newest')).map((e) => e.seq)).toEqual(
      chain.map((e) => e.seq).toReversed(),
    );
  });
});
