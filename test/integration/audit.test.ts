// Programmes and the degree audit through GraphQL: versioned programmes, bad definitions, a version
// change mid-study, what-if audits, and who may audit whom.
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

const programme = (totalMin: number, extra: Json = {}) => ({
  id: 'uni-a-cert',
  institutionId: w.instA.id,
  partnerInstitutionIds: [w.instB.id],
  name: { en: 'BA Mathematics', zh: '数学学士' },
  qualificationType: 'bachelor',
  level: 6,
  creditSystem: 'CN',
  requirements: {
    id: 'root',
    kind: 'allOf',
    children: [
      { id: 'total', kind: 'totalCredits', min: totalMin },
      { id: 'general', kind: 'categoryCredits', categories: ['general'], min: 400 },
    ],
  },
  ...extra,
});

const define = async (p: Json, token: string) =>
  (
    await q(
      `mutation($d: String!) { defineProgramme(definition: $d) {
        ... on Programme { id version requirements { id kind parentId } }
        ... on ResultError { code message field } } }`,
      { d: JSON.stringify(p) },
      token,
    )
  )['defineProgramme'] as Json;

const AUDIT = `query($l: ID!, $p: ID!, $v: Int, $h: [HypotheticalCreditInput!]) {
  a: whatIfAudit(learnerId: $l, programmeId: $p, version: $v, hypothetical: $h) {
    ... on DegreeAudit { passed hypothetical programme { version } missing { en zh }
      requirements { id met required counted missingAmount unit } totals { counted } }
    ... on ResultError { code message } } }`;

const audit = async (vars: Json, token: string) => (await q(AUDIT, vars, token))['a'] as Json;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const staff: Actor = { kind: 'staff', userId: 'seed', institutionId: w.instA.id };
  for (const [id, earnedAt] of [
    ['M-1', '2023-06-30'],
    ['M-2', '2024-06-30'],
  ] as const) {
    await t.services.ledger.recordAchievement(staff, w.instA.id, {
      learnerId: w.learner1.id,
      sourceRecordId: id,
      kind: 'course',
      courseCode: 'MATH101',
      title: { en: `Calculus ${id}` },
      earnedAt,
      grade: { score: 80 },
    });
  }
  // Two different courses so that both count: the second one under its own code.
  await t.services.catalogue.define(SYSTEM, w.instA.id, {
    code: 'MATH102',
    title: { en: 'Calculus II' },
    credits: 4,
    creditSystem: 'CN',
    level: 6,
    category: 'general',
  });
  await t.services.ledger.recordAchievement(staff, w.instA.id, {
    learnerId: w.learner1.id,
    sourceRecordId: 'M-3',
    kind: 'course',
    courseCode: 'MATH102',
    earnedAt: '2024-12-20',
    grade: { score: 90 },
  });
});
afterAll(() => t.close());

describe('programmes', () => {
  it('refuses a group needing 3 of 2, storing nothing', async () => {
    const bad = programme(800, {
      id: 'bad-prog',
      requirements: {
        id: 'root',
        kind: 'atLeast',
        n: 3,
        children: [
          { id: 'a', kind: 'totalCredits', min: 100 },
          { id: 'b', kind: 'totalCredits', min: 200 },
        ],
      },
    });
    const r = await define(bad, w.tokens.staffA);
    expect(r).toMatchObject({ code: 'INPUT_VALIDATION_ERROR' });
    expect(r['message']).toMatch(/needs 3 of its children but has only 2/);
    const none = await q(
      `{ programmeVersions(id: "bad-prog") { ... on ResultError { code } } }`,
      {},
    );
    expect(none['programmeVersions']).toEqual({ code: 'NOT_FOUND' });
  });

  it('lets only the institution (within its accreditation) or the operator define', async () => {
    expect(await define(programme(800), w.tokens.staffB)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await define(programme(800), w.tokens.learner1)).toMatchObject({ code: 'FORBIDDEN' });
    const diploma = {
      ...programme(800),
      id: 'b-diploma',
      institutionId: w.instB.id,
      qualificationType: 'master',
      level: 7,
    };
    expect(await define(diploma, w.tokens.staffB)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await define(programme(800), w.tokens.staffA)).toMatchObject({
      id: 'uni-a-cert',
      version: 1,
    });
    // The same definition again is the same version; a change is a new one.
    expect(await define(programme(800), w.tokens.staffA)).toMatchObject({ version: 1 });
    expect(await define(programme(1200), w.tokens.operator)).toMatchObject({ version: 2 });
    const versions = await q(
      `{ programmeVersions(id: "uni-a-cert") { ... on ProgrammeList { items { version } } } }`,
      {},
    );
    expect(versions['programmeVersions'].items).toEqual([{ version: 1 }, { version: 2 }]);
    const latest = await q(`{ programmes { id version } }`, {});
    expect(latest['programmes']).toContainEqual({ id: 'uni-a-cert', version: 2 });
  });
});

describe('the degree audit', () => {
  it('differs between programme versions (a change mid-study); latest by default', async () => {
    const v1 = await audit({ l: w.learner1.id, p: 'uni-a-cert', v: 1 }, w.tokens.learner1);
    expect(v1).toMatchObject({ passed: true, programme: { version: 1 }, totals: { counted: 8 } });
    const latest = await audit({ l: w.learner1.id, p: 'uni-a-cert' }, w.tokens.learner1);
    expect(latest).toMatchObject({ passed: false, programme: { version: 2 } });
    expect(latest['requirements']).toContainEqual({
      id: 'total',
      met: false,
      required: 12,
      counted: 8,
      missingAmount: 4,
      unit: 'CREDITS',
    });
    expect(latest['missing'][0].en).toMatch(/4 more credits/);
  });

  it('answers "what if" with courses the learner might still take', async () => {
    const r = await audit(
      {
        l: w.learner1.id,
        p: 'uni-a-cert',
        h: [
          {
            institutionId: w.instB.id,
            courseCode: 'STAT200',
            credits: 4,
            creditSystem: 'CN',
            category: 'major',
          },
        ],
      },
      w.tokens.learner1,
    );
    expect(r).toMatchObject({ passed: true, hypothetical: 1, totals: { counted: 12 } });
  });

  it('lets no unrelated institution or other learner audit a record', async () => {
    const vars = { l: w.learner1.id, p: 'uni-a-cert' };
    expect(await audit(vars, w.tokens.staffB)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await audit(vars, w.tokens.learner2)).toMatchObject({ code: 'FORBIDDEN' });
    // Staff of the awarding institution, before the learner has any dealings with it.
    expect(await audit(vars, w.tokens.staffA)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await audit(vars, w.tokens.operator)).toMatchObject({ passed: false });
    expect(await audit(vars, '')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
