// Bearer tokens answer to the user store: sign out everywhere, deleted accounts; client mistakes are not logged as errors.
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/server.ts';
import { createServices } from '../../api/services.ts';
import { SYSTEM } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, testConfig, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t.close());

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename ... on LoginOk { token } } }`;
const login = async (email: string, password = w.password) =>
  (await t.gql<{ login: { token: string } }>(LOGIN, { e: email, p: password })).data?.login.token ??
  '';
const me = (token: string) => t.gql<{ me: { role: string } | null }>('{ me { role } }', {}, token);

/** Another server process on the same database: it has cached nothing. */
function otherProcess() {
  const services = createServices(t.db, testConfig());
  return {
    me: async (token: string) => {
      const { yoga } = buildApp(services, pino({ level: 'silent' }));
      const res = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      return { status: res.status, ...((await res.json()) as object) } as {
        status: number;
        errors?: { extensions?: { code?: string } }[];
      };
    },
    close: () => services.close(),
  };
}

describe('sign out everywhere', () => {
  it('ends every token of that person, here and in another process, and a new sign-in works', async () => {
    const phone = await login('staff@a.example');
    const laptop = await login('staff@a.example');
    expect((await me(phone)).data?.me?.role).toBe('STAFF');
    expect((await me(laptop)).data?.me?.role).toBe('STAFF');

    const out = await t.gql<{ signOutEverywhere: boolean }>(
      'mutation { signOutEverywhere }',
      {},
      phone,
    );
    expect(out.data?.signOutEverywhere).toBe(true);

    for (const token of [phone, laptop]) {
      const r = await me(token);
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0]?.message).toMatch(/signed out/);
    }
    const other = otherProcess();
    expect((await other.me(laptop)).status).toBe(401);
    await other.close();

    const fresh = await login('staff@a.example');
    expect((await me(fresh)).data?.me?.role).toBe('STAFF');
    // Someone else's tokens are untouched.
    expect((await me(w.tokens.staffB)).data?.me?.role).toBe('STAFF');
  });

  it('needs a signed-in person', async () => {
    const r = await t.gql('mutation { signOutEverywhere }');
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const key = await t.services.accounts.createApiKey(SYSTEM, w.instA.id, 'k', ['records:read']);
    const byKey = await t.gql('mutation { signOutEverywhere }', {}, key.token);
    expect(byKey.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('a disabled account', () => {
  it('can neither use its tokens nor sign in, until the operator enables it again', async () => {
    const user = await t.services.accounts.createStaff(SYSTEM, w.instA.id, {
      email: 'paused@a.example',
      name: 'Paused',
      password: w.password,
    });
    const token = await login('paused@a.example');
    const SET = `mutation($u: ID!, $d: Boolean!) { setUserDisabled(userId: $u, disabled: $d) { __typename ... on User { disabledAt } ... on ResultError { code } } }`;
    const off = await t.gql<{ setUserDisabled: { disabledAt: string | null } }>(
      SET,
      { u: user.id, d: true },
      w.tokens.operator,
    );
    expect(off.data?.setUserDisabled.disabledAt).toEqual(expect.any(String));
    expect((await me(token)).status).toBe(401);
    expect((await me(token)).errors?.[0]?.message).toMatch(/disabled/);
    const refused = await t.gql<{ login: { code: string } }>(
      `mutation { login(email: "paused@a.example", password: "${w.password}") { __typename ... on ResultError { code } } }`,
    );
    expect(refused.data?.login.code).toBe('UNAUTHENTICATED');

    const on = await t.gql<{ setUserDisabled: { disabledAt: string | null } }>(
      SET,
      { u: user.id, d: false },
      w.tokens.operator,
    );
    expect(on.data?.setUserDisabled.disabledAt).toBeNull();
    expect((await me(token)).data?.me?.role).toBe('STAFF');
  });
});

describe('a deleted account', () => {
  it('signs nobody in with the tokens it had', async () => {
    const user = await t.services.accounts.createStaff(SYSTEM, w.instB.id, {
      email: 'leaver@b.example',
      name: 'Leaver',
      password: w.password,
    });
    const token = await login('leaver@b.example');
    expect((await me(token)).data?.me?.role).toBe('STAFF');
    await t.db.models.User.deleteOne({ _id: user.id });
    const other = otherProcess();
    const r = await other.me(token);
    await other.close();
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('what the logs say about client mistakes', () => {
  it('logs none of them at error level', async () => {
    const lines: { level: number; msg?: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(l) as { level: number; msg?: string });
        done();
      },
    });
    const { app } = buildApp(t.services, pino({ level: 'info' }, sink));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const post = (path: string, body: string, token?: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
      });
    const statuses = [
      (await post('/graphql', JSON.stringify({ query: '{ me { role ' }))).status,
      (await post('/graphql', JSON.stringify({ query: '{ nope }' }))).status,
      (await post('/graphql', JSON.stringify({ query: '{ me { role } }' }), 'not-a-token')).status,
      (await post('/graphql', '{"query": ')).status,
      (await post('/credentials/verify', '{}')).status,
      (await post('/credentials/issue', '{"credential": 1}', w.tokens.learner1)).status,
      // A credential or a status list that is not there, and a body over BODY_LIMIT.
      (
        await fetch(`${base}/credentials/urn:uuid:no-such-credential`, {
          headers: { authorization: `Bearer ${w.tokens.learner1}` },
        })
      ).status,
      (await fetch(`${base}/status-lists/no-such-institution/revocation/1`)).status,
      (await post('/credentials/verify', JSON.stringify({ padding: 'x'.repeat(6 * 1024 * 1024) })))
        .status,
    ];
    server.close();
    await once(server, 'close');
    expect(
      statuses.every((s) => s >= 400 && s < 500),
      String(statuses),
    ).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
