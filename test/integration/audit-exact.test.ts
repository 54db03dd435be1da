// The four ways the degree audit used to be wrong, each hand-computed and checked through GraphQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked by the expectations
type Json = Record<string, any>;

async function q(query: string, variables: Json, token?: string): Promise<Json> {
  const res = await t.gql<Json>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const AUDIT = `query($l: ID!, $p: ID!) { degreeAudit(learnerId: $l, programmeId: $p) {
  ... on DegreeAudit { passed verdict exactAllocation missing { en zh }
    requirements { id met counted missing { en zh } }
    allocations { entryId requirementId }
    excluded { entryId reason countedEntryId lastValidDay text { en zh } }
    totals { counted } }
  ... on ResultError { code message } } }`;

const audit = async (learnerId: string, programmeId: string, token: string) =>
  (await q(AUDIT, { l: learnerId, p: programmeId }, token))['degreeAudit'] as Json;

const define = async (p: Json) => {
  const r = await q(
    `mutation($d: String!) { defineProgramme(definition: $d) { ... on Programme { id } ... on ResultError { code message } } }`,
    { d: JSON.stringify(p) },
    w.tokens.staffA,
  );
  expect(r['defineProgramme']).toEqual({ id: p['id'] });
};

const programme = (id: string, children: Json[]) => ({
  id,
  institutionId: w.instA.id,
  partnerInstitutionIds: [],
  name: { en: id, zh: id },
  qualificationType: 'bachelor',
  level: 6,
  creditSystem: 'CN',
  requirements: { id: 'root', kind: 'allOf', children },
});

async function record(
  institutionId: string,
  learnerId: string,
  id: string,
  extra: Json & { earnedAt: string },
) {
  const staff: Actor = { kind: 'staff', userId: 'seed', institutionId };
  const o = await t.services.ledger.recordAchievement(staff, institutionId, {
    learnerId,
    sourceRecordId: id,
    kind: 'course',
    grade: { score: 85 },
    ...extra,
  });
  if (o.status === 'conflict') throw new Error(o.message);
  return o.entry.id;
}

const course = (inst: string, code: string, category: string, en: string, zh: string) =>
  t.services.catalogue.define(SYSTEM, inst, {
    code,
    title: { en, zh },
    credits: 3,
    creditSystem: 'CN',
    level: 6,
    category,
  });

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

describe('the exact degree audit, through GraphQL', () => {
  it('finds the passing allocation across three over-full semesters (no false FAIL)', async () => {
    const A = w.instA.id;
    for (let s = 1; s <= 3; s++) {
      await course(A, `MAJ${s}A`, 'major', `Major ${s}A`, `专业课 ${s}A`);
      await course(A, `MAJ${s}B`, 'major', `Major ${s}B`, `专业课 ${s}B`);
      await course(A, `GEN${s}`, 'general', `General ${s}`, `通识课 ${s}`);
    }
    // Each spring semester holds 9 credits against a cap of 6; the majors come first in date order.
    // Keeping the earliest two per semester gives major 18, general 0. The allocation that passes:
    // one major and the general in two semesters, two majors in the third (major 12, general 6).
    const L = w.learner1.id;
    for (let s = 1; s <= 3; s++) {
      const y = 2020 + s;
      await record(A, L, `s${s}a`, { courseCode: `MAJ${s}A`, earnedAt: `${y}-03-10` });
      await record(A, L, `s${s}b`, { courseCode: `MAJ${s}B`, earnedAt: `${y}-04-10` });
      await record(A, L, `s${s}g`, { courseCode: `GEN${s}`, earnedAt: `${y}-05-10` });
    }
    await define(
      programme('exact-caps', [
        { id: 'total', kind: 'totalCredits', min: 1800 },
        { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 1200 },
        { id: 'general', kind: 'categoryCredits', categories: ['general'], min: 600 },
        { id: 'sem', kind: 'maxPerPeriod', period: 'semester', max: 600 },
      ]),
    );
    const r = await audit(L, 'exact-caps', w.tokens.learner1);
    expect(r).toMatchObject({ passed: true, verdict: 'PASS', exactAllocation: true, missing: [] });
    expect(r['totals']).toEqual({ counted: 18 });
    expect(r['requirements']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'major', met: true, counted: 12 }),
        expect.objectContaining({ id: 'general', met: true, counted: 6 }),
      ]),
    );
    const overCap = r['excluded'].filter((e: Json) => e.reason === 'OVER_CAP');
    expect(overCap).toHaveLength(3);
    expect(overCap[0].text.en).toMatch(/6 credits of the 20\d\d spring semester already count/);
    const applied = await q(
      `mutation { applyForAward(programmeId: "exact-caps") { ... on AwardApplication { status } ... on ResultError { code message } } }`,
      {},
      w.tokens.learner1,
    );
    expect(applied['applyForAward']).toEqual({ status: 'APPLIED' });
  });

  it('counts a course and its published equivalent once, naming the one that counts', async () => {
    const [A, B] = [w.instA.id, w.instB.id];
    await course(A, 'STAT200', 'major', 'Statistics', '统计学');
    await course(B, 'STAT100', 'major', 'Applied Statistics', '应用统计');
    const rule = await q(
      `mutation($d: String!) { publishRecognitionRule(definition: $d) { ... on RecognitionRule { ruleId } ... on ResultError { code message } } }`,
      {
        d: JSON.stringify({
          id: 'eq-stat',
          effectiveFrom: '2020-01-01',
          automatic: false,
          kind: 'course_equivalence',
          source: { institutionId: B, courseCode: 'STAT100' },
          target: { institutionId: A, courseCode: 'STAT200' },
          category: 'major',
        }),
      },
      w.tokens.operator,
    );
    expect(rule['publishRecognitionRule']).toEqual({ ruleId: 'eq-stat' });
    const L = w.learner2.id;
    const a = await record(A, L, 'stat-a', { courseCode: 'STAT200', earnedAt: '2023-03-10' });
    const b = await record(B, L, 'stat-b', { courseCode: 'STAT100', earnedAt: '2022-03-10' });
    await define(
      programme('exact-eq', [
        { id: 'total', kind: 'totalCredits', min: 600 },
        { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 300 },
      ]),
    );
    const r = await audit(L, 'exact-eq', w.tokens.learner2);
    // Both counting would make 6 and pass; one learning counts once: 3 of 6.
    expect(r).toMatchObject({ passed: false, verdict: 'FAIL', totals: { counted: 3 } });
    expect(r['missing']).toEqual([{ en: '3 more credits', zh: '还差 3 学分' }]);
    const counted = r['allocations'].map((x: Json) => x.entryId);
    expect(counted).toHaveLength(1);
    const dropped = r['excluded'].find((e: Json) => e.entryId !== counted[0]);
    expect(dropped).toMatchObject({ reason: 'USED_ELSEWHERE', countedEntryId: counted[0] });
    expect([a, b]).toContain(dropped.entryId);
    expect(dropped.text.en).toMatch(
      /^Equivalent to STAT\d00 (Applied )?Statistics \((University A|College B)\)/,
    );
    expect(dropped.text.zh).toMatch(/(统计学|应用统计)（(甲大学|乙学院)）/);
    expect(dropped.text.zh).not.toMatch(/University|College|Equivalent/);
  });

  it('counts one source recognised by two institutions once, and refuses a second recognition at one', async () => {
    const [A, B] = [w.instA.id, w.instB.id];
    const C = (
      await t.services.institutions.register(SYSTEM, {
        slug: 'mooc-c',
        name: { zh: '丙慕课', en: 'MOOC C' },
        type: 'mooc_platform',
        region: 'CN-ZJ',
        accreditation: [],
      })
    ).id;
    await course(C, 'DATA1', 'general', 'Data Literacy', '数据素养');
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: '330106199505051236',
      name: '张伟',
    });
    const acct = await t.services.accounts.createLearnerAccount(SYSTEM, learner.id, {
      email: 'l3@test.example',
      name: '张伟',
      password: w.password,
    });
    const token = (await t.services.tokens.issue((await t.services.accounts.findUser(acct.id))!))
      .token;
    const src = await record(C, learner.id, 'c-data', {
      courseCode: 'DATA1',
      earnedAt: '2024-03-10',
    });
    for (const [id, inst, code] of [
      ['auto-a', A, 'DATA100'],
      ['auto-b', B, 'DATA200'],
    ] as const) {
      const r = await q(
        `mutation($d: String!) { publishRecognitionRule(definition: $d) { ... on RecognitionRule { ruleId } ... on ResultError { code message } } }`,
        {
          d: JSON.stringify({
            id,
            effectiveFrom: '2020-01-01',
            automatic: true,
            kind: 'course_equivalence',
            source: { institutionId: C, courseCode: 'DATA1' },
            target: { institutionId: inst, courseCode: code },
            category: 'general',
          }),
        },
        w.tokens.operator,
      );
      expect(r['publishRecognitionRule']).toEqual({ ruleId: id });
    }
    const REQUEST = `mutation($input: RequestRecognitionInput!) { requestRecognition(input: $input) {
      ... on RecognitionRequest { id status recognizedEntries { id } } ... on ResultError { code message } } }`;
    const atA = (
      await q(
        REQUEST,
        { input: { entryIds: [src], targetInstitutionId: A, creditSystem: 'CN' } },
        token,
      )
    )['requestRecognition'];
    const atB = (
      await q(
        REQUEST,
        { input: { entryIds: [src], targetInstitutionId: B, creditSystem: 'CN' } },
        token,
      )
    )['requestRecognition'];
    expect(atA['status']).toBe('AUTO_APPROVED');
    expect(atB['status']).toBe('AUTO_APPROVED');
    await define(programme('exact-src', [{ id: 'total', kind: 'totalCredits', min: 600 }]));
    const r = await audit(learner.id, 'exact-src', token);
    // Two recognitions of one 3-credit course, plus the source itself: 3 credits, not 6 or 9.
    expect(r).toMatchObject({ passed: false, totals: { counted: 3 } });
    const reasons = r['excluded'].map((e: Json) => e.reason).sort();
    expect(reasons).toEqual(['USED_ELSEWHERE', 'USED_ELSEWHERE']);

    // Asking A a second time: the rules propose ALREADY_RECOGNIZED; staff approving anyway is refused.
    const again = (
      await q(
        REQUEST,
        { input: { entryIds: [src], targetInstitutionId: A, creditSystem: 'CN' } },
        token,
      )
    )['requestRecognition'];
    expect(again['status']).toBe('PENDING');
    const APPROVE = `mutation($id: ID!, $items: [RecognitionDecisionItemInput!], $s: Boolean) {
      approveRecognition(requestId: $id, items: $items, supersede: $s) {
        ... on RecognitionRequest { status recognizedEntries { id } } ... on ResultError { code message } } }`;
    const items = [{ entryId: src, credits: 3, category: 'general' }];
    const refused = (await q(APPROVE, { id: again['id'], items }, w.tokens.staffA))[
      'approveRecognition'
    ];
    expect(refused['code']).toBe('ALREADY_RECOGNIZED');
    expect(refused['message']).toContain(atA['recognizedEntries'][0].id);
    expect(refused['message']).toContain(atA['id']);
    const superseded = (await q(APPROVE, { id: again['id'], items, s: true }, w.tokens.staffA))[
      'approveRecognition'
    ];
    expect(superseded['status']).toBe('APPROVED');
    const after = await audit(learner.id, 'exact-src', token);
    expect(after['totals']).toEqual({ counted: 3 });
    const atANow = (await t.services.ledger.currentAchievements(learner.id)).filter(
      (c) => c.achievement.kind === 'recognized' && c.entry.institutionId === A,
    );
    expect(atANow.map((c) => c.entry.id)).toEqual([superseded['recognizedEntries'][0].id]);
  });

  it("applies an entry's own expiry date, as the credit account does", async () => {
    const A = w.instA.id;
    await course(A, 'CERT9', 'general', 'First Aid', '急救');
    const L = w.learner1.id;
    const e = await record(A, L, 'cert-old', {
      courseCode: 'CERT9',
      earnedAt: '2020-01-10',
      expiresAt: '2022-12-31',
    });
    await define(
      programme('exact-exp', [
        { id: 'general', kind: 'categoryCredits', categories: ['general'], min: 300 },
      ]),
    );
    const r = await audit(L, 'exact-exp', w.tokens.learner1);
    const ex = r['excluded'].find((x: Json) => x.entryId === e);
    expect(ex).toMatchObject({
      reason: 'EXPIRED',
      lastValidDay: '2022-12-31',
      text: { en: 'Valid until 2022-12-31: it has expired.', zh: '有效期至 2022-12-31，已过期。' },
    });
    expect(r['allocations'].map((x: Json) => x.entryId)).not.toContain(e);
    const account = await q(
      `query($l: ID!) { creditAccount(learnerId: $l) { ... on CreditAccount { expired { credits } } } }`,
      { l: L },
      w.tokens.learner1,
    );
    expect(account['creditAccount']['expired']).toEqual([{ credits: 3 }]);
  });
});
