// Who is close to completing a programme: audits reused while a learner's record and the rules are unchanged, on the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
const learner = (learnerId: string): Actor => ({ kind: 'learner', userId: learnerId, learnerId });

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  await t.services.programmes.define(SYSTEM, {
    id: 'near-p',
    institutionId: w.instA.id,
    partnerInstitutionIds: [],
    name: { en: 'Programme near', zh: '学位项目' },
    qualificationType: 'bachelor',
    level: 6,
    creditSystem: 'CN',
    requirements: {
      id: 'root',
      kind: 'allOf',
      children: [{ id: 'total', kind: 'totalCredits', min: 1200 }],
    },
  });
  for (const [l, id] of [
    [w.learner1.id, 'N-1'],
    [w.learner2.id, 'N-2'],
  ] as const) {
    const o = await t.services.ledger.recordAchievement(SYSTEM, w.instA.id, {
      learnerId: l,
      sourceRecordId: id,
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2025-06-30',
      grade: { score: 80 },
    });
    if (o.status === 'conflict') throw new Error(o.message);
  }
  // Learner 1 has dealings with A (asked it to recognise credit); learner 2 has none.
  const b = await t.services.ledger.recordAchievement(SYSTEM, w.instB.id, {
    learnerId: w.learner1.id,
    sourceRecordId: 'N-B',
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2025-06-30',
    grade: { score: 80 },
  });
  if (b.status === 'conflict') throw new Error(b.message);
  await t.services.recognition.request(learner(w.learner1.id), {
    entryIds: [b.entry.id],
    targetInstitutionId: w.instA.id,
    creditSystem: 'CN',
  });
});
afterAll(async () => {
  await t.close();
});

describe('programmeNearCompletion', () => {
  // A's staff: the awarding institution's, who may read these learners' audits.
  const list = () =>
    t.services.nearCompletion.list(
      { kind: 'staff', userId: 'registrar', institutionId: w.instA.id },
      'near-p',
      { minProgress: 0 },
    );

  it('lists only the learners with dealings with the institution, and reuses their audits until the record moves', async () => {
    const first = await list();
    expect(first.learners.map((l) => l.learnerId)).toEqual([w.learner1.id]);
    expect(first).toMatchObject({ audited: 1, notAudited: 0, reused: 0 });
    expect(first.learners[0]!.progress).toBeGreaterThan(0);
    expect(first.learners[0]!.progress).toBeLessThan(1);

    const again = await list();
    expect(again).toMatchObject({ audited: 1, reused: 1 });
    expect(again.learners).toEqual(first.learners);

    // A void moves the learner's ledger head: audited afresh, and the result shows it.
    const [recorded] = (await t.services.ledger.record(SYSTEM, w.learner1.id)).items.filter(
      (e) => e.institutionId === w.instA.id && e.body.type === 'achievement',
    );
    await t.services.ledger.void(SYSTEM, {
      entryId: recorded!.id,
      sourceRecordId: 'N-1-void',
      reason: 'Recorded in error',
    });
    const moved = await list();
    expect(moved).toMatchObject({ audited: 1, reused: 0 });
    expect(moved.learners[0]?.progress ?? 0).toBeLessThan(first.learners[0]!.progress);
  });
});
