// Sharing a credential by consent: a link for a limited time, withdrawn at will, every opening shown.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import type { IssuedCredentialRecord } from '../../domain/issuance/credential-ports.ts';
import { freePort } from '../../embedded-db/launcher.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let server: Server;
let base: string;
let diCredential: IssuedCredentialRecord;
let jwtCredential: IssuedCredentialRecord;
let learner2Credential: IssuedCredentialRecord;
// The clock only moves forward: status lists are signed at its time, and a list signed "later"
// would not be valid yet at an earlier time.
let clock = new Date('2026-03-01T08:00:00Z');
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));

const SHARE = `mutation($in: ShareCredentialInput!) {
  shareCredential(input: $in) {
    __typename
    ... on CreatedShare { token url share { id credentialId audience createdAt expiresAt revokedAt active } }
    ... on ResultError { code message field }
  }
}`;
const LIST = `query($l: ID!) {
  credentialShares(learnerId: $l) {
    __typename
    ... on CredentialShareList { items { id audience active revokedAt views { at viewer userAgent via } } }
    ... on ResultError { code message }
  }
}`;
const OPEN = `query($token: String!, $viewer: String) {
  sharedCredential(token: $token, viewer: $viewer) {
    __typename
    ... on SharedCredential { format serialized audience expiresAt verification { verified checks { id status code } } }
    ... on ResultError { code message }
  }
}`;
const REVOKE = `mutation($id: ID!) {
  revokeShare(id: $id) {
    __typename
    ... on CredentialShare { id active revokedAt }
    ... on ResultError { code message }
  }
}`;

interface Shared {
  __typename: string;
  token: string;
  url: string;
  share: { id: string; credentialId: string; expiresAt: string; active: boolean };
  code?: string;
  field?: string;
}

async function share(input: Record<string, unknown>, token = w.tokens.learner1): Promise<Shared> {
  const res = await t.gql<{ shareCredential: Shared }>(SHARE, { in: input }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.shareCredential;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  const text = await res.text();
  expect(text).not.toMatch(/\.ts:\d|\/work\/|at [A-Za-z]+ \(/); // never a stack trace
  return {
    status: res.status,
    headers: res.headers,
    json: JSON.parse(text) as Record<string, unknown>,
  };
}

interface ShareItem {
  id: string;
  audience: string;
  active: boolean;
  revokedAt: string | null;
  views: { at: string; viewer: string | null; userAgent: string | null; via: string }[];
}

async function shares(learnerId = w.learner1.id, token = w.tokens.learner1) {
  const res = await t.gql<{
    credentialShares: { __typename: string; items: ShareItem[]; code?: string };
  }>(LIST, { l: learnerId }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.credentialShares;
}

beforeAll(async () => {
  // Status lists are fetched from the public URL: it must be where this test server listens.
  const port = await freePort();
  t = await createTestApp({
    now: () => clock,
    config: { PUBLIC_URL: `http://127.0.0.1:${port}` },
  });
  w = await createWorld(t);
  server = t.app.listen(port, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entry = async (learnerId: string, id: string) => {
    const o = await t.services.ledger.recordAchievement(SYSTEM, w.instA.id, {
      learnerId,
      sourceRecordId: id,
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2025-06-30',
      grade: { score: 90 },
    });
    if (o.status === 'conflict') throw new Error(o.message);
    return o.entry.id;
  };
  const issue = async (learnerId: string, key: string, format: string) =>
    t.services.credentials.issue(SYSTEM, {
      institutionId: w.instA.id,
      learnerId,
      what: { kind: 'achievement', entryId: await entry(learnerId, key) },
      format,
      requestKey: key,
    });
  diCredential = await issue(w.learner1.id, 'SHARE-DI', 'eddsa-rdfc-2022');
  jwtCredential = await issue(w.learner1.id, 'SHARE-JWT', 'vc+jwt');
  learner2Credential = await issue(w.learner2.id, 'SHARE-L2', 'eddsa-rdfc-2022');
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

describe('sharing a credential by consent', () => {
  it('gives the learner a link that shows the credential with its verification, and records every opening', async () => {
    const created = await share({ credentialId: diCredential.id, audience: 'ACME Ltd, HR' });
    expect(created.__typename).toBe('CreatedShare');
    expect(created.url).toBe(`${base}/shared/${created.token}`);
    expect(created.share).toMatchObject({ credentialId: diCredential.id, active: true });
    // A week unless the learner says otherwise.
    expect(created.share.expiresAt).toBe('2026-03-08T08:00:00.000Z');

    const opened = await get(`/shared/${created.token}?viewer=ACME%20HR`, {
      'user-agent': 'acme-checker/1.0',
    });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    expect(opened.json['verifiableCredential']).toEqual(JSON.parse(diCredential.serialized));
    expect(opened.json['audience']).toBe('ACME Ltd, HR');
    expect(opened.json['verification']).toMatchObject({ verified: true, errors: [] });

    const openedAt = clock;
    tick(1000);
    const viaGraphql = await t.gql<{ sharedCredential: Record<string, unknown> }>(OPEN, {
      token: created.token,
      viewer: 'Employment agency',
    });
    expect(viaGraphql.data?.sharedCredential).toMatchObject({
      __typename: 'SharedCredential',
      format: 'EDDSA_RDFC_2022',
      serialized: diCredential.serialized,
      verification: { verified: true },
    });

    const list = await shares();
    const mine = list.items.find((s) => s.id === created.share.id);
    expect(mine?.views).toEqual([
      { at: openedAt.toISOString(), viewer: 'ACME HR', userAgent: 'acme-checker/1.0', via: 'LINK' },
      {
        at: new Date(openedAt.getTime() + 1000).toISOString(),
        viewer: 'Employment agency',
        userAgent: null,
        via: 'GRAPHQL',
      },
    ]);
    // The link's secret is shown once and kept only as a hash.
    const stored = await t.db.connection.collection('credential_shares').find().toArray();
    expect(JSON.stringify(stored)).not.toContain(created.token);
  });

  it('shares a JWT credential as the VC API does, in an envelope, verified', async () => {
    const created = await share({
      credentialId: jwtCredential.id,
      audience: 'Agency',
      expiresInHours: 2,
    });
    const opened = await get(`/shared/${created.token}`);
    expect(opened.status).toBe(200);
    expect(opened.json['verifiableCredential']).toEqual({
      '@context': 'https://www.w3.org/ns/credentials/v2',
      id: `data:application/vc+jwt,${jwtCredential.serialized}`,
      type: 'EnvelopedVerifiableCredential',
    });
    expect(opened.json['verification'], JSON.stringify(opened.json['verification'])).toMatchObject({
      verified: true,
      format: 'vc+jwt',
    });
  });

  it('stops working when it expires (410 GONE), and nothing is recorded then', async () => {
    const created = await share({
      credentialId: diCredential.id,
      audience: 'Short-lived',
      expiresInHours: 1,
    });
    expect((await get(`/shared/${created.token}`)).status).toBe(200);
    tick(60 * 60 * 1000);
    const expired = await get(`/shared/${created.token}`);
    expect(expired.status).toBe(410);
    expect(expired.json).toMatchObject({ title: 'GONE', status: 410 });
    const viaGraphql = await t.gql<{ sharedCredential: Record<string, unknown> }>(OPEN, {
      token: created.token,
    });
    expect(viaGraphql.data?.sharedCredential).toMatchObject({
      __typename: 'ResultError',
      code: 'GONE',
    });
    const mine = (await shares()).items.find((s) => s.id === created.share.id);
    expect(mine).toMatchObject({ active: false });
    expect(mine?.views).toHaveLength(1);
  });

  it('can be withdrawn at once by the learner, and withdrawing again changes nothing', async () => {
    const created = await share({ credentialId: diCredential.id, audience: 'Withdrawn' });
    const revoked = await t.gql<{ revokeShare: Record<string, unknown> }>(
      REVOKE,
      { id: created.share.id },
      w.tokens.learner1,
    );
    expect(revoked.data?.revokeShare).toMatchObject({
      __typename: 'CredentialShare',
      active: false,
      revokedAt: clock.toISOString(),
    });
    const gone = await get(`/shared/${created.token}`);
    expect(gone.status).toBe(410);
    expect(gone.json['detail']).toContain('withdrew');
    const revokedAt = clock.toISOString();
    tick(5000);
    const again = await t.gql<{ revokeShare: Record<string, unknown> }>(
      REVOKE,
      { id: created.share.id },
      w.tokens.learner1,
    );
    expect(again.data?.revokeShare['revokedAt']).toBe(revokedAt);
    // Nobody else withdraws it: not another learner, not the issuing institution.
    for (const token of [w.tokens.learner2, w.tokens.staffA, w.tokens.operator]) {
      const res = await t.gql<{ revokeShare: Record<string, unknown> }>(
        REVOKE,
        { id: created.share.id },
        token,
      );
      expect(res.data?.revokeShare).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('answers a link that never existed with 404, whatever its shape, and records nothing', async () => {
    const before = (await shares()).items.flatMap((s) => s.views).length;
    for (const token of [
      'A'.repeat(43),
      'short',
      'x'.repeat(5000),
      '%00',
      encodeURIComponent('../../credentials'),
    ]) {
      const res = await get(`/shared/${token}`);
      expect(res.status, token).toBe(404);
      expect(res.json).toMatchObject({
        title: 'NOT_FOUND',
        detail: 'No shared link has this token',
      });
    }
    const viaGraphql = await t.gql<{ sharedCredential: Record<string, unknown> }>(OPEN, {
      token: 'not-a-token',
    });
    expect(viaGraphql.data?.sharedCredential).toMatchObject({ code: 'NOT_FOUND' });
    expect((await shares()).items.flatMap((s) => s.views)).toHaveLength(before);
  });

  it('refuses bad input and anyone but the learner, writing nothing', async () => {
    const count = async () =>
      await t.db.connection.collection('credential_shares').countDocuments();
    const n = await count();
    expect(await share({ credentialId: diCredential.id, audience: '  ' })).toMatchObject({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'audience',
    });
    for (const hours of [0, -1, 2161]) {
      expect(
        await share({ credentialId: diCredential.id, audience: 'x', expiresInHours: hours }),
      ).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'expiresInHours' });
    }
    expect(await share({ credentialId: 'urn:uuid:nope', audience: 'x' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    // Another learner's credential; staff of the issuing institution; the operator; nobody.
    expect(await share({ credentialId: learner2Credential.id, audience: 'x' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const token of [w.tokens.staffA, w.tokens.operator]) {
      expect(await share({ credentialId: diCredential.id, audience: 'x' }, token)).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const anonymous = await t.gql<{ shareCredential: Record<string, unknown> }>(SHARE, {
      in: { credentialId: diCredential.id, audience: 'x' },
    });
    expect(anonymous.data?.shareCredential).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await count()).toBe(n);
    // Shares and their openings are the learner's (and the operator's) to see.
    expect((await shares(w.learner1.id, w.tokens.learner2)).code).toBe('FORBIDDEN');
    expect((await shares(w.learner1.id, w.tokens.staffA)).code).toBe('FORBIDDEN');
    expect((await shares(w.learner1.id, w.tokens.operator)).__typename).toBe('CredentialShareList');
  });
});
