// The operator audit trail and API keys' last use, through GraphQL on the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { OperatorAuditTrail } from '../../domain/identity/operator-audit.ts';
import { operatorAuditRepository } from '../../storage/operator-audit-repositories.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
// Near real time: tokens issued at this clock are checked by jose against the real one.
let clock = new Date();
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));

const TRAIL = `query($first: Int, $after: String) {
  operatorAuditTrail(first: $first, after: $after) {
    __typename
    ... on OperatorActionPage {
      items { seq at action actorKind actorId actorEmail before after status error target { kind id label institutionId } }
      pageInfo { hasNextPage endCursor }
    }
    ... on ResultError { code message field }
  }
}`;

interface Action {
  seq: number;
  action: string;
  actorKind: string;
  actorEmail: string | null;
  before: string | null;
  after: string | null;
  status: string;
  error: string | null;
  target: { kind: string; id: string; label: string; institutionId: string | null };
}
interface TrailResult {
  __typename: string;
  code?: string;
  field?: string;
  items: Action[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function trail(vars: { first?: number; after?: string | null }, token = w.tokens.operator) {
  const res = await t.gql<{ operatorAuditTrail: TrailResult }>(TRAIL, vars, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.operatorAuditTrail;
}

async function call(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await t.gql<Record<string, Record<string, unknown>>>(query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await createWorld(t);
});
afterAll(() => t?.close());

describe('operator audit trail', () => {
  it('records what the world was built with, newest first, with who, what and the change', async () => {
    const page = await trail({ first: 100 });
    expect(page.__typename).toBe('OperatorActionPage');
    const actions = page.items.map((a) => `${a.action} ${a.target.label}`);
    // createWorld: an operator, two institutions, two staff (learner accounts are not operator actions).
    expect(actions).toEqual([
      'USER_CREATE_STAFF staff@b.example',
      'USER_CREATE_STAFF staff@a.example',
      'INSTITUTION_REGISTER college-b',
      'INSTITUTION_REGISTER uni-a',
      'USER_CREATE_OPERATOR op@test.example',
    ]);
    expect(page.items.map((a) => a.seq)).toEqual([5, 4, 3, 2, 1]);
    const uniA = page.items[3]!;
    expect(uniA).toMatchObject({
      actorKind: 'system',
      actorEmail: null,
      before: null,
      after: 'university, CN-ZJ; accredited: bachelor 6; course_certificate; transcript',
      target: { kind: 'INSTITUTION', id: w.instA.id, institutionId: w.instA.id },
    });
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it("writes the operator's suspension, reinstatement and accreditation change with before and after", async () => {
    const SET = `mutation($id: ID!, $s: InstitutionStatus!) { setInstitutionStatus(id: $id, status: $s) { __typename } }`;
    await call(SET, { id: w.instB.id, s: 'SUSPENDED' }, w.tokens.operator);
    // Setting the status it has already changes nothing and writes nothing.
    await call(SET, { id: w.instB.id, s: 'SUSPENDED' }, w.tokens.operator);
    await call(SET, { id: w.instB.id, s: 'ACTIVE' }, w.tokens.operator);
    await call(
      `mutation($id: ID!) { setAccreditation(id: $id, accreditation: [{ qualificationType: VOCATIONAL_DIPLOMA, levels: [5, 4] }, { qualificationType: TRAINING_CERTIFICATE }]) { __typename } }`,
      { id: w.instB.id },
      w.tokens.operator,
    );
    const page = await trail({ first: 3 });
    expect(page.items.map((a) => [a.action, a.before, a.after, a.actorEmail])).toEqual([
      [
        'INSTITUTION_ACCREDITATION',
        'vocational_diploma 5',
        'vocational_diploma 4,5; training_certificate',
        'op@test.example',
      ],
      ['INSTITUTION_STATUS', 'suspended', 'active', 'op@test.example'],
      ['INSTITUTION_STATUS', 'active', 'suspended', 'op@test.example'],
    ]);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('writes staff changes to keys: API keys created and revoked, signing keys rotated and revoked', async () => {
    const created = await call(
      `mutation($i: ID!) { createApiKey(institutionId: $i, label: "SIS sync", scopes: [RECORDS_WRITE, RECORDS_READ]) { ... on CreateApiKeyOk { apiKey { id } } } }`,
      { i: w.instA.id },
      w.tokens.staffA,
    );
    const keyId = (created['apiKey'] as { id: string }).id;
    await call(
      `mutation($id: ID!) { revokeApiKey(id: $id) { __typename } }`,
      { id: keyId },
      w.tokens.staffA,
    );
    const rotated = await call(
      `mutation($i: ID!) { rotateSigningKey(institutionId: $i, type: ED25519) { ... on SigningKey { id } } }`,
      { i: w.instA.id },
      w.tokens.staffA,
    );
    await call(
      `mutation($k: ID!) { revokeSigningKey(keyId: $k, reason: "laptop stolen") { __typename } }`,
      { k: rotated['id'] },
      w.tokens.staffA,
    );
    const page = await trail({ first: 4 });
    expect(
      page.items.map((a) => [a.action, a.target.label, a.actorEmail, a.target.institutionId]),
    ).toEqual([
      ['SIGNINGKEY_REVOKE', 'Ed25519', 'staff@a.example', w.instA.id],
      ['SIGNINGKEY_ROTATE', 'Ed25519', 'staff@a.example', w.instA.id],
      ['APIKEY_REVOKE', 'SIS sync', 'staff@a.example', w.instA.id],
      ['APIKEY_CREATE', 'SIS sync', 'staff@a.example', w.instA.id],
    ]);
    expect(page.items[0]!.after).toMatch(/^revoked; compromised from .+: laptop stolen$/);
    expect(page.items[3]!.after).toBe('records:write, records:read');
  });

  it('is for the operator only, and refuses a bad page size or cursor beside the field', async () => {
    expect((await trail({}, w.tokens.staffA)).code).toBe('FORBIDDEN');
    expect((await trail({}, w.tokens.learner1)).code).toBe('FORBIDDEN');
    const anonymous = await t.gql<{ operatorAuditTrail: TrailResult }>(TRAIL, {});
    expect(anonymous.data?.operatorAuditTrail.code).toBe('UNAUTHENTICATED');
    expect(await trail({ first: 0 })).toMatchObject({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'first',
    });
    expect(await trail({ first: 101 })).toMatchObject({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'first',
    });
    expect(await trail({ after: 'x' })).toMatchObject({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'after',
    });
  });

  it('pages across blocks without a gap or a repeat, and two writers never share a position', async () => {
    // Two trails over the same collection stand for two server processes appending at once.
    const other = new OperatorAuditTrail(operatorAuditRepository(t.db.models), () => clock);
    const writers = [t.services.operatorAudit, other];
    const actor: Actor = SYSTEM;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        writers[i % 2]!.run(
          actor,
          'user.disable',
          { kind: 'user', id: `u${i}`, label: `u${i}@x.example` },
          { before: 'enabled', after: 'disabled' },
          () => Promise.resolve(),
        ),
      ),
    );
    const seen: number[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: TrailResult = await trail({ first: 17, after });
      seen.push(...page.items.map((a) => a.seq));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const total = seen[0]!;
    expect(total).toBeGreaterThan(60);
    // Every position from the newest down to 1, once each, in order.
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
  });
});

describe('the audit trail is write-ahead', () => {
  it('is written before the change: the change sees its own line as attempted, then it is SUCCEEDED', async () => {
    let during: Action | undefined;
    await t.services.operatorAudit.run(
      SYSTEM,
      'user.enable',
      { kind: 'user', id: 'wa-1', label: 'wa-1@x.example' },
      { before: 'disabled', after: 'enabled' },
      async () => {
        during = (await trail({ first: 1 })).items[0];
      },
    );
    expect(during).toMatchObject({ target: { id: 'wa-1' }, status: 'ATTEMPTED', error: null });
    expect((await trail({ first: 1 })).items[0]).toMatchObject({
      target: { id: 'wa-1' },
      status: 'SUCCEEDED',
    });
  });

  it('keeps a change that fails after its audit line as FAILED with the error, and a crash in between as ATTEMPTED', async () => {
    // Two operators create the same account at once: each line is written before its insert, the
    // unique email index refuses a second insert, and the trail says which one succeeded.
    const input = { email: 'twin@a.example', name: 'Twin' };
    const results = await Promise.allSettled([
      t.services.accounts.createStaff(SYSTEM, w.instA.id, input),
      t.services.accounts.createStaff(SYSTEM, w.instA.id, input),
    ]);
    const created = results.filter((r) => r.status === 'fulfilled');
    expect(created).toHaveLength(1);
    const twins = (await trail({ first: 5 })).items.filter((a) => a.target.label === input.email);
    // A twin caught by the check before the insert writes nothing; one caught by the index FAILED.
    expect(twins.filter((a) => a.status === 'SUCCEEDED')).toHaveLength(1);
    expect(twins.filter((a) => a.status === 'ATTEMPTED')).toEqual([]);
    for (const a of twins.filter((x) => x.status === 'FAILED')) expect(a.error).toBeTruthy();

    // The change itself fails after the line was written.
    await expect(
      t.services.operatorAudit.run(
        SYSTEM,
        'institution.status',
        { kind: 'institution', id: w.instB.id, label: 'college-b' },
        { before: 'active', after: 'suspended' },
        () => Promise.reject(new Error('the database went away')),
      ),
    ).rejects.toThrow('the database went away');
    expect((await trail({ first: 1 })).items[0]).toMatchObject({
      action: 'INSTITUTION_STATUS',
      status: 'FAILED',
      error: 'the database went away',
    });

    // A crash between the change and its outcome: the line stays, attempted, with no outcome.
    await t.services.operatorAudit.begin(
      SYSTEM,
      'apikey.revoke',
      { kind: 'apikey', id: 'k-crash', label: 'crashed' },
      { before: 'active', after: 'revoked' },
    );
    expect((await trail({ first: 1 })).items[0]).toMatchObject({
      target: { id: 'k-crash' },
      status: 'ATTEMPTED',
    });
    // Outcomes are appended once: a second one for the same action is ignored.
    const [line] = (await t.services.operatorAudit.page(SYSTEM, 1)).items;
    await t.services.operatorAudit.finish(line!, { outcome: 'succeeded' });
    await t.services.operatorAudit.finish(line!, { outcome: 'failed', error: 'late' });
    expect((await trail({ first: 1 })).items[0]).toMatchObject({ status: 'SUCCEEDED' });
  });
});

describe('API key last use', () => {
  const ME = `{ me { role } }`;
  const KEYS = `query($i: ID!) { apiKeys(institutionId: $i) { ... on ApiKeyList { items { id lastUsedAt } } } }`;

  it('is null until used, then written at most once a minute', async () => {
    const { key, token } = await t.services.accounts.createApiKey(SYSTEM, w.instA.id, 'last use', [
      'records:read',
    ]);
    const lastUsed = async () => {
      const list = await call(KEYS, { i: w.instA.id }, w.tokens.staffA);
      return (list['items'] as { id: string; lastUsedAt: string | null }[]).find(
        (k) => k.id === key.id,
      )!.lastUsedAt;
    };
    expect(await lastUsed()).toBeNull();
    const writes: string[] = [];
    const markUsed = t.services.repos.apiKeys.markUsed.bind(t.services.repos.apiKeys);
    t.services.repos.apiKeys.markUsed = async (id, at) => {
      writes.push(at);
      await markUsed(id, at);
    };
    try {
      const first = clock.toISOString();
      await Promise.all(Array.from({ length: 5 }, () => t.gql(ME, {}, token)));
      expect(await lastUsed()).toBe(first);
      tick(30_000);
      await t.gql(ME, {}, token);
      expect(await lastUsed()).toBe(first);
      tick(31_000);
      await t.gql(ME, {}, token);
      expect(await lastUsed()).toBe(clock.toISOString());
      // Five requests at once and two within the minute wrote nothing more.
      expect(writes).toEqual([first, clock.toISOString()]);
    } finally {
      t.services.repos.apiKeys.markUsed = markUsed;
    }
  });
});
