// Sharing several credentials through one link (a presentation), and a credential's public status notice.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import type { IssuedCredentialRecord } from '../../domain/issuance/credential-ports.ts';
import { MAX_SHARED_CREDENTIALS } from '../../domain/sharing/sharing.ts';
import { freePort } from '../../embedded-db/launcher.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let server: Server;
let base: string;
let first: IssuedCredentialRecord;
let second: IssuedCredentialRecord;
let jwt: IssuedCredentialRecord;
let others: IssuedCredentialRecord;

const SHARE = `mutation($in: ShareCredentialInput!) {
  shareCredential(input: $in) {
    __typename
    ... on CreatedShare { token url share { id credentialId credentialIds audience active } }
    ... on ResultError { code message field }
  }
}`;
const OPEN = `query($token: String!, $viewer: String) {
  sharedCredential(token: $token, viewer: $viewer) {
    __typename
    ... on SharedCredential {
      serialized
      credentials { id format serialized verification { verified checks { id status code } } }
    }
    ... on ResultError { code message }
  }
}`;
const LIST = `query($l: ID!) {
  credentialShares(learnerId: $l) {
    ... on CredentialShareList { items { id credentialIds views { viewer via } } }
  }
}`;
const NOTICE = `query($id: ID!) {
  credentialStatusNotice(id: $id) {
    __typename
    ... on CredentialStatusNotice { credentialId revoked suspended changes { action reason at } }
    ... on ResultError { code message field }
  }
}`;

type Row = Record<string, unknown> & { __typename: string };

async function share(input: Record<string, unknown>, token = w.tokens.learner1) {
  const res = await t.gql<{ shareCredential: Row }>(SHARE, { in: input }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.shareCredential;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await createTestApp({ config: { PUBLIC_URL: base } });
  w = await createWorld(t);
  server = t.app.listen(port, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const issue = async (learnerId: string, key: string, format = 'eddsa-rdfc-2022') => {
    const o = await t.services.ledger.recordAchievement(SYSTEM, w.instA.id, {
      learnerId,
      sourceRecordId: key,
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2025-06-30',
      grade: { score: 88 },
    });
    if (o.status === 'conflict') throw new Error(o.message);
    return t.services.credentials.issue(SYSTEM, {
      institutionId: w.instA.id,
      learnerId,
      what: { kind: 'achievement', entryId: o.entry.id },
      format,
      requestKey: key,
    });
  };
  first = await issue(w.learner1.id, 'SEV-1');
  second = await issue(w.learner1.id, 'SEV-2');
  jwt = await issue(w.learner1.id, 'SEV-3', 'vc+jwt');
  others = await issue(w.learner2.id, 'SEV-L2');
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

describe('one link for several credentials', () => {
  it('shows every credential, in the learner’s order, each verified, and records one opening', async () => {
    const created = await share({
      credentialIds: [second.id, jwt.id, first.id],
      audience: 'ACME Ltd, HR',
      expiresInHours: 48,
    });
    expect(created).toMatchObject({
      __typename: 'CreatedShare',
      share: {
        credentialId: second.id,
        credentialIds: [second.id, jwt.id, first.id],
        active: true,
      },
    });
    const token = created['token'] as string;

    const res = await fetch(`${base}/shared/${token}?viewer=Ms%20Chen`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      credentials: { id: string; verification: { verified: boolean } }[];
    };
    expect(body.credentials.map((c) => c.id)).toEqual([second.id, jwt.id, first.id]);
    expect(body.credentials.every((c) => c.verification.verified)).toBe(true);

    const opened = await t.gql<{ sharedCredential: Row }>(OPEN, { token, viewer: 'Agency' });
    const sc = opened.data!.sharedCredential as Row & {
      credentials: {
        id: string;
        format: string;
        serialized: string;
        verification: { verified: boolean };
      }[];
    };
    expect(sc.__typename).toBe('SharedCredential');
    expect(sc['serialized']).toBe(second.serialized);
    expect(sc.credentials.map((c) => [c.id, c.format, c.verification.verified])).toEqual([
      [second.id, 'EDDSA_RDFC_2022', true],
      [jwt.id, 'VC_JWT', true],
      [first.id, 'EDDSA_RDFC_2022', true],
    ]);
    expect(sc.credentials[1]!.serialized).toBe(jwt.serialized);

    const list = await t.gql<{
      credentialShares: { items: { id: string; credentialIds: string[]; views: unknown[] }[] };
    }>(LIST, { l: w.learner1.id }, w.tokens.learner1);
    const mine = list.data!.credentialShares.items.find(
      (s) => s.id === (created['share'] as Row)['id'],
    );
    expect(mine?.credentialIds).toEqual([second.id, jwt.id, first.id]);
    expect(mine?.views).toEqual([
      { viewer: 'Ms Chen', via: 'LINK' },
      { viewer: 'Agency', via: 'GRAPHQL' },
    ]);
  });

  it('refuses another learner’s credential, an unknown one, none at all, too many, or both fields at once, with nothing stored', async () => {
    const before = await t.db.connection.collection('credential_shares').countDocuments();
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ credentialIds: [first.id, others.id], audience: 'X' }, 'FORBIDDEN', undefined],
      [{ credentialIds: [first.id, 'urn:uuid:nope'], audience: 'X' }, 'NOT_FOUND', undefined],
      [{ credentialIds: [], audience: 'X' }, 'INPUT_VALIDATION_ERROR', 'credentialIds'],
      [{ audience: 'X' }, 'INPUT_VALIDATION_ERROR', 'credentialIds'],
      [
        {
          credentialIds: Array.from({ length: MAX_SHARED_CREDENTIALS + 1 }, (_, i) => `c${i}`),
          audience: 'X',
        },
        'INPUT_VALIDATION_ERROR',
        'credentialIds',
      ],
      [
        { credentialId: first.id, credentialIds: [second.id], audience: 'X' },
        'INPUT_VALIDATION_ERROR',
        'credentialIds',
      ],
      [{ credentialIds: [first.id], audience: '  ' }, 'INPUT_VALIDATION_ERROR', 'audience'],
    ];
    for (const [input, code, field] of cases) {
      const r = await share(input);
      expect(r, JSON.stringify(input).slice(0, 80)).toMatchObject({
        __typename: 'ResultError',
        code,
      });
      if (field) expect(r['field']).toBe(field);
    }
    expect(await t.db.connection.collection('credential_shares').countDocuments()).toBe(before);
  });

  it('still opens a share stored before shares could hold several (credentialId alone)', async () => {
    const created = await share({ credentialId: first.id, audience: 'Old style' });
    await t.db.connection
      .collection('credential_shares')
      .updateOne(
        { _id: (created['share'] as Row)['id'] as never },
        { $unset: { credentialIds: '' } },
      );
    const opened = await t.gql<{ sharedCredential: { credentials: { id: string }[] } }>(OPEN, {
      token: created['token'],
    });
    expect(opened.data!.sharedCredential.credentials.map((c) => c.id)).toEqual([first.id]);
  });
});

describe('a credential’s status notice', () => {
  it('tells anyone holding the credential when and why it was suspended, reinstated or revoked', async () => {
    const notice = async (id: string) =>
      (await t.gql<{ credentialStatusNotice: Row }>(NOTICE, { id })).data!.credentialStatusNotice;
    expect(await notice(second.id)).toEqual({
      __typename: 'CredentialStatusNotice',
      credentialId: second.id,
      revoked: false,
      suspended: false,
      changes: [],
    });
    await t.services.credentials.changeStatus(SYSTEM, second.id, 'suspended', 'Under review');
    await t.services.credentials.changeStatus(SYSTEM, second.id, 'reinstated', 'Review closed');
    await t.services.credentials.changeStatus(SYSTEM, second.id, 'revoked', 'Grade annulled');
    const n = (await notice(second.id)) as Row & {
      changes: { action: string; reason: string; at: string }[];
    };
    expect(n).toMatchObject({ revoked: true, suspended: false });
    expect(n.changes.map((c) => [c.action, c.reason])).toEqual([
      ['suspended', 'Under review'],
      ['reinstated', 'Review closed'],
      ['revoked', 'Grade annulled'],
    ]);
    expect(JSON.stringify(n)).not.toContain('actor');
    expect(await notice('urn:uuid:not-issued-here')).toMatchObject({ code: 'NOT_FOUND' });
    expect(await notice('')).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'id' });
  });
});
