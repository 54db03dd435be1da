// Every GraphQL operation against every role, through the real app: a table of expected outcomes.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse } from 'graphql';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import type { ApiKeyScope, LedgerEntry } from '../../domain/shared/types.ts';
import { loadTypeDefs } from '../../api/graphql/schema.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;

const ROLES = [
  'public',
  'operator',
  'staffOwnInstitution',
  'staffOtherInstitution',
  'learnerOwnData',
  'learnerOtherLearner',
  'apiKeyWithScope',
  'apiKeyWithoutScope',
  'apiKeyRevoked',
  'expiredToken',
  'malformedToken',
] as const;
type Role = (typeof ROLES)[number];
type Expected = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';
/** The roles whose credential is rejected before any resolver runs (HTTP 401). */
const BAD_CREDENTIALS: readonly Role[] = ['apiKeyRevoked', 'expiredToken', 'malformedToken'];
type GoodRole = Exclude<Role, 'apiKeyRevoked' | 'expiredToken' | 'malformedToken'>;

/** What a case acts on: institution A's data, and learner 1 (learner 2 for "learner on another learner"). */
interface Target {
  institutionId: string;
  learnerId: string;
  nationalId: string;
  /** An entry institution A recorded for the target learner (read-only: never corrected or voided). */
  entryId: string;
  /** A credential A issued to the target learner for that entry (read-only: never revoked). */
  credentialId: string;
  serializedCredential: string;
  /**
   * A programme of A the target learner applied for (the application), and a request the learner
   * filed with A: the learner's dealings with A, which let A's staff audit the learner.
   */
  programmeId: string;
  applicationId: string;
  requestId: string;
}

interface Operation {
  /** The Query or Mutation field. */
  name: string;
  /** Which way of calling it, when the table has more than one row for the field. */
  variant?: string;
  /** The API key scope(s) the operation needs, if any. */
  scope?: ApiKeyScope | ApiKeyScope[];
  query: string;
  variables(target: Target, uid: string): Promise<Record<string, unknown>>;
  expected: Record<GoodRole, Expected>;
  /** Extra checks of a successful result. */
  check?: (value: Record<string, unknown>, ctx: { role: Role; target: Target }) => void;
  /**
   * A token of its own for the case (instead of the role's shared one): for operations that
   * change the caller's sign-in itself.
   */
  token?: (role: Role) => Promise<string | undefined>;
  /** The field returns a plain value, and refusals come as GraphQL errors rather than ResultError. */
  plainResult?: boolean;
  /**
   * Cases the app gets wrong today, for the lead to fix (outside this file's remit): they run as
   * `it.fails`, so they turn red once fixed and can then move into the table proper.
   */
  knownBugs?: Partial<Record<GoodRole, string>>;
}

const label = (op: Operation) => (op.variant ? `${op.name} (${op.variant})` : op.name);

const RE = '__typename ... on ResultError { code message }';
const ALLOWED = 'allowed' as const;
const F = 'FORBIDDEN' as const;
const U = 'UNAUTHENTICATED' as const;

/** Everybody, signed in or not. */
const everyone: Record<GoodRole, Expected> = {
  public: ALLOWED,
  operator: ALLOWED,
  staffOwnInstitution: ALLOWED,
  staffOtherInstitution: ALLOWED,
  learnerOwnData: ALLOWED,
  learnerOtherLearner: ALLOWED,
  apiKeyWithScope: ALLOWED,
  apiKeyWithoutScope: ALLOWED,
};
const operatorOnly: Record<GoodRole, Expected> = {
  public: U,
  operator: ALLOWED,
  staffOwnInstitution: F,
  staffOtherInstitution: F,
  learnerOwnData: F,
  learnerOtherLearner: F,
  apiKeyWithScope: F,
  apiKeyWithoutScope: F,
};
/** The operator or institution A's staff (and A's system, within its scope). */
const operatorOrInstitution: Record<GoodRole, Expected> = {
  public: U,
  operator: ALLOWED,
  staffOwnInstitution: ALLOWED,
  staffOtherInstitution: F,
  learnerOwnData: F,
  learnerOtherLearner: F,
  apiKeyWithScope: ALLOWED,
  apiKeyWithoutScope: F,
};
/** Only institution A records, corrects and voids for itself: not even the operator. */
const institutionWrites: Record<GoodRole, Expected> = {
  ...operatorOrInstitution,
  operator: F,
};
/** A learner's whole record: the learner and the operator only. */
const learnerOrOperator: Record<GoodRole, Expected> = {
  public: U,
  operator: ALLOWED,
  staffOwnInstitution: F,
  staffOtherInstitution: F,
  learnerOwnData: ALLOWED,
  learnerOtherLearner: F,
  apiKeyWithScope: F,
  apiKeyWithoutScope: F,
};
/** Any institution (to find and register the learners it records for) and the operator. */
const anyInstitution: Record<GoodRole, Expected> = {
  public: U,
  operator: ALLOWED,
  staffOwnInstitution: ALLOWED,
  staffOtherInstitution: ALLOWED,
  learnerOwnData: F,
  learnerOtherLearner: F,
  apiKeyWithScope: ALLOWED,
  apiKeyWithoutScope: ALLOWED,
};

/** The learner themself, and nobody else: not the operator, not an institution. */
const learnerOnly: Record<GoodRole, Expected> = {
  public: U,
  operator: F,
  staffOwnInstitution: F,
  staffOtherInstitution: F,
  learnerOwnData: ALLOWED,
  learnerOtherLearner: F,
  apiKeyWithScope: F,
  apiKeyWithoutScope: F,
};
/** The learner, the operator and institution A (which has dealings with the learner). */
const learnerOperatorOrInstitution: Record<GoodRole, Expected> = {
  ...operatorOrInstitution,
  learnerOwnData: ALLOWED,
};

const account = (uid: string) => ({
  email: `u-${uid}@test.example`,
  name: `User ${uid}`,
  password: 'a-long-enough-password',
});

/** A person of the role's kind signed in for this case alone (the shared token otherwise). */
async function freshSignIn(role: Role): Promise<string | undefined> {
  const s = t.services;
  const uid = uniqueId();
  const tokenOf = async (u: { id: string }) =>
    (await s.tokens.issue((await s.accounts.findUser(u.id))!)).token;
  switch (role) {
    case 'operator':
      return tokenOf(await s.accounts.createOperator(SYSTEM, account(uid)));
    case 'staffOwnInstitution':
      return tokenOf(await s.accounts.createStaff(SYSTEM, w.instA.id, account(uid)));
    case 'staffOtherInstitution':
      return tokenOf(await s.accounts.createStaff(SYSTEM, w.instB.id, account(uid)));
    case 'learnerOwnData':
    case 'learnerOtherLearner': {
      const { learner } = await s.learners.register(SYSTEM, {
        nationalId: `SO${uid}`,
        name: `Learner ${uid}`,
      });
      return tokenOf(await s.accounts.createLearnerAccount(SYSTEM, learner.id, account(uid)));
    }
    default:
      return undefined;
  }
}

/** A fresh achievement of institution A for a learner, recorded by the system (so cases never share one). */
async function freshEntry(learnerId: string, uid: string): Promise<LedgerEntry> {
  const o = await t.services.ledger.recordAchievement(SYSTEM, w.instA.id, {
    learnerId,
    sourceRecordId: `PREP-${uid}`,
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2024-06-30',
  });
  if (o.status === 'conflict') throw new Error(o.message);
  return o.entry;
}

const achievement = (target: Target, uid: string) => ({
  learnerId: target.learnerId,
  sourceRecordId: `REC-${uid}`,
  kind: 'COURSE',
  courseCode: 'MATH101',
  earnedAt: '2024-06-30',
  grade: { score: 88 },
});

const staffOf = (institutionId: string): Actor => ({
  kind: 'staff',
  userId: 'fixture',
  institutionId,
});
const learnerActor = (learnerId: string): Actor => ({
  kind: 'learner',
  userId: 'fixture',
  learnerId,
});

/** A fresh credential A issues (as a compact JWT: the quickest to sign) for the target's entry. */
async function freshCredential(x: Pick<Target, 'learnerId' | 'entryId'>, uid: string) {
  return t.services.credentials.issue(SYSTEM, {
    institutionId: w.instA.id,
    learnerId: x.learnerId,
    what: { kind: 'achievement', entryId: x.entryId },
    format: 'vc+jwt',
    requestKey: `fixture-${uid}`,
  });
}

/** A programme of A (a bachelor at level 6, within A's accreditation) every learner here passes. */
const programmeDefinition = (id: string, institutionId = w.instA.id, extra = {}) => ({
  id,
  institutionId,
  partnerInstitutionIds: [],
  name: { en: `Programme ${id}`, zh: '学位项目' },
  qualificationType: 'bachelor',
  level: 6,
  creditSystem: 'CN',
  requirements: {
    id: 'root',
    kind: 'allOf',
    children: [{ id: 'total', kind: 'totalCredits', min: 100 }],
  },
  ...extra,
});

async function freshProgramme(uid: string): Promise<string> {
  return (await t.services.programmes.define(SYSTEM, programmeDefinition(`authz-p-${uid}`)))
    .programmeId;
}

/** A fresh application of the learner for a fresh programme of A. */
async function freshApplication(learnerId: string, uid: string): Promise<string> {
  const programmeId = await freshProgramme(uid);
  return (await t.services.awards.apply(learnerActor(learnerId), programmeId)).application.id;
}

/** A rule that recognises a (made-up) course of B as one of the target institution's; never automatic. */
const ruleDefinition = (uid: string, targetInstitutionId: string) => ({
  id: `authz-eq-${uid}`,
  kind: 'course_equivalence',
  effectiveFrom: '2020-01-01',
  automatic: false,
  source: { institutionId: w.instB.id, courseCode: `S-${uid}` },
  target: { institutionId: targetInstitutionId, courseCode: `T-${uid}` },
  category: 'general',
});

/** A fresh entry of B for the learner, and the learner's pending request that A recognise it. */
async function freshRequest(learnerId: string, uid: string) {
  const o = await t.services.ledger.recordAchievement(SYSTEM, w.instB.id, {
    learnerId,
    sourceRecordId: `RQ-${uid}`,
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2024-06-30',
    grade: { score: 80 },
  });
  if (o.status === 'conflict') throw new Error(o.message);
  const v = await t.services.recognition.request(learnerActor(learnerId), {
    entryIds: [o.entry.id],
    targetInstitutionId: w.instA.id,
    creditSystem: 'CN',
  });
  expect(v.status).toBe('pending');
  return { requestId: v.request.id, entryId: o.entry.id };
}

const items = (v: Record<string, unknown>) => v['items'] as Record<string, unknown>[];

/** An import job of institution A's staff: a one-row CSV for the target learner, checked. */
async function freshImportJob(x: Target, uid: string) {
  const csv =
    'sourceRecordId,learnerId,kind,titleEn,credits,creditSystem,category,level,earnedAt\n' +
    `IMP-${uid},${x.learnerId},training,Imported module,1,KR_CB,elective,1,2024-01-15\n`;
  const job = await t.services.importJobs.upload(
    staffOf(x.institutionId),
    { institutionId: x.institutionId, format: 'csv', fileName: `authz-${uid}.csv` },
    Readable.from([Buffer.from(csv)]),
  );
  await t.services.importJobs.settled(job.id);
  return job;
}

const OPERATIONS: Operation[] = [
  {
    name: 'login',
    query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${RE} ... on LoginOk { token } } }`,
    variables: () => Promise.resolve({ e: 'l1@test.example', p: w.password }),
    expected: everyone,
  },
  {
    name: 'signOutEverywhere',
    query: 'mutation { signOutEverywhere }',
    variables: () => Promise.resolve({}),
    // Each case signs out a person of its own, so the shared tokens keep working.
    token: (role) => freshSignIn(role),
    plainResult: true,
    // Every signed-in person, for themself; an API key is revoked instead.
    expected: {
      public: U,
      operator: ALLOWED,
      staffOwnInstitution: ALLOWED,
      staffOtherInstitution: ALLOWED,
      learnerOwnData: ALLOWED,
      learnerOtherLearner: ALLOWED,
      apiKeyWithScope: F,
      apiKeyWithoutScope: F,
    },
  },
  {
    name: 'createAccountCode',
    query: `mutation($l: ID!) { createAccountCode(learnerId: $l, purpose: ACTIVATION) { ${RE} ... on AccountCode { purpose } } }`,
    // A learner without a sign-in yet, for whom institution A has recorded something.
    variables: async (_x, uid) => {
      const { learner } = await t.services.learners.register(SYSTEM, {
        nationalId: `AC${uid}`,
        name: `Learner ${uid}`,
      });
      await freshEntry(learner.id, uid);
      return { l: learner.id };
    },
    // A person hands a code to the learner in front of them: staff of an institution that knows
    // the learner, or the operator; never a key, never a learner.
    expected: { ...operatorOrInstitution, apiKeyWithScope: F },
    check: (v) => expect(v['purpose']).toBe('ACTIVATION'),
  },
  {
    name: 'activateAccount',
    query: `mutation($in: ActivateAccountInput!) { activateAccount(input: $in) { ${RE} ... on LoginOk { user { role } } } }`,
    variables: async (_x, uid) => {
      const { learner } = await t.services.learners.register(SYSTEM, {
        nationalId: `AA${uid}`,
        name: `Learner ${uid}`,
      });
      const { code } = await t.services.accountCodes.create(SYSTEM, learner.id, 'activation');
      const { email, password } = account(uid);
      return { in: { nationalId: `AA${uid}`, code, email, password } };
    },
    // Whoever holds the code: that is what the code is for.
    expected: everyone,
    check: (v) => expect(v['user']).toEqual({ role: 'LEARNER' }),
  },
  {
    name: 'resetPassword',
    query: `mutation($in: ResetPasswordInput!) { resetPassword(input: $in) { ${RE} ... on LoginOk { user { role } } } }`,
    variables: async (_x, uid) => {
      const { learner } = await t.services.learners.register(SYSTEM, {
        nationalId: `RP${uid}`,
        name: `Learner ${uid}`,
      });
      const a = account(uid);
      await t.services.accounts.createLearnerAccount(SYSTEM, learner.id, a);
      const { code } = await t.services.accountCodes.create(SYSTEM, learner.id, 'reset');
      return { in: { email: a.email, code, password: 'a-new-long-password' } };
    },
    expected: everyone,
    check: (v) => expect(v['user']).toEqual({ role: 'LEARNER' }),
  },
  {
    name: 'changePassword',
    query: `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { ${RE} ... on LoginOk { token } } }`,
    variables: () => Promise.resolve({ c: account('').password, n: 'a-new-long-password' }),
    // Each case changes the password of a person of its own, so the shared tokens keep working.
    token: (role) => freshSignIn(role),
    // Every signed-in person, their own password; a key has none.
    expected: {
      public: U,
      operator: ALLOWED,
      staffOwnInstitution: ALLOWED,
      staffOtherInstitution: ALLOWED,
      learnerOwnData: ALLOWED,
      learnerOtherLearner: ALLOWED,
      apiKeyWithScope: F,
      apiKeyWithoutScope: F,
    },
  },
  {
    name: 'setUserDisabled',
    query: `mutation($u: ID!) { setUserDisabled(userId: $u, disabled: true) { ${RE} ... on User { disabledAt } } }`,
    // A staff account of A made for the case, so the shared sign-ins stay enabled.
    variables: async (_x, uid) => ({
      u: (await t.services.accounts.createStaff(SYSTEM, w.instA.id, account(uid))).id,
    }),
    expected: operatorOnly,
    check: (v) => expect(v['disabledAt']).toEqual(expect.any(String)),
  },
  {
    name: 'me',
    query: '{ me { role } }',
    variables: () => Promise.resolve({}),
    expected: everyone,
  },
  {
    name: 'institutions',
    query: '{ institutions { id slug } }',
    variables: () => Promise.resolve({}),
    expected: everyone,
  },
  {
    name: 'institution',
    query: `query($id: ID) { institution(id: $id) { ${RE} ... on Institution { slug courses { code } } } }`,
    variables: (x) => Promise.resolve({ id: x.institutionId }),
    expected: everyone,
  },
  {
    name: 'staff',
    query: `query($i: ID!) { staff(institutionId: $i) { ${RE} ... on StaffList { items { email } } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    // Not a records operation: any key of the institution may list its staff.
    expected: { ...operatorOrInstitution, apiKeyWithoutScope: ALLOWED },
  },
  {
    name: 'apiKeys',
    query: `query($i: ID!) { apiKeys(institutionId: $i) { ${RE} ... on ApiKeyList { items { id label } } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: { ...operatorOrInstitution, apiKeyWithoutScope: ALLOWED },
  },
  {
    name: 'operatorAuditTrail',
    query: `query { operatorAuditTrail(first: 5) { ${RE} ... on OperatorActionPage { items { seq action actorEmail } } } }`,
    variables: () => Promise.resolve({}),
    // Who did what to whom across every institution: the operator's own record.
    expected: operatorOnly,
  },
  {
    name: 'registerInstitution',
    query: `mutation($in: RegisterInstitutionInput!) { registerInstitution(input: $in) { ${RE} } }`,
    variables: (_x, uid) =>
      Promise.resolve({
        in: {
          slug: `inst-${uid}`,
          name: { zh: '新学校', en: 'New School' },
          type: 'TRAINING_PROVIDER',
          region: 'CN-ZJ',
          accreditation: [{ qualificationType: 'TRAINING_CERTIFICATE' }],
        },
      }),
    expected: operatorOnly,
  },
  {
    name: 'setInstitutionStatus',
    // ACTIVE again: changes nothing, so no other case depends on the order.
    query: `mutation($id: ID!) { setInstitutionStatus(id: $id, status: ACTIVE) { ${RE} } }`,
    variables: (x) => Promise.resolve({ id: x.institutionId }),
    expected: operatorOnly,
  },
  {
    name: 'setAccreditation',
    query: `mutation($id: ID!, $a: [AccreditationScopeInput!]!) { setAccreditation(id: $id, accreditation: $a) { ${RE} } }`,
    variables: (x) =>
      Promise.resolve({
        id: x.institutionId,
        a: [
          { qualificationType: 'BACHELOR', levels: [6] },
          { qualificationType: 'COURSE_CERTIFICATE', levels: [] },
          { qualificationType: 'TRANSCRIPT', levels: [] },
        ],
      }),
    expected: operatorOnly,
  },
  {
    name: 'createOperator',
    query: `mutation($in: NewAccountInput!) { createOperator(input: $in) { ${RE} } }`,
    variables: (_x, uid) => Promise.resolve({ in: account(uid) }),
    expected: operatorOnly,
  },
  {
    name: 'createStaff',
    query: `mutation($i: ID!, $in: NewAccountInput!) { createStaff(institutionId: $i, input: $in) { ${RE} } }`,
    variables: (x, uid) => Promise.resolve({ i: x.institutionId, in: account(uid) }),
    // A staff login can do more than any key (create keys, all scopes): a key may not make one.
    expected: { ...operatorOrInstitution, apiKeyWithScope: F },
  },
  {
    name: 'createStaffCode',
    query: `mutation($u: ID!) { createStaffCode(userId: $u, purpose: ACTIVATION) { ${RE} ... on StaffCode { purpose } } }`,
    // A staff account of institution A waiting for activation.
    variables: async (x, uid) => {
      const { email, name } = account(uid);
      const user = await t.services.accounts.createStaff(SYSTEM, x.institutionId, { email, name });
      return { u: user.id };
    },
    // Like createStaff: a key may not take over a staff login.
    expected: { ...operatorOrInstitution, apiKeyWithScope: F },
    check: (v) => expect(v['purpose']).toBe('ACTIVATION'),
  },
  {
    name: 'activateStaffAccount',
    query: `mutation($in: ActivateStaffAccountInput!) { activateStaffAccount(input: $in) { ${RE} ... on LoginOk { user { role } } } }`,
    variables: async (x, uid) => {
      const { email, name } = account(uid);
      const user = await t.services.accounts.createStaff(SYSTEM, x.institutionId, { email, name });
      const { code } = await t.services.accountCodes.createForUser(SYSTEM, user.id, 'activation');
      return { in: { email, code, password: 'a-new-long-password' } };
    },
    // Whoever holds the code: that is what the code is for.
    expected: everyone,
    check: (v) => expect(v['user']).toEqual({ role: 'STAFF' }),
  },
  {
    name: 'createApiKey',
    query: `mutation($i: ID!, $l: String!) { createApiKey(institutionId: $i, label: $l, scopes: [RECORDS_READ]) { ${RE} } }`,
    variables: (x, uid) => Promise.resolve({ i: x.institutionId, l: `key ${uid}` }),
    expected: { ...operatorOrInstitution, apiKeyWithScope: F },
  },
  {
    name: 'revokeApiKey',
    query: `mutation($id: ID!) { revokeApiKey(id: $id) { ${RE} ... on ApiKey { revokedAt } } }`,
    variables: async (x, uid) => {
      const { key } = await t.services.accounts.createApiKey(
        SYSTEM,
        x.institutionId,
        `to revoke ${uid}`,
        ['records:read'],
      );
      return { id: key.id };
    },
    expected: { ...operatorOrInstitution, apiKeyWithScope: F },
  },
  {
    name: 'learner',
    query: `query($id: ID!) { learner(id: $id) { ${RE} ... on Learner { name } } }`,
    variables: (x) => Promise.resolve({ id: x.learnerId }),
    // Institutions look learners up to record for them; a learner sees only themself.
    expected: { ...anyInstitution, learnerOwnData: ALLOWED },
  },
  {
    name: 'findLearner',
    query: `query($n: String!) { findLearner(nationalId: $n) { ${RE} ... on Learner { id } } }`,
    variables: (x) => Promise.resolve({ n: x.nationalId }),
    expected: anyInstitution,
  },
  {
    name: 'courses',
    query: 'query($i: ID!) { courses(institutionId: $i) { code credits } }',
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: everyone,
  },
  {
    name: 'learnerRecord',
    scope: 'records:read',
    // Asks for institution A's entries: B may not, A may, the learner and operator may.
    query: `query($l: ID!, $i: ID) { learnerRecord(learnerId: $l, institutionId: $i) { ${RE} ... on LedgerPage { items { id institutionId } } } }`,
    variables: (x) => Promise.resolve({ l: x.learnerId, i: x.institutionId }),
    expected: { ...operatorOrInstitution, learnerOwnData: ALLOWED },
    check: (v) => expect((v['items'] as unknown[]).length).toBeGreaterThan(0),
  },
  {
    name: 'ledgerEntry',
    scope: 'records:read',
    query: `query($id: ID!) { ledgerEntry(id: $id) { ${RE} ... on LedgerEntry { seq hash } } }`,
    variables: (x) => Promise.resolve({ id: x.entryId }),
    expected: { ...operatorOrInstitution, learnerOwnData: ALLOWED },
  },
  {
    name: 'creditAccount',
    query: `query($l: ID!) { creditAccount(learnerId: $l) { ${RE} ... on CreditAccount { achievements } } }`,
    variables: (x) => Promise.resolve({ l: x.learnerId }),
    expected: learnerOrOperator,
  },
  {
    name: 'verifyChain',
    query: `query($l: ID!) { verifyChain(learnerId: $l) { ${RE} ... on ChainVerification { valid } } }`,
    variables: (x) => Promise.resolve({ l: x.learnerId }),
    expected: learnerOrOperator,
    check: (v) => expect(v['valid']).toBe(true),
  },
  {
    name: 'institutionRecords',
    scope: 'records:read',
    query: `query($i: ID!) { institutionRecords(institutionId: $i) { ${RE} ... on LedgerPage { items { id } } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: operatorOrInstitution,
  },
  {
    name: 'registerLearner',
    scope: 'records:write',
    query: `mutation($in: RegisterLearnerInput!) { registerLearner(input: $in) { ${RE} ... on RegisterLearnerOk { created } } }`,
    variables: (_x, uid) =>
      Promise.resolve({ in: { nationalId: `N${uid.toUpperCase()}`, name: '新同学' } }),
    expected: { ...anyInstitution, apiKeyWithoutScope: F },
    check: (v) => expect(v['created']).toBe(true),
  },
  {
    name: 'createLearnerAccount',
    query: `mutation($l: ID!, $in: NewAccountInput!) { createLearnerAccount(learnerId: $l, input: $in) { ${RE} } }`,
    variables: async (_x, uid) => {
      // A learner without an account yet (another account for an existing learner is not the point here).
      const { learner } = await t.services.learners.register(SYSTEM, {
        nationalId: `P${uid.toUpperCase()}`,
        name: '未开户',
      });
      return { l: learner.id, in: account(uid) };
    },
    // Not an institution: whoever knows the password reads the learner's whole record.
    expected: operatorOnly,
  },
  {
    name: 'defineCourse',
    scope: 'records:write',
    query: `mutation($i: ID!, $in: CourseInput!) { defineCourse(institutionId: $i, input: $in) { ${RE} ... on Course { version } } }`,
    variables: (x, uid) =>
      Promise.resolve({
        i: x.institutionId,
        in: {
          code: `C-${uid}`,
          title: { zh: '新课程' },
          credits: 2,
          creditSystem: 'CN',
          level: 6,
          category: 'general',
        },
      }),
    expected: institutionWrites,
  },
  {
    name: 'recordAchievement',
    scope: 'records:write',
    query: `mutation($i: ID!, $in: AchievementInput!) { recordAchievement(institutionId: $i, input: $in) { ${RE} ... on RecordAchievementOk { created } } }`,
    variables: (x, uid) => Promise.resolve({ i: x.institutionId, in: achievement(x, uid) }),
    expected: institutionWrites,
    check: (v) => expect(v['created']).toBe(true),
  },
  {
    name: 'recordAchievements',
    scope: 'records:write',
    query: `mutation($i: ID!, $in: [AchievementInput!]!) { recordAchievements(institutionId: $i, inputs: $in) { ${RE} ... on RecordBatchOk { created failed } } }`,
    variables: (x, uid) => Promise.resolve({ i: x.institutionId, in: [achievement(x, uid)] }),
    expected: institutionWrites,
    check: (v) => expect(v).toMatchObject({ created: 1, failed: 0 }),
  },
  {
    name: 'importRecords',
    scope: 'records:write',
    query: `mutation($i: ID!, $d: String!) { importRecords(institutionId: $i, format: CSV, data: $d) { ${RE} ... on ImportReport { created failed } } }`,
    variables: (x, uid) =>
      Promise.resolve({
        i: x.institutionId,
        d: `sourceRecordId,learnerId,kind,courseCode,earnedAt\nIMP-${uid},${x.learnerId},course,MATH101,2024-06-30\n`,
      }),
    expected: institutionWrites,
    check: (v) => expect(v).toMatchObject({ created: 1, failed: 0 }),
  },
  {
    name: 'correctAchievement',
    scope: 'records:write',
    query: `mutation($in: CorrectAchievementInput!) { correctAchievement(input: $in) { ${RE} ... on LedgerEntry { type } } }`,
    variables: async (x, uid) => ({
      in: {
        entryId: (await freshEntry(x.learnerId, uid)).id,
        sourceRecordId: `FIX-${uid}`,
        reason: 'wrong credits',
        credits: 3,
      },
    }),
    expected: institutionWrites,
  },
  {
    name: 'voidAchievement',
    scope: 'records:write',
    query: `mutation($in: VoidAchievementInput!) { voidAchievement(input: $in) { ${RE} ... on LedgerEntry { type } } }`,
    variables: async (x, uid) => ({
      in: {
        entryId: (await freshEntry(x.learnerId, uid)).id,
        sourceRecordId: `VOID-${uid}`,
        reason: 'recorded for the wrong student',
      },
    }),
    expected: institutionWrites,
  },

  // ---- credentials.graphql -----------------------------------------------------------------------
  {
    name: 'signingKeys',
    // Public parts only: they are in the DID document anyway.
    query: `query($i: ID!) { signingKeys(institutionId: $i) { __typename id type publicKeyMultibase } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: everyone,
    check: (v) => expect((v as unknown as unknown[]).length).toBeGreaterThan(0),
  },
  {
    name: 'institutionDid',
    query: `query($i: ID!) { institutionDid(institutionId: $i) { __typename did document } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: everyone,
    check: (v) => expect(v['did']).toMatch(/^did:web:/),
  },
  {
    name: 'credential',
    scope: 'credentials:issue',
    query: `query($id: ID!) { credential(id: $id) { ${RE} ... on IssuedCredential { id learnerId history { action } } } }`,
    variables: (x) => Promise.resolve({ id: x.credentialId }),
    // Its learner, its issuer (A's staff, A's key that issues) and the operator.
    expected: learnerOperatorOrInstitution,
    check: (v, { target }) => expect(v['learnerId']).toBe(target.learnerId),
  },
  {
    name: 'courseClass',
    scope: 'records:read',
    query: `query($i: ID!) { courseClass(institutionId: $i, courseCode: "MATH101", first: 5) { ${RE} ... on CourseClassPage { items { entry { institutionId } } } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    // The institution's own records, read to issue: its staff, its key that reads, the operator.
    expected: operatorOrInstitution,
  },
  {
    name: 'institutionCredentials',
    scope: 'credentials:issue',
    query: `query($i: ID!, $l: ID!) { institutionCredentials(institutionId: $i, filter: { learnerId: $l }, first: 5) { ${RE} ... on IssuedCredentialPage { items { id institutionId } } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId, l: x.learnerId }),
    // What the institution issued: its staff, its key that issues, and the operator; not a learner.
    expected: operatorOrInstitution,
    check: (v, { target }) =>
      expect(items(v).map((c) => c['institutionId'])).toContain(target.institutionId),
  },
  {
    name: 'learnerCredentials',
    query: `query($l: ID!) { learnerCredentials(learnerId: $l) { ${RE} ... on IssuedCredentialList { items { id institutionId } } } }`,
    variables: (x) => Promise.resolve({ l: x.learnerId }),
    // Every issuer's credentials of the learner: their whole record, so not an institution's to list.
    expected: learnerOrOperator,
    check: (v) => expect(items(v).length).toBeGreaterThan(0),
  },
  {
    name: 'verifyCredential',
    query: `query($c: String!) { verifyCredential(credential: $c) { __typename verified checks { id status code } } }`,
    variables: (x) => Promise.resolve({ c: x.serializedCredential }),
    expected: everyone,
    check: (v) => expect(v['verified'], JSON.stringify(v)).toBe(true),
  },
  {
    name: 'verifyPresentation',
    query: `query($p: String!) { verifyPresentation(presentation: $p, challenge: "c-1", domain: "verifier.example") { __typename verified } }`,
    variables: (x) =>
      Promise.resolve({
        // Unsigned, so it does not verify: the point is that anyone gets the report.
        p: JSON.stringify({
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [
            {
              '@context': ['https://www.w3.org/ns/credentials/v2'],
              type: ['EnvelopedVerifiableCredential'],
              id: `data:application/vc+jwt,${x.serializedCredential}`,
            },
          ],
        }),
      }),
    expected: everyone,
    check: (v) => expect(typeof v['verified']).toBe('boolean'),
  },
  {
    name: 'shareCredential',
    query: `mutation($in: ShareCredentialInput!) { shareCredential(input: $in) { ${RE} ... on CreatedShare { token share { credentialId active } } } }`,
    variables: (x, uid) =>
      Promise.resolve({ in: { credentialId: x.credentialId, audience: `Employer ${uid}` } }),
    // Consent is the learner's own: not the operator's, not the issuing institution's.
    expected: learnerOnly,
    check: (v, { target }) =>
      expect(v['share']).toEqual({ credentialId: target.credentialId, active: true }),
  },
  {
    name: 'revokeShare',
    query: `mutation($id: ID!) { revokeShare(id: $id) { ${RE} ... on CredentialShare { active } } }`,
    variables: async (x, uid) => ({
      id: (
        await t.services.sharing.share(learnerActor(x.learnerId), {
          credentialId: x.credentialId,
          audience: `Employer ${uid}`,
        })
      ).share.id,
    }),
    expected: learnerOnly,
    check: (v) => expect(v['active']).toBe(false),
  },
  {
    name: 'credentialShares',
    query: `query($l: ID!) { credentialShares(learnerId: $l) { ${RE} ... on CredentialShareList { items { id views { via } } } } }`,
    variables: (x) => Promise.resolve({ l: x.learnerId }),
    // Who looked at a learner's credentials is part of the learner's record.
    expected: learnerOrOperator,
    check: (v) => expect(Array.isArray(v['items'])).toBe(true),
  },
  {
    name: 'sharedCredential',
    query: `query($t: String!) { sharedCredential(token: $t, viewer: "HR") { ${RE} ... on SharedCredential { serialized verification { verified } } } }`,
    variables: async (x, uid) => ({
      t: (
        await t.services.sharing.share(learnerActor(x.learnerId), {
          credentialId: x.credentialId,
          audience: `Employer ${uid}`,
        })
      ).token,
    }),
    // Whoever holds the link: that is what a link is for.
    expected: everyone,
    check: (v, { target }) => expect(v['serialized']).toBe(target.serializedCredential),
  },
  {
    name: 'credentialStatusNotice',
    query: `query($id: ID!) { credentialStatusNotice(id: $id) { ${RE} ... on CredentialStatusNotice { credentialId revoked } } }`,
    variables: (x) => Promise.resolve({ id: x.credentialId }),
    // Whoever holds the credential knows its id; the status list tells its status to anyone already.
    expected: everyone,
    check: (v, { target }) =>
      expect(v).toMatchObject({ credentialId: target.credentialId, revoked: false }),
  },
  {
    name: 'issueCredential',
    scope: 'credentials:issue',
    query: `mutation($i: ID!, $in: IssueCredentialInput!) { issueCredential(institutionId: $i, input: $in) { ${RE} ... on IssuedCredential { id institutionId } } }`,
    variables: (x, uid) =>
      Promise.resolve({
        i: x.institutionId,
        in: {
          learnerId: x.learnerId,
          kind: 'ACHIEVEMENT',
          entryId: x.entryId,
          format: 'VC_JWT',
          requestKey: `issue-${uid}`,
        },
      }),
    // The issuing institution only (the operator does not sign for it), within its accreditation.
    expected: institutionWrites,
    check: (v, { target }) => expect(v['institutionId']).toBe(target.institutionId),
  },
  {
    name: 'issueCredentials',
    scope: 'credentials:issue',
    query: `mutation($i: ID!, $in: [IssueCredentialInput!]!) { issueCredentials(institutionId: $i, inputs: $in) { ${RE} ... on BatchIssueOk { issued failed rows { error { code } } } } }`,
    variables: (x, uid) =>
      Promise.resolve({
        i: x.institutionId,
        in: [
          {
            learnerId: x.learnerId,
            kind: 'ACHIEVEMENT',
            entryId: x.entryId,
            format: 'VC_JWT',
            requestKey: `batch-${uid}`,
          },
        ],
      }),
    expected: institutionWrites,
    check: (v) => expect(v).toMatchObject({ issued: 1, failed: 0 }),
  },
  {
    name: 'revokeCredential',
    scope: 'credentials:issue',
    query: `mutation($id: ID!) { revokeCredential(id: $id, reason: "issued in error") { ${RE} ... on IssuedCredential { revoked } } }`,
    variables: async (x, uid) => ({ id: (await freshCredential(x, uid)).id }),
    // The issuer answers for what it signed: not the operator, not the learner.
    expected: institutionWrites,
    check: (v) => expect(v['revoked']).toBe(true),
  },
  {
    name: 'suspendCredential',
    scope: 'credentials:issue',
    query: `mutation($id: ID!) { suspendCredential(id: $id, reason: "under review") { ${RE} ... on IssuedCredential { suspended } } }`,
    variables: async (x, uid) => ({ id: (await freshCredential(x, uid)).id }),
    expected: institutionWrites,
    check: (v) => expect(v['suspended']).toBe(true),
  },
  {
    name: 'reinstateCredential',
    scope: 'credentials:issue',
    query: `mutation($id: ID!) { reinstateCredential(id: $id, reason: "review done") { ${RE} ... on IssuedCredential { suspended } } }`,
    variables: async (x, uid) => {
      const c = await freshCredential(x, uid);
      await t.services.credentials.changeStatus(SYSTEM, c.id, 'suspended', 'under review');
      return { id: c.id };
    },
    expected: institutionWrites,
    check: (v) => expect(v['suspended']).toBe(false),
  },
  {
    name: 'rotateSigningKey',
    scope: 'credentials:issue',
    // P-256: the base credentials and the status lists are signed with Ed25519, so no case disturbs them.
    query: `mutation($i: ID!) { rotateSigningKey(institutionId: $i, type: P256) { ${RE} ... on SigningKey { id type } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    // The institution's staff or the operator; never an API key, whatever its scopes.
    expected: { ...operatorOrInstitution, apiKeyWithScope: F },
  },
  {
    name: 'revokeSigningKey',
    scope: 'credentials:issue',
    query: `mutation($k: ID!) { revokeSigningKey(keyId: $k, reason: "compromised") { ${RE} ... on SigningKey { revokedAt } } }`,
    variables: async (x) => ({
      k: (await t.services.keys.rotate(SYSTEM, x.institutionId, 'P-256')).id,
    }),
    expected: { ...operatorOrInstitution, apiKeyWithScope: F },
    check: (v) => expect(v['revokedAt']).toBeTruthy(),
  },

  // ---- recognition.graphql -----------------------------------------------------------------------
  {
    name: 'recognitionRules',
    query: '{ recognitionRules { __typename ruleId version publisher } }',
    variables: () => Promise.resolve({}),
    expected: everyone,
    check: (v) => expect((v as unknown as unknown[]).length).toBeGreaterThan(0),
  },
  {
    name: 'recognitionRuleVersions',
    query: `query($r: String!) { recognitionRuleVersions(ruleId: $r) { ${RE} ... on RecognitionRuleList { items { version } } } }`,
    variables: () => Promise.resolve({ r: 'authz-base-rule' }),
    expected: everyone,
    check: (v) => expect(items(v)).toEqual([{ version: 1 }]),
  },
  {
    name: 'programmes',
    query: 'query($i: ID) { programmes(institutionId: $i) { __typename id version } }',
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: everyone,
    check: (v) => expect((v as unknown as unknown[]).length).toBeGreaterThan(0),
  },
  {
    name: 'programme',
    query: `query($id: ID!) { programme(id: $id) { ${RE} ... on Programme { id version } } }`,
    variables: (x) => Promise.resolve({ id: x.programmeId }),
    expected: everyone,
  },
  {
    name: 'programmeVersions',
    query: `query($id: ID!) { programmeVersions(id: $id) { ${RE} ... on ProgrammeList { items { version } } } }`,
    variables: (x) => Promise.resolve({ id: x.programmeId }),
    expected: everyone,
  },
  {
    name: 'recognitionRequest',
    scope: 'records:read',
    query: `query($id: ID!) { recognitionRequest(id: $id) { ${RE} ... on RecognitionRequest { learnerId targetInstitutionId history { type } } } }`,
    variables: (x) => Promise.resolve({ id: x.requestId }),
    // The learner, the operator, and the institutions involved (A receives it; B is not involved).
    expected: learnerOperatorOrInstitution,
    check: (v, { target }) => expect(v['learnerId']).toBe(target.learnerId),
  },
  {
    name: 'recognitionRequests',
    variant: 'of a learner',
    query: `query($l: ID) { recognitionRequests(learnerId: $l) { ${RE} ... on RecognitionRequestList { items { learnerId } } } }`,
    variables: (x) => Promise.resolve({ l: x.learnerId }),
    expected: learnerOrOperator,
    check: (v, { target }) => {
      expect(items(v).length).toBeGreaterThan(0);
      expect(items(v).every((r) => r['learnerId'] === target.learnerId)).toBe(true);
    },
  },
  {
    name: 'recognitionRequests',
    variant: 'to an institution',
    scope: 'records:read',
    query: `query($i: ID) { recognitionRequests(institutionId: $i) { ${RE} ... on RecognitionRequestList { items { targetInstitutionId } } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: operatorOrInstitution,
    check: (v, { target }) => {
      expect(items(v).length).toBeGreaterThan(0);
      expect(items(v).every((r) => r['targetInstitutionId'] === target.institutionId)).toBe(true);
    },
  },
  {
    name: 'degreeAudit',
    scope: 'records:read',
    query: `query($l: ID!, $p: ID!) { degreeAudit(learnerId: $l, programmeId: $p) { ${RE} ... on DegreeAudit { learnerId passed } } }`,
    variables: (x) => Promise.resolve({ l: x.learnerId, p: x.programmeId }),
    // The learner, the operator, and A: the learner applied to A's programme and asked A for recognition.
    expected: learnerOperatorOrInstitution,
    check: (v) => expect(v['passed']).toBe(true),
  },
  {
    name: 'programmeNearCompletion',
    scope: 'records:read',
    query: `query($p: ID!) { programmeNearCompletion(programmeId: $p, minProgress: 0) { ${RE} ... on NearCompletionReport { audited learners { learnerId progress passed applied } } } }`,
    variables: (x) => Promise.resolve({ p: x.programmeId }),
    // A's staff (and the operator) see the learners with dealings with A, from their audits; no learner.
    expected: operatorOrInstitution,
    check: (v, { target }) =>
      expect(v['learners']).toContainEqual({
        learnerId: target.learnerId,
        progress: 1,
        passed: true,
        applied: true,
      }),
  },
  {
    name: 'whatIfAudit',
    scope: 'records:read',
    query: `query($l: ID!, $p: ID!, $h: [HypotheticalCreditInput!]) { whatIfAudit(learnerId: $l, programmeId: $p, hypothetical: $h) { ${RE} ... on DegreeAudit { hypothetical } } }`,
    variables: (x) =>
      Promise.resolve({
        l: x.learnerId,
        p: x.programmeId,
        h: [
          { institutionId: x.institutionId, credits: 2, creditSystem: 'CN', category: 'general' },
        ],
      }),
    expected: learnerOperatorOrInstitution,
    check: (v) => expect(v['hypothetical']).toBe(1),
  },
  {
    name: 'awardApplication',
    scope: 'records:read',
    query: `query($id: ID!) { awardApplication(id: $id) { ${RE} ... on AwardApplication { learnerId institutionId status } } }`,
    variables: (x) => Promise.resolve({ id: x.applicationId }),
    // The learner, the operator and the awarding institution.
    expected: learnerOperatorOrInstitution,
    check: (v, { target }) => expect(v['learnerId']).toBe(target.learnerId),
  },
  {
    name: 'awardApplications',
    variant: 'of a learner',
    scope: 'records:read',
    query: `query($l: ID) { awardApplications(learnerId: $l) { ${RE} ... on AwardApplicationList { items { learnerId institutionId } } } }`,
    variables: (x) => Promise.resolve({ l: x.learnerId }),
    // The learner and the operator see all; an institution only what was made to it (B: nothing).
    expected: {
      ...learnerOperatorOrInstitution,
      staffOtherInstitution: ALLOWED,
    },
    check: (v, { role, target }) => {
      expect(items(v).every((a) => a['learnerId'] === target.learnerId)).toBe(true);
      if (role === 'staffOtherInstitution') expect(items(v)).toEqual([]);
      else expect(items(v).length).toBeGreaterThan(0);
      if (role.startsWith('staff') || role.startsWith('apiKey'))
        expect(items(v).every((a) => a['institutionId'] === w.instA.id)).toBe(true);
    },
  },
  {
    name: 'awardApplications',
    variant: 'to an institution',
    scope: 'records:read',
    query: `query($i: ID) { awardApplications(institutionId: $i) { ${RE} ... on AwardApplicationList { items { institutionId } } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: operatorOrInstitution,
    check: (v, { target }) => {
      expect(items(v).length).toBeGreaterThan(0);
      expect(items(v).every((a) => a['institutionId'] === target.institutionId)).toBe(true);
    },
  },
  {
    name: 'publishRecognitionRule',
    scope: 'records:write',
    // A rule about credit counted at A: the operator, or A itself (B may not publish for A).
    query: `mutation($d: String!) { publishRecognitionRule(definition: $d) { ${RE} ... on RecognitionRule { ruleId version } } }`,
    variables: (x, uid) =>
      Promise.resolve({ d: JSON.stringify(ruleDefinition(uid, x.institutionId)) }),
    expected: operatorOrInstitution,
    check: (v) => expect(v['version']).toBe(1),
  },
  {
    name: 'defineProgramme',
    scope: 'records:write',
    query: `mutation($d: String!) { defineProgramme(definition: $d) { ${RE} ... on Programme { id version } } }`,
    variables: (x, uid) =>
      Promise.resolve({
        d: JSON.stringify(programmeDefinition(`authz-def-${uid}`, x.institutionId)),
      }),
    // The awarding institution (within its accreditation: a bachelor at level 6) or the operator.
    expected: operatorOrInstitution,
    check: (v) => expect(v['version']).toBe(1),
  },
  {
    name: 'requestRecognition',
    scope: 'records:write',
    // A's entry, to be recognised at B: the learner asks, or A (which recorded it) on their behalf.
    query: `mutation($in: RequestRecognitionInput!) { requestRecognition(input: $in) { ${RE} ... on RecognitionRequest { status } } }`,
    variables: async (x, uid) => ({
      in: {
        learnerId: x.learnerId,
        entryIds: [(await freshEntry(x.learnerId, uid)).id],
        targetInstitutionId: w.instB.id,
        creditSystem: 'CN',
      },
    }),
    expected: {
      public: U,
      operator: F,
      staffOwnInstitution: ALLOWED,
      // B receives the request: it decides on it, but does not file it for entries A recorded.
      staffOtherInstitution: F,
      learnerOwnData: ALLOWED,
      learnerOtherLearner: F,
      apiKeyWithScope: ALLOWED,
      apiKeyWithoutScope: F,
    },
    check: (v) => expect(v['status']).toBe('PENDING'),
  },
  {
    name: 'approveRecognition',
    scope: 'records:write',
    // A receives the request (of B's entry): only A decides.
    query: `mutation($r: ID!, $items: [RecognitionDecisionItemInput!]) { approveRecognition(requestId: $r, items: $items, comment: "ok") { ${RE} ... on RecognitionRequest { status } } }`,
    variables: async (x, uid) => {
      const r = await freshRequest(x.learnerId, uid);
      return {
        r: r.requestId,
        items: [{ entryId: r.entryId, credits: 2, category: 'general' }],
      };
    },
    expected: institutionWrites,
    check: (v) => expect(v['status']).toBe('APPROVED'),
  },
  {
    name: 'partlyApproveRecognition',
    scope: 'records:write',
    query: `mutation($r: ID!, $items: [RecognitionDecisionItemInput!]!) { partlyApproveRecognition(requestId: $r, items: $items, reason: "half") { ${RE} ... on RecognitionRequest { status } } }`,
    variables: async (x, uid) => {
      const r = await freshRequest(x.learnerId, uid);
      return {
        r: r.requestId,
        items: [{ entryId: r.entryId, credits: 1, category: 'general' }],
      };
    },
    expected: institutionWrites,
    check: (v) => expect(v['status']).toBe('PARTLY_APPROVED'),
  },
  {
    name: 'rejectRecognition',
    scope: 'records:write',
    query: `mutation($r: ID!) { rejectRecognition(requestId: $r, reason: "no equivalent course") { ${RE} ... on RecognitionRequest { status } } }`,
    variables: async (x, uid) => ({ r: (await freshRequest(x.learnerId, uid)).requestId }),
    expected: institutionWrites,
    check: (v) => expect(v['status']).toBe('REJECTED'),
  },
  {
    name: 'appealRecognition',
    query: `mutation($r: ID!) { appealRecognition(requestId: $r, comment: "please look again") { ${RE} ... on RecognitionRequest { status } } }`,
    variables: async (x, uid) => {
      const { requestId } = await freshRequest(x.learnerId, uid);
      await t.services.recognition.reject(staffOf(w.instA.id), requestId, 'no equivalent');
      return { r: requestId };
    },
    expected: learnerOnly,
    check: (v) => expect(v['status']).toBe('APPEALED'),
  },
  {
    name: 'applyForAward',
    query: `mutation($p: ID!) { applyForAward(programmeId: $p) { ${RE} ... on AwardApplication { status } } }`,
    variables: async (_x, uid) => ({ p: await freshProgramme(uid) }),
    // The signed-in learner applies for themself (there is no learner argument to aim elsewhere).
    expected: { ...learnerOnly, learnerOtherLearner: ALLOWED },
    check: (v) => expect(v['status']).toBe('APPLIED'),
  },
  {
    name: 'confirmAward',
    // Confirming issues the degree credential too: a key needs both scopes.
    scope: ['records:write', 'credentials:issue'],
    query: `mutation($a: ID!) { confirmAward(applicationId: $a) { ${RE} ... on AwardApplication { status credentialId } } }`,
    variables: async (x, uid) => ({ a: await freshApplication(x.learnerId, uid) }),
    expected: institutionWrites,
    check: (v) => expect(v).toMatchObject({ status: 'AWARDED', credentialId: expect.any(String) }),
  },
  {
    name: 'checkpoint',
    query: `{ checkpoint { ${RE} ... on Checkpoint { number note } } }`,
    variables: async () => {
      await t.services.checkpoints.publish(SYSTEM, { full: true });
      return {};
    },
    expected: everyone,
  },
  {
    name: 'chainInclusionProof',
    scope: 'records:read',
    query: `query($l: ID!) { chainInclusionProof(learnerId: $l) { ${RE} ... on InclusionProof { seq proof } } }`,
    variables: async (x) => {
      await t.services.checkpoints.publish(SYSTEM, { full: true });
      return { l: x.learnerId };
    },
    // The learner, any institution (as it may find any learner) and the operator.
    expected: { ...anyInstitution, learnerOwnData: ALLOWED, apiKeyWithoutScope: F },
  },
  {
    name: 'checkpointConsistencyProof',
    query: `{ checkpointConsistencyProof(from: 1) { ${RE} ... on ConsistencyProof { toSize } } }`,
    variables: async () => {
      await t.services.checkpoints.publish(SYSTEM, { full: true });
      return {};
    },
    expected: everyone,
  },
  {
    name: 'checkpointKeys',
    query: `{ checkpointKeys { __typename log } }`,
    variables: () => Promise.resolve({}),
    expected: everyone,
  },
  {
    name: 'publishCheckpoint',
    query: `mutation { publishCheckpoint { ${RE} ... on PublishCheckpointOk { refused { learnerId } } } }`,
    variables: () => Promise.resolve({}),
    expected: operatorOnly,
  },
  {
    name: 'setCheckpointCosigning',
    scope: 'credentials:issue',
    query: `mutation($i: ID!) { setCheckpointCosigning(institutionId: $i, enabled: false) { ${RE} ... on CheckpointCosigningOk { enabled } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: institutionWrites,
  },
  {
    name: 'importJob',
    scope: 'records:read',
    query: `query($id: ID!) { importJob(id: $id) { ${RE} ... on ImportJob { status } } }`,
    variables: async (x, uid) => ({ id: (await freshImportJob(x, uid)).id }),
    expected: operatorOrInstitution,
  },
  {
    name: 'importJobs',
    scope: 'records:read',
    query: `query($i: ID!) { importJobs(institutionId: $i) { ${RE} ... on ImportJobList { items { id } } } }`,
    variables: (x) => Promise.resolve({ i: x.institutionId }),
    expected: operatorOrInstitution,
  },
  {
    name: 'importFile',
    scope: 'records:write',
    query: `mutation($id: ID!) { importFile(jobId: $id) { ${RE} ... on ImportJob { status } } }`,
    // A checked one-row file of A's, its own for each case.
    variables: async (x, uid) => ({ id: (await freshImportJob(x, uid)).id }),
    expected: institutionWrites,
  },
];

interface Case {
  operation: string;
  role: Role;
  expected: Expected;
  /** Set when the app gets this case wrong today (the case runs as `it.fails`). */
  bug?: string;
}

/** Every operation × every role: nobody is left out. */
const TABLE: Case[] = OPERATIONS.flatMap((op) =>
  ROLES.map((role) => {
    const bug = op.knownBugs?.[role as GoodRole];
    return {
      operation: label(op),
      role,
      expected: BAD_CREDENTIALS.includes(role) ? U : op.expected[role as GoodRole],
      ...(bug ? { bug } : {}),
    };
  }),
);

const ALL_SCOPES: readonly ApiKeyScope[] = ['records:read', 'records:write', 'credentials:issue'];
const scopesOf = (op: Operation): ApiKeyScope[] => (op.scope ? [op.scope].flat() : []);
/** "With the scope": exactly what the operation needs (records:write when it needs none). */
const scopesWith = (op: Operation): ApiKeyScope[] =>
  scopesOf(op).length ? scopesOf(op) : ['records:write'];
/** "Without": every scope but the (first) one it needs (credentials:issue alone when it needs none). */
const scopesWithout = (op: Operation): ApiKeyScope[] => {
  const needed = scopesOf(op)[0];
  return needed ? ALL_SCOPES.filter((s) => s !== needed) : ['credentials:issue'];
};
const scopeKey = (scopes: readonly ApiKeyScope[]) => [...scopes].sort().join(' ');

let tokens: Record<Role, (op: Operation) => string | undefined>;
let targets: { learner1: Target; learner2: Target };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const s = t.services;
  // One key of A per set of scopes the table needs.
  const keys = new Map<string, string>();
  for (const scopes of OPERATIONS.flatMap((op) => [scopesWith(op), scopesWithout(op)])) {
    const k = scopeKey(scopes);
    if (!keys.has(k))
      keys.set(k, (await s.accounts.createApiKey(SYSTEM, w.instA.id, k, scopes)).token);
  }
  const revoked = await s.accounts.createApiKey(SYSTEM, w.instA.id, 'revoked', [...ALL_SCOPES]);
  await s.accounts.revokeApiKey(SYSTEM, revoked.key.id);
  const staffUser = await s.accounts.authenticate('staff@a.example', w.password);
  const expired = await s.tokens.issue(
    staffUser,
    new Date(Date.now() - (s.config.auth.ttlSeconds + 3600) * 1000),
  );
  tokens = {
    public: () => undefined,
    operator: () => w.tokens.operator,
    staffOwnInstitution: () => w.tokens.staffA,
    staffOtherInstitution: () => w.tokens.staffB,
    learnerOwnData: () => w.tokens.learner1,
    learnerOtherLearner: () => w.tokens.learner1,
    apiKeyWithScope: (op) => keys.get(scopeKey(scopesWith(op))),
    apiKeyWithoutScope: (op) => keys.get(scopeKey(scopesWithout(op))),
    apiKeyRevoked: () => revoked.token,
    expiredToken: () => expired.token,
    // A JWT in shape, but neither signed by us nor valid JSON.
    malformedToken: () => `eyJhbGciOiJFZERTQSJ9.${randomBytes(24).toString('base64url')}.x`,
  };
  // A rule, and a programme of A, to read.
  await s.rules.publish(SYSTEM, { ...ruleDefinition('base', w.instA.id), id: 'authz-base-rule' });
  const programmeId = await freshProgramme('base');
  // What each learner has from A (read-only cases point at these), and their dealings with A.
  const baseTarget = async (learnerId: string, nationalId: string, tag: string) => {
    const entry = await freshEntry(learnerId, `base-${tag}`);
    const partial = {
      institutionId: w.instA.id,
      learnerId,
      nationalId,
      entryId: entry.id,
      programmeId,
    };
    const credential = await freshCredential(partial, `base-${tag}`);
    const application = await s.awards.apply(learnerActor(learnerId), programmeId);
    const { requestId } = await freshRequest(learnerId, `base-${tag}`);
    return {
      ...partial,
      credentialId: credential.id,
      serializedCredential: credential.serialized,
      applicationId: application.application.id,
      requestId,
    };
  };
  targets = {
    learner1: await baseTarget(w.learner1.id, '330106199901011234', 'l1'),
    learner2: await baseTarget(w.learner2.id, '330102200003152345', 'l2'),
  };
  // B recorded something for learner 1 too, so "B sees only its own" has something to hide.
  await t.services.ledger.recordAchievement(SYSTEM, w.instB.id, {
    learnerId: w.learner1.id,
    sourceRecordId: 'B-base',
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2024-01-15',
  });
});
afterAll(() => t.close());

let seq = 0;
const uniqueId = () => `${(seq++).toString(36)}${randomBytes(4).toString('hex')}`;

describe('the table', () => {
  it('covers every operation with every role exactly once', () => {
    expect(TABLE).toHaveLength(OPERATIONS.length * ROLES.length);
    expect(new Set(TABLE.map((c) => `${c.operation}/${c.role}`)).size).toBe(TABLE.length);
    expect(
      TABLE.every((c) => ['allowed', 'FORBIDDEN', 'UNAUTHENTICATED'].includes(c.expected)),
    ).toBe(true);
  });

  it('names every Query and Mutation field of every schema file, and nothing else', () => {
    const fields = new Set<string>();
    for (const sdl of loadTypeDefs()) {
      for (const def of parse(sdl).definitions) {
        if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION)
          continue;
        if (def.name.value !== 'Query' && def.name.value !== 'Mutation') continue;
        for (const f of def.fields ?? []) fields.add(f.name.value);
      }
    }
    const names = new Set(OPERATIONS.map((o) => o.name));
    expect([...names].sort()).toEqual([...fields].sort());
    // Base, institutions and ledger (29), credentials (13), sharing (4), recognition (20) and
    // checkpoints (6).
    expect(names.size).toBeGreaterThanOrEqual(72);
  });

  it('marks a known bug only where the expectation is not "allowed"', () => {
    for (const c of TABLE.filter((x) => x.bug)) expect(c.expected, c.operation).not.toBe(ALLOWED);
  });
});

async function runCase(op: Operation, role: Role, expected: Expected): Promise<void> {
  const target = role === 'learnerOtherLearner' ? targets.learner2 : targets.learner1;
  const variables = await op.variables(target, uniqueId());
  const token =
    op.token && !BAD_CREDENTIALS.includes(role) && !role.startsWith('apiKey')
      ? await op.token(role)
      : tokens[role](op);
  const res = await t.gql<Record<string, Record<string, unknown> | null>>(
    op.query,
    variables,
    token,
  );
  const text = JSON.stringify(res);
  expect(text).not.toMatch(/"stack"|\/work\/|\.ts:\d/);
  if (BAD_CREDENTIALS.includes(role)) {
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
    return;
  }
  if (op.plainResult) {
    if (expected === 'allowed') expect(res.data?.[op.name], text).toBe(true);
    else expect(res.errors?.[0]?.extensions?.['code'], text).toBe(expected);
    return;
  }
  expect(res.errors, text).toBeUndefined();
  expect(res.status).toBe(200);
  const value = res.data?.[op.name] ?? null;
  const typename = value && !Array.isArray(value) ? value['__typename'] : undefined;
  if (expected === 'allowed') {
    expect(typename, text).not.toBe('ResultError');
    if (value && op.check) op.check(value, { role, target });
  } else {
    expect(typename, text).toBe('ResultError');
    expect(value?.['code'], text).toBe(expected);
  }
}

describe.each(OPERATIONS.map((op) => [label(op), op] as const))('%s', (name, op) => {
  const cases = TABLE.filter((c) => c.operation === name);
  const sound = cases.filter((c) => !c.bug);
  const buggy = cases.filter((c) => c.bug);
  it.each(sound)('as $role → $expected', ({ role, expected }) => runCase(op, role, expected));
  if (buggy.length)
    it.fails.each(buggy)('as $role → $expected (known bug: $bug)', ({ role, expected }) =>
      runCase(op, role, expected),
    );
});

describe('what institutions see of a record', () => {
  const q = `query($l: ID!) { learnerRecord(learnerId: $l) { ${RE} ... on LedgerPage { items { institutionId } } } }`;
  const institutionsIn = async (token: string) => {
    const res = await t.gql<{ learnerRecord: { items: { institutionId: string }[] } }>(
      q,
      { l: w.learner1.id },
      token,
    );
    return new Set(res.data!.learnerRecord.items.map((i) => i.institutionId));
  };

  it('shows each institution only what it recorded, and the learner everything', async () => {
    expect(await institutionsIn(w.tokens.staffA)).toEqual(new Set([w.instA.id]));
    expect(await institutionsIn(w.tokens.staffB)).toEqual(new Set([w.instB.id]));
    expect(await institutionsIn(w.tokens.learner1)).toEqual(new Set([w.instA.id, w.instB.id]));
    expect(await institutionsIn(w.tokens.operator)).toEqual(new Set([w.instA.id, w.instB.id]));
  });

  it("does not let another institution read A's entry, even by id", async () => {
    const res = await t.gql<{ ledgerEntry: { __typename: string; code?: string } }>(
      `query($id: ID!) { ledgerEntry(id: $id) { ${RE} } }`,
      { id: targets.learner1.entryId },
      w.tokens.staffB,
    );
    expect(res.data?.ledgerEntry).toMatchObject({ __typename: 'ResultError', code: 'FORBIDDEN' });
  });

  it('refuses an empty import from someone who may not import at all', async () => {
    for (const [token, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [w.tokens.learner1, 'FORBIDDEN'],
      [w.tokens.staffB, 'FORBIDDEN'],
    ] as const) {
      const res = await t.gql<{ importRecords: { __typename: string; code?: string } }>(
        `mutation($i: ID!) { importRecords(institutionId: $i, format: JSONL, data: "", dryRun: true) { ${RE} } }`,
        { i: w.instA.id },
        token,
      );
      expect(res.data?.importRecords, String(token)).toMatchObject({
        __typename: 'ResultError',
        code,
      });
    }
  });
});

describe('credentials and programmes stay within accreditation', () => {
  const ISSUE = `mutation($i: ID!, $in: IssueCredentialInput!) { issueCredential(institutionId: $i, input: $in) { ${RE} ... on IssuedCredential { achievementTypes } } }`;
  const issue = async (institutionId: string, input: Record<string, unknown>, token: string) =>
    (
      await t.gql<{ issueCredential: Record<string, unknown> }>(
        ISSUE,
        { i: institutionId, in: { learnerId: w.learner1.id, format: 'VC_JWT', ...input } },
        token,
      )
    ).data?.issueCredential;
  const degree = (qualificationType: string, level: number) => ({
    kind: 'QUALIFICATION',
    qualification: { qualificationType, level, name: { en: 'Degree' } },
  });
  let issueKey: string;
  let writeKey: string;
  beforeAll(async () => {
    issueKey = (
      await t.services.accounts.createApiKey(SYSTEM, w.instA.id, 'issuer', ['credentials:issue'])
    ).token;
    writeKey = (
      await t.services.accounts.createApiKey(SYSTEM, w.instA.id, 'writer', ['records:write'])
    ).token;
  });

  it('lets A issue the bachelor at level 6 it is accredited for', async () => {
    expect(await issue(w.instA.id, degree('BACHELOR', 6), w.tokens.staffA)).toMatchObject({
      achievementTypes: ['BachelorDegree'],
    });
  });

  it.each([
    ['a master', degree('MASTER', 7), () => w.tokens.staffA],
    ['a bachelor at level 7', degree('BACHELOR', 7), () => issueKey],
    ['a vocational diploma', degree('VOCATIONAL_DIPLOMA', 5), () => issueKey],
  ])('refuses A (staff or key) %s', async (_what, input, token) => {
    expect(await issue(w.instA.id, input, token())).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses B a course credential (B may award only diplomas), even for its own entry', async () => {
    const o = await t.services.ledger.recordAchievement(SYSTEM, w.instB.id, {
      learnerId: w.learner1.id,
      sourceRecordId: `B-own-${uniqueId()}`,
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2024-06-30',
    });
    if (o.status === 'conflict') throw new Error(o.message);
    expect(
      await issue(w.instB.id, { kind: 'ACHIEVEMENT', entryId: o.entry.id }, w.tokens.staffB),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("refuses B a credential for A's entry, issued as B", async () => {
    expect(
      await issue(
        w.instB.id,
        { kind: 'ACHIEVEMENT', entryId: targets.learner1.entryId },
        w.tokens.staffB,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['a master', { qualificationType: 'master', level: 7 }, () => w.tokens.staffA],
    ['a vocational diploma', { qualificationType: 'vocational_diploma', level: 5 }, () => writeKey],
  ])('refuses A (staff or key) a programme for %s', async (_what, extra, token) => {
    const res = await t.gql<{ defineProgramme: Record<string, unknown> }>(
      `mutation($d: String!) { defineProgramme(definition: $d) { ${RE} } }`,
      { d: JSON.stringify(programmeDefinition(`authz-acc-${uniqueId()}`, w.instA.id, extra)) },
      token(),
    );
    expect(res.data?.defineProgramme).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('who may audit a learner', () => {
  const AUDIT = `query($l: ID!, $p: ID!) { degreeAudit(learnerId: $l, programmeId: $p) { ${RE} ... on DegreeAudit { learnerId } } }`;
  const audit = async (learnerId: string, programmeId: string, token: string) =>
    (
      await t.gql<{ degreeAudit: Record<string, unknown> }>(
        AUDIT,
        { l: learnerId, p: programmeId },
        token,
      )
    ).data?.degreeAudit;

  it('lets an awarding institution audit only learners who applied or asked it for recognition', async () => {
    const uid = uniqueId();
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: `Q${uid.toUpperCase()}`,
      name: '新同学',
    });
    const programmeA = await freshProgramme(uid);
    const programmeB = (
      await t.services.programmes.define(
        SYSTEM,
        programmeDefinition(`authz-b-${uid}`, w.instB.id, {
          qualificationType: 'vocational_diploma',
          level: 5,
        }),
      )
    ).programmeId;
    // No dealings with anyone yet: neither A nor B may audit.
    expect(await audit(learner.id, programmeA, w.tokens.staffA)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await audit(learner.id, programmeB, w.tokens.staffB)).toMatchObject({
      code: 'FORBIDDEN',
    });
    // B files, on the learner's behalf, a request that A recognise an entry B recorded.
    const o = await t.services.ledger.recordAchievement(SYSTEM, w.instB.id, {
      learnerId: learner.id,
      sourceRecordId: `B-${uid}`,
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2024-06-30',
    });
    if (o.status === 'conflict') throw new Error(o.message);
    const filed = await t.gql<{ requestRecognition: Record<string, unknown> }>(
      `mutation($in: RequestRecognitionInput!) { requestRecognition(input: $in) { ${RE} ... on RecognitionRequest { filedByInstitutionId } } }`,
      {
        in: {
          learnerId: learner.id,
          entryIds: [o.entry.id],
          targetInstitutionId: w.instA.id,
          creditSystem: 'CN',
        },
      },
      w.tokens.staffB,
    );
    expect(filed.data?.requestRecognition).toMatchObject({ filedByInstitutionId: w.instB.id });
    // The learner (through B) asked A: A may audit now.
    expect(await audit(learner.id, programmeA, w.tokens.staffA)).toMatchObject({
      learnerId: learner.id,
    });
    // Nobody asked B for anything: filing a request elsewhere does not open the learner's whole record to B.
    expect(await audit(learner.id, programmeB, w.tokens.staffB)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('confirming an award', () => {
  it('refuses a key that may write records but not issue credentials, before confirming anything', async () => {
    const key = (
      await t.services.accounts.createApiKey(SYSTEM, w.instA.id, 'write only', ['records:write'])
    ).token;
    const applicationId = await freshApplication(w.learner1.id, uniqueId());
    const res = await t.gql<{ confirmAward: Record<string, unknown> }>(
      `mutation($a: ID!) { confirmAward(applicationId: $a) { ${RE} } }`,
      { a: applicationId },
      key,
    );
    expect(res.data?.confirmAward).toMatchObject({ code: 'FORBIDDEN' });
    // Refused means nothing happened: no confirmation waits half-done.
    const view = await t.services.awards.get(SYSTEM, applicationId);
    expect(view.confirmation).toBeNull();
    expect(view.awardEntry).toBeNull();
  });
});

/** What a suspended institution's staff and keys may still do: sign in and out, and take access away. */
const ALLOWED_WHILE_SUSPENDED = new Set([
  'login',
  'signOutEverywhere',
  // One's own password, and a learner's sign-in by a code: none of them is the institution's work.
  'changePassword',
  'activateAccount',
  'activateStaffAccount',
  'resetPassword',
  'revokeApiKey',
  'revokeSigningKey',
]);

describe('a suspended institution', () => {
  const ROLES_OF_A = ['staffOwnInstitution', 'apiKeyWithScope'] as const;
  const mutations = new Set<string>();
  const cases: {
    op: Operation;
    role: (typeof ROLES_OF_A)[number];
    variables: Record<string, unknown>;
    token: string | undefined;
    expected: Expected;
  }[] = [];

  beforeAll(async () => {
    for (const sdl of loadTypeDefs()) {
      for (const def of parse(sdl).definitions) {
        if (
          (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) &&
          def.name.value === 'Mutation'
        )
          for (const f of def.fields ?? []) mutations.add(f.name.value);
      }
    }
    // Everything a case needs is prepared while A is active: A's own fixtures are writes too.
    for (const op of OPERATIONS) {
      for (const role of ROLES_OF_A) {
        if (op.knownBugs?.[role]) continue;
        const normally = op.expected[role];
        const write = mutations.has(op.name) && !ALLOWED_WHILE_SUSPENDED.has(op.name);
        cases.push({
          op,
          role,
          variables: await op.variables(targets.learner1, uniqueId()),
          token: op.token && role !== 'apiKeyWithScope' ? await op.token(role) : tokens[role](op),
          expected: write && normally === ALLOWED ? F : normally,
        });
      }
    }
    await t.services.institutions.setStatus(SYSTEM, w.instA.id, 'suspended');
  });
  afterAll(() => t.services.institutions.setStatus(SYSTEM, w.instA.id, 'active'));

  it('lets its staff and API keys read what they could, and refuses every write with FORBIDDEN', async () => {
    expect(
      cases.filter((c) => c.expected === F && c.op.expected[c.role] === ALLOWED).length,
    ).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await t.gql<Record<string, Record<string, unknown> | boolean | null>>(
        c.op.query,
        c.variables,
        c.token,
      );
      const value = res.data?.[c.op.name] ?? null;
      const first = Array.isArray(value) ? null : value;
      const outcome =
        res.errors?.[0]?.extensions?.['code'] ??
        (first && typeof first === 'object' && first['__typename'] === 'ResultError'
          ? first['code']
          : ALLOWED);
      if (outcome !== c.expected)
        wrong.push(`${label(c.op)} as ${c.role}: ${String(outcome)}, expected ${c.expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is answered with why', async () => {
    const r = await t.gql<{ createApiKey: { code: string; message: string } }>(
      'mutation($i: ID!) { createApiKey(institutionId: $i, label: "k", scopes: [RECORDS_READ]) { __typename ... on ResultError { code message } } }',
      { i: w.instA.id },
      w.tokens.staffA,
    );
    expect(r.data?.createApiKey).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/suspended/),
    });
  });
});
