// Every GraphQL operation against every role, through the real app: a table of expected outcomes.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse } from 'graphql';
import { SYSTEM } from '../../ledger/access.ts';
import type { ApiKeyScope, LedgerEntry } from '../../ledger/types.ts';
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
}

interface Operation {
  name: string;
  /** The API key scope the operation needs, if any. */
  scope?: ApiKeyScope;
  query: string;
  variables(target: Target, uid: string): Promise<Record<string, unknown>>;
  expected: Record<GoodRole, Expected>;
  /** Extra checks of a successful result. */
  check?: (value: Record<string, unknown>) => void;
}

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

const account = (uid: string) => ({
  email: `u-${uid}@test.example`,
  name: `User ${uid}`,
  password: 'a-long-enough-password',
});

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

const OPERATIONS: Operation[] = [
  {
    name: 'login',
    query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${RE} ... on LoginOk { token } } }`,
    variables: () => Promise.resolve({ e: 'l1@test.example', p: w.password }),
    expected: everyone,
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
    expected: anyInstitution,
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
];

interface Case {
  operation: string;
  role: Role;
  expected: Expected;
}

/** Every operation × every role: nobody is left out. */
const TABLE: Case[] = OPERATIONS.flatMap((op) =>
  ROLES.map((role) => ({
    operation: op.name,
    role,
    expected: BAD_CREDENTIALS.includes(role) ? U : op.expected[role as GoodRole],
  })),
);

let tokens: Record<Role, (op: Operation) => string | undefined>;
let targets: { learner1: Target; learner2: Target };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const s = t.services;
  const key = async (scopes: ApiKeyScope[]) =>
    (await s.accounts.createApiKey(SYSTEM, w.instA.id, scopes.join(' '), scopes)).token;
  const keys = {
    write: await key(['records:write']),
    read: await key(['records:read']),
    issue: await key(['credentials:issue']),
    allButWrite: await key(['records:read', 'credentials:issue']),
    allButRead: await key(['records:write', 'credentials:issue']),
  };
  const revoked = await s.accounts.createApiKey(SYSTEM, w.instA.id, 'revoked', [
    'records:write',
    'records:read',
    'credentials:issue',
  ]);
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
    apiKeyWithScope: (op) => (op.scope === 'records:read' ? keys.read : keys.write),
    apiKeyWithoutScope: (op) =>
      op.scope === 'records:write'
        ? keys.allButWrite
        : op.scope === 'records:read'
          ? keys.allButRead
          : keys.issue,
    apiKeyRevoked: () => revoked.token,
    expiredToken: () => expired.token,
    // A JWT in shape, but neither signed by us nor valid JSON.
    malformedToken: () => `eyJhbGciOiJFZERTQSJ9.${randomBytes(24).toString('base64url')}.x`,
  };
  // What each learner has from A (read-only cases point at these).
  const e1 = await freshEntry(w.learner1.id, 'base-l1');
  const e2 = await freshEntry(w.learner2.id, 'base-l2');
  targets = {
    learner1: {
      institutionId: w.instA.id,
      learnerId: w.learner1.id,
      nationalId: '330106199901011234',
      entryId: e1.id,
    },
    learner2: {
      institutionId: w.instA.id,
      learnerId: w.learner2.id,
      nationalId: '330102200003152345',
      entryId: e2.id,
    },
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

  it('names only operations the schema has, all 29 of the core schema', () => {
    const fields = new Set<string>();
    for (const sdl of loadTypeDefs()) {
      for (const def of parse(sdl).definitions) {
        if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION)
          continue;
        if (def.name.value !== 'Query' && def.name.value !== 'Mutation') continue;
        for (const f of def.fields ?? []) fields.add(f.name.value);
      }
    }
    const names = OPERATIONS.map((o) => o.name);
    for (const n of names) expect(fields, n).toContain(n);
    // The operations of the core schema (base, institutions, ledger) when this table was written.
    expect(names).toHaveLength(29);
  });
});

describe.each(OPERATIONS)('$name', (op) => {
  const cases = TABLE.filter((c) => c.operation === op.name);
  it.each(cases)('as $role → $expected', async ({ role, expected }) => {
    const target = role === 'learnerOtherLearner' ? targets.learner2 : targets.learner1;
    const variables = await op.variables(target, uniqueId());
    const res = await t.gql<Record<string, Record<string, unknown> | null>>(
      op.query,
      variables,
      tokens[role](op),
    );
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/"stack"|\/work\/|\.ts:\d/);
    if (BAD_CREDENTIALS.includes(role)) {
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
      return;
    }
    expect(res.errors, text).toBeUndefined();
    expect(res.status).toBe(200);
    const value = res.data?.[op.name] ?? null;
    const typename = value && !Array.isArray(value) ? value['__typename'] : undefined;
    if (expected === 'allowed') {
      expect(typename, text).not.toBe('ResultError');
      if (value && op.check) op.check(value);
    } else {
      expect(typename, text).toBe('ResultError');
      expect(value?.['code'], text).toBe(expected);
    }
  });
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
