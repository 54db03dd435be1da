// A learner's own sign-in: activation and reset by one-time codes, password change, through GraphQL on the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import { MAX_CODE_ATTEMPTS } from '../../domain/identity/account-codes.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
// Near real time: tokens issued at this clock are checked by jose against the real one.
let clock = new Date();
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));
const HOUR = 3_600_000;

const CREATE = `mutation($l: ID!, $p: AccountCodePurpose!) {
  createAccountCode(learnerId: $l, purpose: $p) {
    __typename
    ... on AccountCode { secret: code purpose learnerId createdAt expiresAt }
    ... on ResultError { code message field }
  }
}`;
const LOGIN_FIELDS = `__typename
    ... on LoginOk { token expiresAt user { id email name role learnerId } }
    ... on ResultError { code message field }`;
const ACTIVATE = `mutation($in: ActivateAccountInput!) { activateAccount(input: $in) { ${LOGIN_FIELDS} } }`;
const RESET = `mutation($in: ResetPasswordInput!) { resetPassword(input: $in) { ${LOGIN_FIELDS} } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { ${LOGIN_FIELDS} } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${LOGIN_FIELDS} } }`;
const ME = `{ me { role learner { id name } } }`;

// What the tests read from a result: the fields a union member may carry.
type Result = Record<string, unknown> & {
  __typename: string;
  code?: string;
  field?: string;
  secret: string;
  token: string;
};

async function call(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await t.gql<Record<string, Result>>(query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

const NEW_ID = '330106198805051111';
let newLearnerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await createWorld(t);
  // A learner registered by institution A's staff, with one entry recorded by A; no sign-in yet.
  const staffA = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id } as const;
  const { learner } = await t.services.learners.register(SYSTEM, {
    nationalId: NEW_ID,
    name: '赵雷',
  });
  newLearnerId = learner.id;
  const o = await t.services.ledger.recordAchievement(staffA, w.instA.id, {
    learnerId: learner.id,
    sourceRecordId: 'AC-1',
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2025-06-30',
    grade: { score: 80 },
  });
  expect(o.status).not.toBe('conflict');
});
afterAll(async () => {
  await t.close();
});

describe('activation by a one-time code', () => {
  it('is handed out by staff of an institution that knows the learner, or the operator, and by nobody else', async () => {
    const byB = await call(CREATE, { l: newLearnerId, p: 'ACTIVATION' }, w.tokens.staffB);
    expect(byB).toMatchObject({ __typename: 'ResultError', code: 'FORBIDDEN' });
    const byLearner = await call(CREATE, { l: newLearnerId, p: 'ACTIVATION' }, w.tokens.learner1);
    expect(byLearner).toMatchObject({ __typename: 'ResultError', code: 'FORBIDDEN' });
    const anonymous = await call(CREATE, { l: newLearnerId, p: 'ACTIVATION' });
    expect(anonymous).toMatchObject({ __typename: 'ResultError', code: 'UNAUTHENTICATED' });
    const unknown = await call(
      CREATE,
      { l: 'no-such-learner', p: 'ACTIVATION' },
      w.tokens.operator,
    );
    expect(unknown).toMatchObject({ __typename: 'ResultError', code: 'NOT_FOUND' });
    // A learner with a sign-in gets a reset code, not a second account.
    const twice = await call(CREATE, { l: w.learner1.id, p: 'ACTIVATION' }, w.tokens.operator);
    expect(twice).toMatchObject({ __typename: 'ResultError', code: 'CONFLICT' });
    const noAccount = await call(CREATE, { l: newLearnerId, p: 'RESET' }, w.tokens.staffA);
    expect(noAccount).toMatchObject({ __typename: 'ResultError', code: 'CONFLICT' });

    const byA = await call(CREATE, { l: newLearnerId, p: 'ACTIVATION' }, w.tokens.staffA);
    expect(byA).toMatchObject({
      __typename: 'AccountCode',
      purpose: 'ACTIVATION',
      learnerId: newLearnerId,
    });
    expect(byA['secret']).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Date.parse(byA['expiresAt'] as string) - clock.getTime()).toBe(14 * 24 * HOUR);
    // Only a hash is kept.
    const stored = await t.db.connection.collection('account_codes').find().toArray();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(byA['secret']);
    expect(JSON.stringify(stored)).not.toContain(byA['secret'].replace(/-/g, ''));
  });

  it('binds the sign-in to the registered learner, once, and signs in', async () => {
    const { secret: code } = (await call(
      CREATE,
      { l: newLearnerId, p: 'ACTIVATION' },
      w.tokens.operator,
    )) as {
      secret: string;
    };
    const input = {
      nationalId: NEW_ID,
      code: code.toLowerCase().replace(/-/g, ' '),
      email: 'zhao.lei@test.example',
      password: 'a long enough password',
    };
    // Bad input is said beside its field and uses nothing up.
    expect(await call(ACTIVATE, { in: { ...input, password: 'short' } })).toMatchObject({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'password',
    });
    expect(await call(ACTIVATE, { in: { ...input, email: 'not an email' } })).toMatchObject({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'email',
    });
    expect(await call(ACTIVATE, { in: { ...input, email: 'l1@test.example' } })).toMatchObject({
      code: 'CONFLICT',
      field: 'email',
    });
    expect(await call(ACTIVATE, { in: { ...input, nationalId: '1' } })).toMatchObject({
      field: 'nationalId',
    });
    // Another registered person's ID number with this code: the code is not theirs.
    expect(
      await call(ACTIVATE, { in: { ...input, nationalId: '330102200003152345' } }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await call(ACTIVATE, { in: { ...input, nationalId: '110101199001011234' } }),
    ).toMatchObject({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'code',
    });

    const ok = await call(ACTIVATE, { in: input });
    expect(ok).toMatchObject({
      __typename: 'LoginOk',
      user: {
        email: 'zhao.lei@test.example',
        name: '赵雷',
        role: 'LEARNER',
        learnerId: newLearnerId,
      },
    });
    const me = await t.gql<{ me: { role: string; learner: { id: string } } }>(ME, {}, ok['token']);
    expect(me.data?.me).toEqual({ role: 'LEARNER', learner: { id: newLearnerId, name: '赵雷' } });
    // Single use: the same code again activates nothing.
    const again = await call(ACTIVATE, { in: { ...input, email: 'other@test.example' } });
    expect(again).toMatchObject({
      __typename: 'ResultError',
      code: 'CONFLICT',
      field: 'nationalId',
    });
    expect(
      await t.db.connection.collection('users').countDocuments({ learnerId: newLearnerId }),
    ).toBe(1);
  });
});

describe('reset by a one-time code', () => {
  it('sets a new password, ends every earlier token, and cannot be used twice', async () => {
    const old = (await call(LOGIN, {
      e: 'zhao.lei@test.example',
      p: 'a long enough password',
    })) as {
      token: string;
    };
    const { secret: code } = (await call(
      CREATE,
      { l: newLearnerId, p: 'RESET' },
      w.tokens.staffA,
    )) as {
      secret: string;
    };
    expect(
      await call(RESET, {
        in: { email: 'nobody@test.example', code, password: 'new password 123' },
      }),
    ).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'code' });
    const ok = await call(RESET, {
      in: { email: 'Zhao.Lei@test.example', code, password: 'new password 123' },
    });
    expect(ok).toMatchObject({ __typename: 'LoginOk', user: { learnerId: newLearnerId } });
    const stale = await t.gql(ME, {}, old.token);
    expect(stale.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(
      await call(LOGIN, { e: 'zhao.lei@test.example', p: 'a long enough password' }),
    ).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await call(LOGIN, { e: 'zhao.lei@test.example', p: 'new password 123' })).toMatchObject({
      __typename: 'LoginOk',
    });
    const twice = await call(RESET, {
      in: { email: 'zhao.lei@test.example', code, password: 'another password 1' },
    });
    expect(twice).toMatchObject({
      field: 'code',
      message: expect.stringContaining('used') as unknown,
    });
  });

  it(`locks a code after ${MAX_CODE_ATTEMPTS} wrong tries, even the right code then`, async () => {
    const { secret: code } = (await call(
      CREATE,
      { l: newLearnerId, p: 'RESET' },
      w.tokens.operator,
    )) as {
      secret: string;
    };
    const wrong = 'AAAA-BBBB-CCCC';
    const tries = await Promise.all(
      Array.from({ length: MAX_CODE_ATTEMPTS + 2 }, () =>
        call(RESET, {
          in: { email: 'zhao.lei@test.example', code: wrong, password: 'whatever password' },
        }),
      ),
    );
    for (const r of tries)
      expect(r).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'code' });
    const marks = await t.db.connection.collection('account_code_marks').countDocuments({
      mark: { $regex: '^fail:' },
    });
    expect(marks).toBe(MAX_CODE_ATTEMPTS);
    const right = await call(RESET, {
      in: { email: 'zhao.lei@test.example', code, password: 'whatever password' },
    });
    expect(right).toMatchObject({
      field: 'code',
      message: expect.stringContaining('locked') as unknown,
    });
  });

  it('expires: a day for a reset code; a newer code replaces an older one', async () => {
    const first = (await call(CREATE, { l: newLearnerId, p: 'RESET' }, w.tokens.operator)) as {
      secret: string;
    };
    tick(HOUR);
    const second = (await call(CREATE, { l: newLearnerId, p: 'RESET' }, w.tokens.operator)) as {
      secret: string;
    };
    const reset = (code: string) =>
      call(RESET, {
        in: { email: 'zhao.lei@test.example', code, password: 'the newest password' },
      });
    expect(await reset(first.secret)).toMatchObject({ field: 'code' });
    tick(25 * HOUR);
    expect(await reset(second.secret)).toMatchObject({
      field: 'code',
      message: expect.stringContaining('expired') as unknown,
    });
  });
});

describe('changing a password while signed in', () => {
  it('needs the current password, gives this device a new token and ends the others', async () => {
    const other = (await call(LOGIN, { e: 'l2@test.example', p: w.password })) as { token: string };
    const here = (await call(LOGIN, { e: 'l2@test.example', p: w.password })) as { token: string };
    expect(
      await call(CHANGE, { c: 'not my password', n: 'brand new password' }, here.token),
    ).toMatchObject({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'currentPassword',
    });
    expect(await call(CHANGE, { c: w.password, n: 'short' }, here.token)).toMatchObject({
      field: 'newPassword',
    });
    expect(await call(CHANGE, { c: w.password, n: w.password }, here.token)).toMatchObject({
      field: 'newPassword',
    });
    expect(await call(CHANGE, { c: w.password, n: 'x' })).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const ok = (await call(CHANGE, { c: w.password, n: 'brand new password' }, here.token)) as {
      __typename: string;
      token: string;
    };
    expect(ok.__typename).toBe('LoginOk');
    expect((await t.gql(ME, {}, other.token)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
    expect((await t.gql(ME, {}, here.token)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
    expect((await t.gql<{ me: { role: string } }>(ME, {}, ok.token)).data?.me.role).toBe('LEARNER');
  });
});

describe('a staff account activated by a one-time code', () => {
  const STAFF_CODE = `mutation($u: ID!, $p: AccountCodePurpose!) {
    createStaffCode(userId: $u, purpose: $p) {
      __typename
      ... on StaffCode { secret: code purpose userId email expiresAt }
      ... on ResultError { code message field }
    }
  }`;
  const CREATE_STAFF = `mutation($i: ID!, $in: NewAccountInput!) {
    createStaff(institutionId: $i, input: $in) {
      __typename
      ... on User { id activated }
      ... on ResultError { code message field }
    }
  }`;
  const ACTIVATE_STAFF = `mutation($in: ActivateStaffAccountInput!) { activateStaffAccount(input: $in) { ${LOGIN_FIELDS} } }`;
  const EMAIL = 'new.registrar@test.example';
  let userId: string;

  it('is created without a password, cannot sign in, and gets a code from the operator or its own institution only', async () => {
    const made = await call(
      CREATE_STAFF,
      { i: w.instA.id, in: { email: EMAIL, name: '钱晓' } },
      w.tokens.operator,
    );
    expect(made).toMatchObject({ __typename: 'User', activated: false });
    userId = made['id'] as string;
    // No password matches a pending account, not even an empty one.
    for (const p of ['', 'pending-activation'])
      expect(await call(LOGIN, { e: EMAIL, p })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await call(STAFF_CODE, { u: userId, p: 'ACTIVATION' }, w.tokens.staffB)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await call(STAFF_CODE, { u: userId, p: 'ACTIVATION' }, w.tokens.learner1)).toMatchObject(
      { code: 'FORBIDDEN' },
    );
    expect(await call(STAFF_CODE, { u: userId, p: 'RESET' }, w.tokens.operator)).toMatchObject({
      code: 'CONFLICT',
    });
    // A learner's sign-in is not reached through this door.
    const learnerUser = await t.services.accounts.findUserByEmail('l1@test.example');
    expect(
      await call(STAFF_CODE, { u: learnerUser!.id, p: 'RESET' }, w.tokens.operator),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // Only the operator makes codes for an operator account.
    const operator = await t.services.accounts.createOperator(SYSTEM, {
      email: 'second.operator@test.example',
      name: 'Operator Two',
    });
    expect(
      await call(STAFF_CODE, { u: operator.id, p: 'ACTIVATION' }, w.tokens.staffA),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await call(STAFF_CODE, { u: operator.id, p: 'ACTIVATION' }, w.tokens.operator),
    ).toMatchObject({ __typename: 'StaffCode', purpose: 'ACTIVATION' });
  });

  it('activates once with email, code and the holder’s own password, stores only the hash, and is audited', async () => {
    const byColleague = await call(STAFF_CODE, { u: userId, p: 'ACTIVATION' }, w.tokens.staffA);
    expect(byColleague).toMatchObject({ __typename: 'StaffCode', email: EMAIL });
    tick(1000);
    const { secret } = await call(STAFF_CODE, { u: userId, p: 'ACTIVATION' }, w.tokens.operator);
    const stored = await t.db.connection.collection('account_codes').find({ userId }).toArray();
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(secret.replace(/-/g, ''));
    // The older code was replaced by the newer one.
    expect(
      await call(ACTIVATE_STAFF, {
        in: { email: EMAIL, code: byColleague.secret, password: 'my own password 1' },
      }),
    ).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'code' });
    const wrongEmail = await call(ACTIVATE_STAFF, {
      in: { email: 'nobody@test.example', code: secret, password: 'my own password 1' },
    });
    expect(wrongEmail).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'code' });
    const ok = await call(ACTIVATE_STAFF, {
      in: { email: EMAIL, code: secret.toLowerCase(), password: 'my own password 1' },
    });
    expect(ok).toMatchObject({ __typename: 'LoginOk', user: { email: EMAIL, role: 'STAFF' } });
    expect(await call(LOGIN, { e: EMAIL, p: 'my own password 1' })).toMatchObject({
      __typename: 'LoginOk',
    });
    const again = await call(ACTIVATE_STAFF, {
      in: { email: EMAIL, code: secret, password: 'another password 2' },
    });
    expect(again).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'code' });
    expect(await call(STAFF_CODE, { u: userId, p: 'ACTIVATION' }, w.tokens.operator)).toMatchObject(
      { code: 'CONFLICT' },
    );
    const trail = await t.services.operatorAudit.page(SYSTEM, 100);
    const codes = trail.items.filter(
      (a) => a.action === 'user.activation-code' && a.target.id === userId,
    );
    expect(codes.map((a) => a.actor.kind).sort()).toEqual(['operator', 'staff']);
  });

  it(`resets with a reset code through resetPassword, locked after ${MAX_CODE_ATTEMPTS} wrong tries`, async () => {
    const first = await call(STAFF_CODE, { u: userId, p: 'RESET' }, w.tokens.operator);
    expect(first).toMatchObject({ __typename: 'StaffCode', purpose: 'RESET' });
    const reset = (code: string, password = 'a reset password') =>
      call(RESET, { in: { email: EMAIL, code, password } });
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++)
      expect(await reset('AAAA-BBBB-CCCC')).toMatchObject({ field: 'code' });
    expect(await reset(first.secret)).toMatchObject({
      field: 'code',
      message: expect.stringContaining('locked') as unknown,
    });
    tick(1000);
    const second = await call(STAFF_CODE, { u: userId, p: 'RESET' }, w.tokens.operator);
    expect(await reset(second.secret)).toMatchObject({
      __typename: 'LoginOk',
      user: { role: 'STAFF' },
    });
    expect(await reset(second.secret, 'yet another password')).toMatchObject({
      message: expect.stringContaining('used') as unknown,
    });
    tick(1000);
    const third = await call(STAFF_CODE, { u: userId, p: 'RESET' }, w.tokens.operator);
    tick(25 * HOUR);
    expect(await reset(third.secret)).toMatchObject({
      message: expect.stringContaining('expired') as unknown,
    });
  });
});
