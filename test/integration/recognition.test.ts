// Recognition through GraphQL against the real database: versioned rules, requests, reviews, appeals,
// idempotent ledger writes, and the whole journey from credits at two institutions to an award.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
const entry: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked by the expectations
type Json = Record<string, any>;

async function q(query: string, variables: Json, token?: string): Promise<Json> {
  const res = await t.gql<Json>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const REQUEST_FIELDS = `
  ... on RecognitionRequest {
    id status entryIds
    proposals { entryId outcome credits ruleId automatic reason }
    granted { sourceEntryId credits category ruleId ruleVersion }
    recognizedEntries { id institutionId achievement { kind credits category courseCode recognition { ruleId ruleVersion sourceEntryIds requestId } } }
    history { seq type actor { kind } reason comment }
  }
  ... on ResultError { code message field }`;

const requestRecognition = (input: Json, token: string) =>
  q(
    `mutation($input: RequestRecognitionInput!) { requestRecognition(input: $input) { ${REQUEST_FIELDS} } }`,
    { input },
    token,
  ).then((d) => d['requestRecognition'] as Json);

const DECISIONS: Record<string, [string, string]> = {
  approveRecognition: [
    '$items: [RecognitionDecisionItemInput!], $comment: String',
    'items: $items, comment: $comment',
  ],
  partlyApproveRecognition: [
    '$items: [RecognitionDecisionItemInput!]!, $reason: String!',
    'items: $items, reason: $reason',
  ],
  rejectRecognition: ['$reason: String!', 'reason: $reason'],
  appealRecognition: ['$comment: String!', 'comment: $comment'],
};

const decide = (mutation: string, args: Json, token: string) => {
  const [vars, pass] = DECISIONS[mutation]!;
  return q(
    `mutation($requestId: ID!, ${vars}) { r: ${mutation}(requestId: $requestId, ${pass}) { ${REQUEST_FIELDS} } }`,
    args,
    token,
  ).then((d) => d['r'] as Json);
};

const publish = (rule: Json, token: string) =>
  q(
    `mutation($d: String!) { publishRecognitionRule(definition: $d) {
      ... on RecognitionRule { ruleId version kind publisher }
      ... on ResultError { code message field } } }`,
    { d: JSON.stringify(rule) },
    token,
  ).then((d) => d['publishRecognitionRule'] as Json);

const equivalence = (
  id: string,
  from: [string, string],
  to: [string, string],
  extra: Json = {},
) => ({
  id,
  effectiveFrom: '2020-01-01',
  automatic: false,
  kind: 'course_equivalence',
  source: { institutionId: from[0], courseCode: from[1] },
  target: { institutionId: to[0], courseCode: to[1] },
  category: 'general',
  ...extra,
});

async function record(institutionId: string, learnerId: string, id: string, extra: Json) {
  const staff: Actor = { kind: 'staff', userId: 'seed', institutionId };
  const o = await t.services.ledger.recordAchievement(staff, institutionId, {
    learnerId,
    sourceRecordId: id,
    kind: 'course',
    earnedAt: '2024-06-30',
    grade: { score: 85 },
    ...extra,
  });
  if (o.status === 'conflict') throw new Error(o.message);
  entry[id] = o.entry.id;
  return o.entry.id;
}

async function recognisedEntries(learnerId: string) {
  return (await t.services.ledger.currentAchievements(learnerId)).filter(
    (c) => c.achievement.kind === 'recognized',
  );
}

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const A = w.instA.id;
  const B = w.instB.id;
  const course = (inst: string, code: string, category: string) =>
    t.services.catalogue.define(SYSTEM, inst, {
      code,
      title: { en: code },
      credits: 4,
      creditSystem: 'CN',
      level: 6,
      category,
    });
  await course(A, 'CS200', 'major');
  await course(A, 'NET200', 'major');
  await course(B, 'NET100', 'major');
  await course(B, 'ART100', 'elective');
  await record(A, w.learner1.id, 'A-CS200', { courseCode: 'CS200' });
  await record(B, w.learner1.id, 'B-MATH', { courseCode: 'MATH101' });
  await record(B, w.learner1.id, 'B-NET', { courseCode: 'NET100' });
  await record(B, w.learner2.id, 'B2-NET', { courseCode: 'NET100' });
  await record(B, w.learner2.id, 'B2-ART', { courseCode: 'ART100' });
  await record(B, w.learner2.id, 'B2-MATH', { courseCode: 'MATH101', earnedAt: '2024-01-10' });
  // B's calculus counts as A's automatically; B's networking as A's after review.
  expect(
    await publish(
      equivalence('eq-b-math', [B, 'MATH101'], [A, 'MATH101'], {
        automatic: true,
        credits: 400,
        creditSystem: 'CN',
      }),
      w.tokens.operator,
    ),
  ).toMatchObject({ ruleId: 'eq-b-math', version: 1 });
  expect(
    await publish(
      equivalence('eq-b-net', [B, 'NET100'], [A, 'NET200'], { category: 'major' }),
      w.tokens.staffA,
    ),
  ).toMatchObject({ ruleId: 'eq-b-net', version: 1, publisher: A });
});
afterAll(() => t.close());

describe('recognition rules', () => {
  it('versions a change, never edits in place, and lists versions', async () => {
    const A = w.instA.id;
    const B = w.instB.id;
    const v2 = await publish(
      equivalence('eq-b-net', [B, 'NET100'], [A, 'NET200'], {
        category: 'major',
        effectiveFrom: '2021-01-01',
      }),
      w.tokens.staffA,
    );
    expect(v2).toMatchObject({ ruleId: 'eq-b-net', version: 2 });
    const d = await q(
      `{ recognitionRuleVersions(ruleId: "eq-b-net") { ... on RecognitionRuleList { items { version effectiveFrom } } } }`,
      {},
    );
    expect(d['recognitionRuleVersions'].items).toEqual([
      { version: 1, effectiveFrom: '2020-01-01' },
      { version: 2, effectiveFrom: '2021-01-01' },
    ]);
    const list = await q(`{ recognitionRules { ruleId version } }`, {});
    expect(list['recognitionRules']).toContainEqual({ ruleId: 'eq-b-net', version: 2 });
  });

  it('refuses a cycle of equivalences, negative credits and rules for other institutions, storing nothing', async () => {
    const A = w.instA.id;
    const B = w.instB.id;
    expect(
      await publish(equivalence('cy-1', [A, 'X1'], [B, 'X2']), w.tokens.operator),
    ).toMatchObject({ version: 1 });
    expect(
      await publish(equivalence('cy-2', [B, 'X2'], [A, 'X3']), w.tokens.operator),
    ).toMatchObject({ version: 1 });
    const cycle = await publish(equivalence('cy-3', [A, 'X3'], [A, 'X1']), w.tokens.operator);
    expect(cycle).toMatchObject({ code: 'INPUT_VALIDATION_ERROR' });
    expect(cycle['message']).toMatch(/cycle/);
    const none = await q(
      `{ recognitionRuleVersions(ruleId: "cy-3") { ... on ResultError { code } } }`,
      {},
    );
    expect(none['recognitionRuleVersions']).toEqual({ code: 'NOT_FOUND' });
    const negative = await publish(
      { ...equivalence('neg', [B, 'Y1'], [A, 'Y2']), credits: -100, creditSystem: 'CN' },
      w.tokens.operator,
    );
    expect(negative).toMatchObject({ code: 'INPUT_VALIDATION_ERROR' });
    expect(
      await publish(equivalence('b-for-a', [A, 'Z1'], [A, 'Z2']), w.tokens.staffB),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await publish(equivalence('l', [A, 'Z1'], [A, 'Z2']), w.tokens.learner1)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('the recognition workflow', () => {
  it('partly approves, takes one appeal, decides again, and never doubles the ledger', async () => {
    const r = await requestRecognition(
      {
        entryIds: [entry['B2-NET']],
        targetInstitutionId: w.instA.id,
        creditSystem: 'CN',
        comment: 'networking',
      },
      w.tokens.learner2,
    );
    expect(r).toMatchObject({
      status: 'PENDING',
      proposals: [{ outcome: 'PROPOSED', credits: 4, ruleId: 'eq-b-net', automatic: false }],
    });
    // Only the receiving institution decides.
    expect(
      await decide('approveRecognition', { requestId: r['id'] }, w.tokens.staffB),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const partly = await decide(
      'partlyApproveRecognition',
      {
        requestId: r['id'],
        items: [{ entryId: entry['B2-NET'], credits: 2, category: 'elective' }],
        reason: 'Half the syllabus',
      },
      w.tokens.staffA,
    );
    expect(partly).toMatchObject({
      status: 'PARTLY_APPROVED',
      granted: [{ credits: 2, category: 'elective', ruleId: 'eq-b-net', ruleVersion: 2 }],
    });
    expect(partly['recognizedEntries'][0]).toMatchObject({
      institutionId: w.instA.id,
      achievement: {
        kind: 'RECOGNIZED',
        credits: 2,
        courseCode: 'NET200',
        recognition: { requestId: r['id'], sourceEntryIds: [entry['B2-NET']] },
      },
    });
    const appealed = await decide(
      'appealRecognition',
      { requestId: r['id'], comment: 'It covered everything' },
      w.tokens.learner2,
    );
    expect(appealed['status']).toBe('APPEALED');
    expect(
      await decide(
        'appealRecognition',
        { requestId: r['id'], comment: 'again' },
        w.tokens.learner2,
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    const approved = await decide('approveRecognition', { requestId: r['id'] }, w.tokens.staffA);
    expect(approved).toMatchObject({
      status: 'APPROVED',
      granted: [{ credits: 4, category: 'major' }],
    });
    // The request shows the credit as it stands now (the correction), not the first grant.
    expect(approved['recognizedEntries']).toHaveLength(1);
    expect(approved['recognizedEntries'][0]).toMatchObject({
      achievement: { credits: 4, category: 'major' },
    });
    expect(approved['history'].map((h: Json) => h.type)).toEqual([
      'REQUESTED',
      'PARTLY_APPROVED',
      'APPEALED',
      'APPROVED',
    ]);
    expect(
      await decide('approveRecognition', { requestId: r['id'] }, w.tokens.staffA),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await decide('appealRecognition', { requestId: r['id'], comment: 'more' }, w.tokens.learner2),
    ).toMatchObject({ code: 'CONFLICT' });
    const rec = await recognisedEntries(w.learner2.id);
    expect(rec).toHaveLength(1);
    expect(rec[0]!.achievement).toMatchObject({ credits: 400, category: 'major' });
    // The receiving institution and the operator see the history too.
    for (const token of [w.tokens.staffA, w.tokens.operator]) {
      const seen = await q(
        `query($id: ID!) { recognitionRequest(id: $id) { ${REQUEST_FIELDS} } }`,
        { id: r['id'] },
        token,
      );
      expect(seen['recognitionRequest']['history']).toHaveLength(4);
    }
    const other = await q(
      `query($id: ID!) { recognitionRequest(id: $id) { ${REQUEST_FIELDS} } }`,
      { id: r['id'] },
      w.tokens.learner1,
    );
    expect(other['recognitionRequest']).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rejects with a reason, writing nothing; approving without credits is bad input', async () => {
    const r = await requestRecognition(
      { entryIds: [entry['B2-ART']], targetInstitutionId: w.instA.id, creditSystem: 'CN' },
      w.tokens.learner2,
    );
    expect(r).toMatchObject({
      status: 'PENDING',
      proposals: [{ outcome: 'NOT_RECOGNIZED', reason: 'NO_RULE' }],
    });
    expect(
      await decide('approveRecognition', { requestId: r['id'] }, w.tokens.staffA),
    ).toMatchObject({ code: 'INPUT_VALIDATION_ERROR' });
    const rejected = await decide(
      'rejectRecognition',
      { requestId: r['id'], reason: 'No equivalent course' },
      w.tokens.staffA,
    );
    expect(rejected).toMatchObject({ status: 'REJECTED', recognizedEntries: [] });
    expect(rejected['history'][1]).toMatchObject({
      type: 'REJECTED',
      reason: 'No equivalent course',
    });
    expect(
      await decide('rejectRecognition', { requestId: r['id'], reason: 'again' }, w.tokens.staffA),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await recognisedEntries(w.learner2.id)).toHaveLength(1);
  });

  it("refuses someone else's entries and unknown ones", async () => {
    expect(
      await requestRecognition(
        { entryIds: [entry['B-MATH']], targetInstitutionId: w.instA.id, creditSystem: 'CN' },
        w.tokens.learner2,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await requestRecognition(
        {
          learnerId: w.learner1.id,
          entryIds: [entry['B-MATH']],
          targetInstitutionId: w.instA.id,
          creditSystem: 'CN',
        },
        w.tokens.learner2,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await requestRecognition(
        { entryIds: ['nobody:1'], targetInstitutionId: w.instA.id, creditSystem: 'CN' },
        w.tokens.learner2,
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the whole journey', () => {
  it('credits at two institutions → recognition (one automatic) → audit passes → apply → confirm → award', async () => {
    const A = w.instA.id;
    const programme = {
      id: 'uni-a-bsc-net',
      institutionId: A,
      partnerInstitutionIds: [],
      name: { en: 'BSc Networking', zh: '网络工程学士' },
      qualificationType: 'bachelor',
      level: 6,
      creditSystem: 'CN',
      requirements: {
        id: 'root',
        kind: 'allOf',
        children: [
          { id: 'total', kind: 'totalCredits', min: 1200 },
          { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 800 },
          { id: 'general', kind: 'categoryCredits', categories: ['general'], min: 400 },
          { id: 'core', kind: 'courses', mode: 'allOf', courses: [`${A}:MATH101`, `${A}:NET200`] },
          { id: 'residency', kind: 'residency', min: 400 },
        ],
      },
    };
    const defined = await q(
      `mutation($d: String!) { defineProgramme(definition: $d) { ... on Programme { id version institutionId } ... on ResultError { code message } } }`,
      { d: JSON.stringify(programme) },
      w.tokens.staffA,
    );
    expect(defined['defineProgramme']).toEqual({
      id: 'uni-a-bsc-net',
      version: 1,
      institutionId: A,
    });

    // Calculus: an automatic rule matches exactly, so it is approved at once.
    const auto = await requestRecognition(
      { entryIds: [entry['B-MATH']], programmeId: 'uni-a-bsc-net' },
      w.tokens.learner1,
    );
    expect(auto).toMatchObject({
      status: 'AUTO_APPROVED',
      granted: [{ credits: 4, category: 'general', ruleId: 'eq-b-math' }],
    });
    expect(auto['history'].map((h: Json) => h.type)).toEqual(['REQUESTED', 'AUTO_APPROVED']);
    // Networking: reviewed and approved as the rule proposes.
    const net = await requestRecognition(
      { entryIds: [entry['B-NET']], programmeId: 'uni-a-bsc-net' },
      w.tokens.learner1,
    );
    expect(net['status']).toBe('PENDING');
    const approved = await decide(
      'approveRecognition',
      { requestId: net['id'], comment: 'ok' },
      w.tokens.staffA,
    );
    expect(approved['status']).toBe('APPROVED');

    const AUDIT = `query($l: ID!, $p: ID!) { degreeAudit(learnerId: $l, programmeId: $p) {
      ... on DegreeAudit { passed missing { en } requirements { id met missing { en } } allocations { entryId credits }
        excluded { entryId reason countedEntryId } totals { counted residency } }
      ... on ResultError { code message } } }`;
    const audit = (await q(AUDIT, { l: w.learner1.id, p: 'uni-a-bsc-net' }, w.tokens.learner1))[
      'degreeAudit'
    ];
    expect(audit).toMatchObject({
      passed: true,
      missing: [],
      totals: { counted: 12, residency: 4 },
    });
    const recognised = auto['recognizedEntries'][0].id as string;
    expect(audit['excluded']).toContainEqual({
      entryId: entry['B-MATH'],
      reason: 'USED_ELSEWHERE',
      countedEntryId: recognised,
    });
    // The awarding institution may audit an applicant who asked it for recognition.
    expect(
      (await q(AUDIT, { l: w.learner1.id, p: 'uni-a-bsc-net' }, w.tokens.staffA))['degreeAudit'][
        'passed'
      ],
    ).toBe(true);

    const APPLY = `mutation($p: ID!) { applyForAward(programmeId: $p) {
      ... on AwardApplication { id status programmeVersion achievementEntryIds }
      ... on ResultError { code message } } }`;
    // A learner whose audit fails cannot apply: the error lists what is missing.
    const refused = (await q(APPLY, { p: 'uni-a-bsc-net' }, w.tokens.learner2))['applyForAward'];
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused['message']).toMatch(/more .*credits/);
    const applied = (await q(APPLY, { p: 'uni-a-bsc-net' }, w.tokens.learner1))['applyForAward'];
    expect(applied).toMatchObject({ status: 'APPLIED', programmeVersion: 1 });
    expect(applied['achievementEntryIds']).toContain(recognised);
    expect(
      (await q(APPLY, { p: 'uni-a-bsc-net' }, w.tokens.learner1))['applyForAward'],
    ).toMatchObject({ code: 'CONFLICT' });

    const CONFIRM = `mutation($id: ID!) { confirmAward(applicationId: $id) {
      ... on AwardApplication { status confirmedAt credentialId awardEntry { type institutionId programmeId credentialId } }
      ... on ResultError { code message } } }`;
    expect(
      (await q(CONFIRM, { id: applied['id'] }, w.tokens.staffB))['confirmAward'],
    ).toMatchObject({ code: 'FORBIDDEN' });
    const confirmed = (await q(CONFIRM, { id: applied['id'] }, w.tokens.staffA))['confirmAward'];
    expect(confirmed).toMatchObject({
      status: 'AWARDED',
      awardEntry: { type: 'AWARD', institutionId: A, programmeId: 'uni-a-bsc-net' },
    });
    expect(
      (await q(CONFIRM, { id: applied['id'] }, w.tokens.staffA))['confirmAward'],
    ).toMatchObject({ code: 'CONFLICT' });

    const awards = (await t.services.ledger.record(SYSTEM, w.learner1.id, { types: ['award'] }))
      .items;
    expect(awards).toHaveLength(1);
    expect(awards[0]!.body).toMatchObject({
      type: 'award',
      programmeId: 'uni-a-bsc-net',
      programmeVersion: 1,
      applicationId: applied['id'],
    });
    expect((await t.services.ledger.verify(SYSTEM, w.learner1.id)).valid).toBe(true);

    // The degree was issued as a verifiable credential that lists what it rests on, and verifies.
    const credentialId = confirmed['credentialId'] as string;
    expect(credentialId).toMatch(/^urn:uuid:/);
    expect(awards[0]!.body).toMatchObject({ credentialId });
    const issued = await t.services.credentials.get(SYSTEM, credentialId);
    expect(issued).toMatchObject({
      kind: 'qualification',
      achievementTypes: ['BachelorDegree'],
      learnerId: w.learner1.id,
    });
    const document = JSON.parse(issued.serialized) as {
      evidence?: unknown[];
      credentialSubject: { achievement: { name: unknown } };
    };
    expect(document.evidence?.length).toBe((applied['achievementEntryIds'] as string[]).length);
    const verified = await t.gql<{
      verifyCredential: { verified: boolean; checks: { id: string; status: string }[] };
    }>(
      `query($c: String!) { verifyCredential(credential: $c) { verified checks { id status } } }`,
      { c: issued.serialized },
    );
    expect(verified.data?.verifyCredential.verified).toBe(true);
    expect(verified.data?.verifyCredential.checks).toContainEqual({
      id: 'issuerAccredited',
      status: 'PASSED',
    });
  });
});
