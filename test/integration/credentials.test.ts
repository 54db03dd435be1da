// Verifiable credentials end to end: GraphQL issuing, the W3C VC API, status lists, keys, DIDs.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { compactVerify, decodeProtectedHeader } from 'jose';
import type { Worker } from 'node:worker_threads';
import {
  createVerifyPool,
  deriveCredential,
  generateKey,
  loadSigner,
} from '../../credentials/index.ts';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { CredentialService } from '../../domain/issuance/credential-service.ts';
import { InstitutionKeys } from '../../domain/issuance/institution-keys.ts';
import {
  mongoCredentialRepositories,
  placeStatusEvents,
} from '../../storage/credential-repositories.ts';
import { equalityFields } from '../../storage/connection.ts';
import { keyStatusEntries, mongoRepositories } from '../../storage/repositories.ts';
import { createTestApp, createWorld, testSecrets, type TestApp } from '../setup/app.ts';
import { freePort } from '../../embedded-db/launcher.ts';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let server: Server;
let port: number;
let base: string;
let entryId: string;
let staffA: Actor;
let apiKeyA: string;

const ISSUE = `mutation Issue($inst: ID!, $input: IssueCredentialInput!) {
  issueCredential(institutionId: $inst, input: $input) {
    __typename
    ... on IssuedCredential { id serialized format hash revoked suspended ledgerEntryId statusListCredentials achievementTypes }
    ... on ResultError { code message }
  }
}`;

interface Issued {
  __typename: string;
  id: string;
  serialized: string;
  format: string;
  hash: string;
  ledgerEntryId: string;
  statusListCredentials: string[];
  code?: string;
  message?: string;
}

async function issue(
  input: Record<string, unknown>,
  token = w.tokens.staffA,
  inst = w.instA.id,
): Promise<Issued> {
  const res = await t.gql<{ issueCredential: Issued }>(
    ISSUE,
    { inst, input: { learnerId: w.learner1.id, ...input } },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.issueCredential;
}

async function http(path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  expect(text).not.toMatch(/\.ts:\d|\/work\/|at [A-Za-z]+ \(/); // never a stack trace
  return {
    status: res.status,
    headers: res.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const verifyHttp = (credential: unknown) =>
  http('/credentials/verify', { verifiableCredential: credential });
const asDocument = (c: Issued): unknown =>
  c.format === 'VC_JWT' ? c.serialized : JSON.parse(c.serialized);
const failedCodes = (json: Record<string, unknown>) =>
  (json['checks'] as { status: string; code: string }[])
    .filter((c) => c.status === 'failed')
    .map((c) => c.code);

beforeAll(async () => {
  // The public URL must be where this test server listens: status lists are resolved through it.
  port = await freePort();
  t = await createTestApp({ config: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
  w = await createWorld(t);
  server = t.app.listen(port, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  staffA = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id };
  const o = await t.services.ledger.recordAchievement(staffA, w.instA.id, {
    learnerId: w.learner1.id,
    sourceRecordId: 'CRED-1',
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2024-06-30',
    grade: { score: 91 },
  });
  entryId = o.status === 'conflict' ? '' : o.entry.id;
  apiKeyA = (
    await t.services.accounts.createApiKey(SYSTEM, w.instA.id, 'sis', [
      'credentials:issue',
      'records:write',
    ])
  ).token;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

describe('issuing through GraphQL', () => {
  it.each(['EDDSA_RDFC_2022', 'ECDSA_RDFC_2019', 'VC_JWT'])(
    'issues an achievement credential as %s that verifies',
    async (format) => {
      const c = await issue({ kind: 'ACHIEVEMENT', entryId, format });
      expect(c.__typename).toBe('IssuedCredential');
      expect(c.statusListCredentials).toHaveLength(2);
      const { status, json } = await verifyHttp(asDocument(c));
      expect(status, JSON.stringify(json)).toBe(200);
      expect(json['verified']).toBe(true);
      // The issuance is in the learner's ledger, with the credential's hash.
      const entry = await t.services.ledger.entry(SYSTEM, c.ledgerEntryId);
      expect(entry.body).toMatchObject({
        type: 'credential',
        action: 'issued',
        credentialId: c.id,
        credentialHash: c.hash,
      });
    },
  );

  it('issues an ecdsa-sd-2023 base credential whose holder discloses a part, and the part verifies', async () => {
    const base = await issue({ kind: 'ACHIEVEMENT', entryId, format: 'ECDSA_SD_2023' });
    expect(base.format).toBe('ECDSA_SD_2023');
    // The base proof is for the holder, not for verifiers: a verifier wants a derived one.
    expect(failedCodes((await verifyHttp(asDocument(base))).json)).toContain('PROOF_NOT_DERIVED');
    const derived = await deriveCredential({
      credential: JSON.parse(base.serialized),
      selectivePointers: ['/credentialSubject/result'],
      documentLoader: t.services.documentLoader,
    });
    const v = await verifyHttp(derived);
    expect(v.status, JSON.stringify(v.json)).toBe(200);
    const subjectOf = (c: unknown) =>
      (c as { credentialSubject: Record<string, unknown> }).credentialSubject;
    expect(Object.keys(subjectOf(JSON.parse(base.serialized)))).toContain('result');
    expect(subjectOf(derived)['result']).toBeDefined(); // disclosed
    expect(Object.keys(subjectOf(JSON.parse(base.serialized)))).toContain('identifier');
    expect(subjectOf(derived)['identifier']).toBeUndefined(); // withheld by the holder
  });

  it('is checked independently by @digitalbazaar/vc and by jose', async () => {
    const di = await issue({ kind: 'ACHIEVEMENT', entryId });
    const result = await vc.verifyCredential({
      credential: JSON.parse(di.serialized),
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: t.services.documentLoader,
      checkStatus: () => Promise.resolve({ verified: true }),
    });
    expect(result.verified, JSON.stringify(result.error)).toBe(true);

    const jwt = await issue({ kind: 'ACHIEVEMENT', entryId, format: 'VC_JWT' });
    const { kid, alg, typ } = decodeProtectedHeader(jwt.serialized);
    expect([alg, typ]).toEqual(['EdDSA', 'vc+jwt']);
    const doc = (await http(`/institutions/${w.instA.slug}/did.json`)).json as {
      verificationMethod: { id: string; publicKeyMultibase: string }[];
    };
    const vm = doc.verificationMethod.find((m) => m.id === kid)!;
    const key = await Ed25519Multikey.from({
      ...vm,
      '@context': 'https://w3id.org/security/multikey/v1',
      type: 'Multikey',
      controller: kid!.split('#')[0],
    });
    const jwk = await Ed25519Multikey.toJwk({ keyPair: key });
    const { importJWK } = await import('jose');
    const verified = await compactVerify(jwt.serialized, await importJWK(jwk, 'EdDSA'), {
      algorithms: ['EdDSA'],
    });
    expect(JSON.parse(new TextDecoder().decode(verified.payload)).id).toBe(jwt.id);
  });

  it('issues a transcript (CLR 2.0) and a degree within the accreditation scope only', async () => {
    const transcript = await issue({ kind: 'TRANSCRIPT' });
    expect(transcript.__typename).toBe('IssuedCredential');
    expect(JSON.parse(transcript.serialized).type).toContain('ClrCredential');
    expect((await verifyHttp(asDocument(transcript))).json['verified']).toBe(true);

    const degree = await issue({
      kind: 'QUALIFICATION',
      qualification: {
        qualificationType: 'BACHELOR',
        name: { zh: '理学学士', en: 'Bachelor of Science' },
        level: 6,
        evidenceEntryIds: [entryId],
      },
    });
    expect(degree.__typename).toBe('IssuedCredential');
    // College B may award vocational diplomas, not bachelor's degrees; A may not award a master's.
    const outside = await issue(
      {
        kind: 'QUALIFICATION',
        qualification: { qualificationType: 'BACHELOR', name: { en: 'BSc' } },
      },
      w.tokens.staffB,
      w.instB.id,
    );
    expect(outside).toMatchObject({ __typename: 'ResultError', code: 'FORBIDDEN' });
    expect(
      (
        await issue({
          kind: 'QUALIFICATION',
          qualification: { qualificationType: 'MASTER', name: { en: 'MSc' } },
        })
      ).code,
    ).toBe('FORBIDDEN');
    // Another institution's entry, or a learner's own request, are refused.
    expect((await issue({ kind: 'ACHIEVEMENT', entryId }, w.tokens.staffB, w.instB.id)).code).toBe(
      'FORBIDDEN',
    );
    expect((await issue({ kind: 'ACHIEVEMENT', entryId }, w.tokens.learner1)).code).toBe(
      'FORBIDDEN',
    );
    expect((await issue({ kind: 'ACHIEVEMENT', entryId: 'nope' })).code).toBe('NOT_FOUND');
    expect((await issue({ kind: 'ACHIEVEMENT', entryId, learnerId: 'ghost' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('returns the same credential for the same requestKey', async () => {
    const a = await issue({ kind: 'ACHIEVEMENT', entryId, requestKey: 'grad-2026-0001' });
    const b = await issue({ kind: 'ACHIEVEMENT', entryId, requestKey: 'grad-2026-0001' });
    expect(b.id).toBe(a.id);
  });

  it('repairs a missing ledger entry when an issuance is retried (a crash between the two writes)', async () => {
    // The process died after storing the credential and before appending its entry (deleting
    // the entry afterwards would be tampering, which the chain now reports):
    const append = vi
      .spyOn(t.services.ledger, 'append')
      .mockRejectedValueOnce(new Error('the process died'));
    await expect(
      t.services.credentials.issue(staffA, {
        institutionId: w.instA.id,
        learnerId: w.learner1.id,
        what: { kind: 'achievement', entryId },
        requestKey: 'crash-1',
      }),
    ).rejects.toThrow('the process died');
    append.mockRestore();
    const first = (await t.db.models.Credential.findOne({
      requestKey: `${w.instA.id}:crash-1`,
    }).lean()) as unknown as { _id: string; ledgerEntryId: string; hash: string };
    const firstId = first._id;
    expect(first.ledgerEntryId).toBe(`${w.instA.id}:credential:${firstId}`);
    expect(await t.db.models.Entry.exists({ _id: first.ledgerEntryId })).toBeNull();
    const again = await t.services.credentials.issue(staffA, {
      institutionId: w.instA.id,
      learnerId: w.learner1.id,
      what: { kind: 'achievement', entryId },
      requestKey: 'crash-1',
    });
    expect(again.id).toBe(firstId);
    const entry = await t.services.ledger.entry(SYSTEM, first.ledgerEntryId);
    expect(entry.body).toMatchObject({
      type: 'credential',
      action: 'issued',
      credentialId: firstId,
      credentialHash: first.hash,
    });
    expect((await t.services.ledger.verify(SYSTEM, w.learner1.id)).valid).toBe(true);
  });

  it('allocates status list indexes without collision under concurrency', async () => {
    const issued = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.services.credentials.issue(staffA, {
          institutionId: w.instA.id,
          learnerId: w.learner1.id,
          what: { kind: 'achievement', entryId },
        }),
      ),
    );
    const slots = issued.map((c) => `${c.statusList}:${c.statusIndex}`);
    expect(new Set(slots).size).toBe(20);
  });
});

describe('verifying on worker threads', () => {
  it('verifies in process when a worker stops mid-way: no request fails for it', async () => {
    const workers: Worker[] = [];
    const pool = createVerifyPool({ workers: 1, onStart: (worker) => workers.push(worker) });
    const service = new CredentialService({
      ...mongoCredentialRepositories(t.db.models),
      keys: t.services.keys,
      institutions: t.services.institutions,
      learners: t.services.learners,
      ledger: t.services.ledger,
      documentLoader: t.services.documentLoader,
      resolveDid: (did) => t.services.keys.didDocument(did),
      kek: t.services.config.keyEncryptionKey,
      publicUrl: t.services.config.publicUrl,
      batchIssuer: () => {
        throw new Error('not used');
      },
      verifyPool: () => pool,
    });
    try {
      const credential = asDocument(await issue({ kind: 'ACHIEVEMENT', entryId }));
      expect((await service.verifyCredential(credential)).verified).toBe(true);
      const reports = Promise.all(
        Array.from({ length: 8 }, () => service.verifyCredential(credential)),
      );
      await Promise.all(workers.map((worker) => worker.terminate()));
      for (const report of await reports) expect(report.verified).toBe(true);
      expect(workers.length).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.close();
    }
  });
});

/** A CredentialService of its own (its own caches) on the test database. */
function credentialService(
  options: { statusListLength?: number; keys?: InstitutionKeys } = {},
): CredentialService {
  const keys = options.keys ?? t.services.keys;
  return new CredentialService({
    ...mongoCredentialRepositories(t.db.models),
    keys,
    institutions: t.services.institutions,
    learners: t.services.learners,
    ledger: t.services.ledger,
    documentLoader: t.services.documentLoader,
    resolveDid: (did) => keys.didDocument(did),
    kek: t.services.config.keyEncryptionKey,
    publicUrl: t.services.config.publicUrl,
    batchIssuer: () => {
      throw new Error('not used');
    },
    ...options,
  });
}

/** A training provider of its own, with a training of learner2's on its record to issue for. */
async function trainingProvider(slug: string, name: string, training: string) {
  const inst = await t.services.institutions.register(SYSTEM, {
    slug,
    name: { en: name },
    type: 'training_provider',
    region: 'CN',
    accreditation: [{ qualificationType: 'training_certificate', levels: [] }],
  });
  const staff: Actor = { kind: 'staff', userId: `${slug}-registrar`, institutionId: inst.id };
  const o = await t.services.ledger.recordAchievement(staff, inst.id, {
    learnerId: w.learner2.id,
    sourceRecordId: `${slug}-1`,
    kind: 'training',
    title: { en: training },
    credits: 1,
    creditSystem: 'CN',
    category: 'general',
    level: 3,
    earnedAt: '2024-01-01',
  });
  return { inst, staff, entryId: o.status === 'conflict' ? '' : o.entry.id };
}

describe('status lists filling up', () => {
  it('opens a new list when one is full, and both lists answer for their credentials', async () => {
    // The same service with 16-bit lists (production lists hold 131,072), for a fresh institution.
    const small = credentialService({ statusListLength: 16 });
    const {
      inst,
      staff,
      entryId: entry,
    } = await trainingProvider('tiny-lists', 'Tiny Lists College', 'First aid');
    const issued: Awaited<ReturnType<typeof small.issue>>[] = [];
    for (let i = 0; i < 10; i++)
      issued.push(
        await small.issue(staff, {
          institutionId: inst.id,
          learnerId: w.learner2.id,
          what: { kind: 'achievement', entryId: entry },
        }),
      );
    for (let i = 0; i < 10; i++)
      issued.push(
        await small.issue(staff, {
          institutionId: inst.id,
          learnerId: w.learner2.id,
          what: { kind: 'achievement', entryId: entry },
        }),
      );
    expect(issued.map((c) => `${c.statusList}:${c.statusIndex}`)).toEqual([
      ...Array.from({ length: 16 }, (_, i) => `1:${i}`),
      ...Array.from({ length: 4 }, (_, i) => `2:${i}`),
    ]);
    await small.changeStatus(staff, issued[17]!.id, 'revoked', 'issued twice');
    const report = async (k: number) => small.verifyCredential(JSON.parse(issued[k]!.serialized));
    expect((await report(3)).verified).toBe(true);
    expect((await report(16)).verified).toBe(true);
    const revoked = await report(17);
    expect(revoked.checks.filter((c) => c.status === 'failed').map((c) => c.code)).toEqual([
      'STATUS_REVOKED',
    ]);
  });
});

describe('a foreign did:web issuer', () => {
  it('is not fetched unless configuration allows it: the check fails without any network call', async () => {
    const kek = new Uint8Array(32).fill(3);
    const key = await generateKey({
      type: 'Ed25519',
      controller: 'did:web:elsewhere.example',
      kek,
    });
    const c = JSON.parse((await issue({ kind: 'ACHIEVEMENT', entryId })).serialized) as Record<
      string,
      unknown
    >;
    const { proof: _p, credentialStatus: _s, ...unsigned } = c;
    const foreign = await vc.issue({
      credential: {
        ...unsigned,
        id: 'urn:uuid:4c6a2f10-2222-4222-8222-222222222222',
        issuer: { ...(c['issuer'] as object), id: 'did:web:elsewhere.example' },
      },
      suite: new DataIntegrityProof({
        signer: await loadSigner(key, kek),
        cryptosuite: eddsaRdfc2022,
      }),
      documentLoader: async (url: string) => {
        if (url.startsWith('did:web:elsewhere.example')) {
          const vm = {
            '@context': 'https://w3id.org/security/multikey/v1',
            id: key.id,
            type: 'Multikey',
            controller: key.controller,
            publicKeyMultibase: key.publicKeyMultibase,
          };
          return {
            contextUrl: null,
            documentUrl: url,
            document: url.includes('#')
              ? vm
              : {
                  '@context': [
                    'https://www.w3.org/ns/did/v1',
                    'https://w3id.org/security/multikey/v1',
                  ],
                  id: key.controller,
                  verificationMethod: [vm],
                  assertionMethod: [key.id],
                },
          };
        }
        return t.services.documentLoader(url);
      },
    });
    const realFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = (input: string | URL | Request) => {
      fetched.push(input instanceof Request ? input.url : input.toString());
      return Promise.reject(new Error('no network in this test'));
    };
    try {
      const report = await t.services.credentials.verifyCredential(foreign);
      expect(report.verified).toBe(false);
      expect(report.checks.find((x) => x.id === 'issuerKnown')?.code).toBe('ISSUER_UNKNOWN');
      expect(report.checks.find((x) => x.id === 'proof')?.status).toBe('failed');
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });
});

describe('status: revoke, suspend, reinstate', () => {
  it('fails the status check after revocation or suspension, with cache headers on the list', async () => {
    const c = await issue({ kind: 'ACHIEVEMENT', entryId });
    const list = await http(new URL(c.statusListCredentials[0]!).pathname);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(list.headers.get('etag')).toBeTruthy();
    expect((list.json['credentialSubject'] as { type: string }).type).toBe('BitstringStatusList');

    const suspend = await t.gql<{ suspendCredential: { suspended: boolean } }>(
      `mutation($id: ID!) { suspendCredential(id: $id, reason: "under review") { ... on IssuedCredential { suspended } ... on ResultError { code } } }`,
      { id: c.id },
      w.tokens.staffA,
    );
    expect(suspend.data?.suspendCredential.suspended).toBe(true);
    let v = await verifyHttp(asDocument(c));
    expect(v.status).toBe(400);
    expect(failedCodes(v.json)).toEqual(['STATUS_SUSPENDED']);

    // The VC API reinstates (a suspension set to false), then revokes.
    expect(
      (
        await http(
          '/credentials/status',
          {
            credentialId: c.id,
            credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'suspension' },
            status: false,
          },
          w.tokens.staffA,
        )
      ).status,
    ).toBe(200);
    expect((await verifyHttp(asDocument(c))).json['verified']).toBe(true);
    expect(
      (
        await http(
          '/credentials/status',
          {
            credentialId: c.id,
            credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
            status: true,
          },
          w.tokens.staffA,
        )
      ).status,
    ).toBe(200);
    v = await verifyHttp(asDocument(c));
    expect(failedCodes(v.json)).toEqual(['STATUS_REVOKED']);
    // Revocation is final, and recorded (with reasons) in the ledger.
    expect(
      (
        await http(
          '/credentials/status',
          {
            credentialId: c.id,
            credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'suspension' },
            status: true,
          },
          w.tokens.staffA,
        )
      ).status,
    ).toBe(409);
    const record = await t.services.ledger.record(SYSTEM, w.learner1.id, {
      types: ['credential'],
      first: 200,
    });
    const actions = record.items
      .filter((e) => e.body.type === 'credential' && e.body.credentialId === c.id)
      .map((e) => (e.body.type === 'credential' ? e.body.action : ''));
    expect(actions).toEqual(['issued', 'suspended', 'reinstated', 'revoked']);
    // Another institution cannot touch it.
    expect(
      (
        await http(
          '/credentials/status',
          {
            credentialId: c.id,
            credentialStatus: { type: 'x', statusPurpose: 'suspension' },
            status: true,
          },
          w.tokens.staffB,
        )
      ).status,
    ).toBe(403);
  });
});

describe('status lists derived from status events', () => {
  it('places events recorded without their status list, so that the list shows them again', async () => {
    const c = await t.services.credentials.issue(staffA, {
      institutionId: w.instA.id,
      learnerId: w.learner1.id,
      what: { kind: 'achievement', entryId },
    });
    await t.services.credentials.changeStatus(staffA, c.id, 'suspended', 'under review');
    const suspended = async () =>
      (await credentialService().verifyCredential(JSON.parse(c.serialized))).checks
        .filter((x) => x.status === 'failed')
        .map((x) => x.code);
    expect(await suspended()).toEqual(['STATUS_SUSPENDED']);

    // An event as recorded before events carried the credential's place on its lists.
    const unplace = { institutionId: 1, statusList: 1, statusIndex: 1, statusListKey: 1 };
    await t.db.models.CredentialEvent.collection.updateMany(
      { credentialId: c.id },
      { $unset: unplace },
    );
    // The chained ledger entry still places the suspension: the list does not lose it meanwhile.
    expect(await suspended()).toEqual(['STATUS_SUSPENDED']);

    expect(await placeStatusEvents(t.db.models)).toBe(1);
    expect(await suspended()).toEqual(['STATUS_SUSPENDED']);
    const [event] = await t.services.credentials.events(staffA, c.id);
    expect(event).toMatchObject({
      institutionId: w.instA.id,
      statusList: c.statusList,
      statusIndex: c.statusIndex,
    });
    expect(await placeStatusEvents(t.db.models)).toBe(0);
  });

  it("reads a list's chained changes by one indexed statusListKey lookup, old entries keyed once", async () => {
    const c = await t.services.credentials.issue(staffA, {
      institutionId: w.instA.id,
      learnerId: w.learner1.id,
      what: { kind: 'achievement', entryId },
    });
    await t.services.credentials.changeStatus(staffA, c.id, 'revoked', 'issued in error');
    const list = () => t.services.ledger.statusEntries(w.instA.id, c.statusList);
    // What the list was read by before the key existed: every chained status change of the list.
    const before = async () =>
      (
        (await t.db.models.Entry.find({
          institutionId: w.instA.id,
          'body.type': 'credential',
          'body.statusList': c.statusList,
        }).lean()) as unknown as { _id: string }[]
      )
        .map((d) => d._id)
        .sort();
    const ids = (es: { id: string }[]) => es.map((e) => e.id).sort();
    const expected = await before();
    expect(expected.length).toBeGreaterThan(0);

    // One top-level equality on an indexed field (a GIN index on the embedded engine).
    const find = vi.spyOn(t.db.models.Entry, 'find');
    const read = await list();
    expect(find.mock.calls.map((call) => Object.keys(call[0] ?? {}))).toEqual([['statusListKey']]);
    find.mockRestore();
    expect(equalityFields(t.db.models)['ledger_entries']).toContain('statusListKey');
    expect(ids(read)).toEqual(expected);
    // The key is storage only: entries read back, and their hashes, are as recorded.
    for (const e of read) {
      expect(e).not.toHaveProperty('statusListKey');
      expect(await mongoRepositories(t.db.models).ledger.findById(e.id)).toEqual(e);
    }
    expect((await t.services.ledger.checkedChain(w.learner1.id)).firstBroken).toBeNull();

    // Entries as stored before the key existed: keyed once at start-up, then the list is the same.
    await t.db.models.Entry.collection.updateMany({}, { $unset: { statusListKey: '' } });
    expect(await list()).toEqual([]);
    // Already marked as done: a start does not search the ledger again.
    expect(await keyStatusEntries(t.db.models)).toBe(0);
    await t.db.models.StorageMark.deleteMany({});
    expect(await keyStatusEntries(t.db.models)).toBeGreaterThanOrEqual(expected.length);
    expect(ids(await list())).toEqual(expected);
    const byId = (es: { id: string }[]) => [...es].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await list())).toEqual(byId(read));
    expect(await keyStatusEntries(t.db.models)).toBe(0);
    const revoked = (await credentialService().verifyCredential(JSON.parse(c.serialized))).checks
      .filter((x) => x.status === 'failed')
      .map((x) => x.code);
    expect(revoked).toEqual(['STATUS_REVOKED']);
  });
});

describe('keys and DIDs', () => {
  it('serves did:web documents with Multikey methods, and the platform DID', async () => {
    const doc = await http(`/institutions/${w.instA.slug}/did.json`);
    expect(doc.json['id']).toBe(`did:web:127.0.0.1%3A${port}:institutions:uni-a`);
    expect(
      (doc.json['verificationMethod'] as { type: string }[]).every((m) => m.type === 'Multikey'),
    ).toBe(true);
    expect(JSON.stringify(doc.json)).not.toMatch(/encryptedPrivateKey|privateKey/);
    expect((await http('/.well-known/did.json')).json['id']).toBe(`did:web:127.0.0.1%3A${port}`);
    expect((await http('/institutions/nobody/did.json')).status).toBe(404);
  });

  it('keeps verifying after rotation, and rejects a key revoked before it signed', async () => {
    const before = await issue({ kind: 'ACHIEVEMENT', entryId });
    const rotated = await t.gql<{ rotateSigningKey: { id: string } }>(
      `mutation($i: ID!) { rotateSigningKey(institutionId: $i, type: ED25519) { ... on SigningKey { id } ... on ResultError { code } } }`,
      { i: w.instA.id },
      w.tokens.staffA,
    );
    expect(rotated.data?.rotateSigningKey.id).toBeTruthy();
    expect((await verifyHttp(asDocument(before))).json['verified']).toBe(true);

    // Compromised since before the second credential was signed: that one fails, the first still verifies.
    const victim = await issue({ kind: 'ACHIEVEMENT', entryId });
    const keyId = JSON.parse(victim.serialized).proof.verificationMethod as string;
    expect(keyId).toBe(rotated.data?.rotateSigningKey.id);
    const compromisedAt = new Date(Date.now() - 60_000).toISOString();
    const revoked = await t.gql(
      `mutation($k: ID!, $at: DateTime) { revokeSigningKey(keyId: $k, reason: "laptop stolen", compromisedAt: $at) { ... on SigningKey { revokedAt } ... on ResultError { code } } }`,
      { k: keyId, at: compromisedAt },
      w.tokens.staffA,
    );
    expect(revoked.errors).toBeUndefined();
    const v = await verifyHttp(asDocument(victim));
    expect(failedCodes(v.json)).toContain('KEY_REVOKED');
    expect((await verifyHttp(asDocument(before))).json['verified']).toBe(true);
    // A new current key took over, and issuing goes on.
    expect(
      (await verifyHttp(asDocument(await issue({ kind: 'ACHIEVEMENT', entryId })))).json[
        'verified'
      ],
    ).toBe(true);
  });

  it('signs status lists again with the current key once theirs is revoked, in every process', async () => {
    const s = t.services;
    const { inst, staff, entryId } = await trainingProvider(
      'key-turnover',
      'Key Turnover Institute',
      'Forklift safety',
    );
    const what = { kind: 'achievement' as const, entryId };
    const signedWith = async (service: CredentialService) =>
      (
        JSON.parse(
          (await service.statusListCredential('key-turnover', 'revocation', 1)).serialized,
        ) as { proof: { verificationMethod: string } }
      ).proof.verificationMethod;

    // Another process, whose caches live on a clock the test moves.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const elsewhere = credentialService({
        keys: new InstitutionKeys(
          mongoCredentialRepositories(t.db.models).keys,
          s.institutions,
          Buffer.from(testSecrets.KEY_ENCRYPTION_KEY, 'base64'),
          s.keys.didHost,
        ),
      });
      const c = await s.credentials.issue(staff, {
        institutionId: inst.id,
        learnerId: w.learner2.id,
        what,
      });
      const issuedAt = Date.now();
      // The lists are signed a few seconds later, here and elsewhere, after the key is compromised.
      vi.setSystemTime(issuedAt + 5_000);
      const firstKey = await signedWith(s.credentials);
      expect(await signedWith(elsewhere)).toBe(firstKey);

      const compromisedAt = new Date(issuedAt + 2_000).toISOString();
      await s.keys.revoke(staff, firstKey, 'key leaked', compromisedAt);
      // Here at once: the list is signed with the key that took over, and the credential (signed
      // before the compromise) verifies.
      expect(await signedWith(s.credentials)).not.toBe(firstKey);
      expect((await s.credentials.verifyCredential(JSON.parse(c.serialized))).verified).toBe(true);
      // Elsewhere once its caches expire: the same bits are signed again, not served as before.
      vi.setSystemTime(Date.now() + 31_000);
      const report = await elsewhere.verifyCredential(JSON.parse(c.serialized));
      expect(report.checks.filter((x) => x.status === 'failed')).toEqual([]);
      expect(await signedWith(elsewhere)).toBe(await signedWith(s.credentials));
    } finally {
      vi.useRealTimers();
    }
  });

  it('generates one key per type when first uses race, within a process and across two', async () => {
    const s = t.services;
    const inst = await s.institutions.register(SYSTEM, {
      slug: 'key-race',
      name: { zh: '密钥竞争学院', en: 'Key Race College' },
      type: 'vocational_college',
      region: 'CN',
      accreditation: [{ qualificationType: 'course_certificate', levels: [] }],
    });
    const picked = await Promise.all(
      Array.from({ length: 12 }, () => s.keys.activeKey(inst.id, 'P-256')),
    );
    expect(new Set(picked.map((k) => k.id)).size).toBe(1);
    const typesOf = async () => (await s.keys.list(SYSTEM, inst.id)).map((k) => k.type).sort();
    expect(await typesOf()).toEqual(['P-256']);

    // A second service on the same database stands for a second server process.
    const other = new InstitutionKeys(
      mongoCredentialRepositories(t.db.models).keys,
      s.institutions,
      Buffer.from(testSecrets.KEY_ENCRYPTION_KEY, 'base64'),
      s.keys.didHost,
    );
    await Promise.all([s.keys.activeKey(inst.id, 'Ed25519'), other.activeKey(inst.id, 'Ed25519')]);
    const [a, b] = await Promise.all([
      s.keys.activeKey(inst.id, 'Ed25519'),
      other.activeKey(inst.id, 'Ed25519'),
    ]);
    expect(b.id).toBe(a.id);
    expect((await typesOf()).filter((type) => type === 'Ed25519').length).toBeLessThanOrEqual(2);
  });
});

describe('the W3C VC API', () => {
  /** An Open Badge as a SIS sends it, naming its institution (A unless told) as the issuer. */
  const credentialBody = (issuer: string = t.services.keys.didOf(w.instA)) => ({
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer,
    name: 'Calculus',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://uni-a.example/courses/MATH101',
        type: ['Achievement'],
        achievementType: 'Course',
        name: 'Calculus',
        description: 'Limits and derivatives',
        criteria: { narrative: 'Pass the exam' },
      },
    },
  });

  it('issues with an API key (201) and verifies what it issued', async () => {
    const res = await http(
      '/credentials/issue',
      { credential: credentialBody(), options: { learnerId: w.learner1.id } },
      apiKeyA,
    );
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const issued = res.json['verifiableCredential'] as Record<string, unknown>;
    expect(issued['issuer']).toBe(t.services.keys.didOf(w.instA));
    expect((await verifyHttp(issued)).status).toBe(200);
    const jwt = await http(
      '/credentials/issue',
      { credential: credentialBody(), options: { learnerId: w.learner1.id, format: 'vc+jwt' } },
      apiKeyA,
    );
    expect((jwt.json['verifiableCredential'] as { type: string }).type).toBe(
      'EnvelopedVerifiableCredential',
    );
    expect((await verifyHttp(jwt.json['verifiableCredential'])).json['verified']).toBe(true);
  });

  it('returns the first credential for a repeated credentialId (200), and 409 for another request under it', async () => {
    const body = {
      credential: credentialBody(),
      options: { learnerId: w.learner1.id, credentialId: 'sis-7781' },
    };
    const first = await http('/credentials/issue', body, apiKeyA);
    expect(first.status).toBe(201);
    const again = await http('/credentials/issue', body, apiKeyA);
    expect(again.status).toBe(200);
    expect((again.json['verifiableCredential'] as { id: string }).id).toBe(
      (first.json['verifiableCredential'] as { id: string }).id,
    );
    const other = await http(
      '/credentials/issue',
      { ...body, options: { ...body.options, learnerId: w.learner2.id } },
      apiKeyA,
    );
    expect(other.status).toBe(409);
  });

  it('answers bad requests with a 4xx problem description, never a 500', async () => {
    expect(
      (
        await http('/credentials/issue', {
          credential: credentialBody(),
          options: { learnerId: w.learner1.id },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await http(
          '/credentials/issue',
          { credential: credentialBody(), options: { learnerId: w.learner1.id } },
          'garbage',
        )
      ).status,
    ).toBe(401);
    const wrongIssuer = await http(
      '/credentials/issue',
      {
        credential: { ...credentialBody(), issuer: 'did:web:evil.example' },
        options: { learnerId: w.learner1.id },
      },
      apiKeyA,
    );
    expect(wrongIssuer.status).toBe(403);
    expect(
      (await http('/credentials/issue', { credential: 'nope', options: {} }, apiKeyA)).status,
    ).toBe(400);
    expect(
      (
        await http(
          '/credentials/issue',
          {
            credential: { ...credentialBody(), '@context': ['https://example.com/ctx'] },
            options: { learnerId: w.learner1.id },
          },
          apiKeyA,
        )
      ).status,
    ).toBe(400);
    // A Course credential from an institution without course_certificate accreditation: 403.
    const keyB = (
      await t.services.accounts.createApiKey(SYSTEM, w.instB.id, 'sis', ['credentials:issue'])
    ).token;
    expect(
      (
        await http(
          '/credentials/issue',
          {
            credential: credentialBody(t.services.keys.didOf(w.instB)),
            options: { learnerId: w.learner1.id },
          },
          keyB,
        )
      ).status,
    ).toBe(403);

    const garbage = await http('/credentials/verify', '{"verifiableCredential": 42}');
    expect(garbage.status).toBe(400);
    expect((garbage.json['errors'] as { type: string }[])[0]?.type).toMatch(
      /PARSING_ERROR|MALFORMED_VALUE_ERROR/,
    );
    expect((await http('/credentials/verify', '{not json')).status).toBe(400);
    // No @context at all, and a signed credential carrying a term no context defines.
    const noContext = await http('/credentials/verify', {
      verifiableCredential: {
        type: ['VerifiableCredential'],
        issuer: 'did:example:x',
        credentialSubject: {},
      },
    });
    expect(noContext.status).toBe(400);
    expect(failedCodes(noContext.json)).toEqual(['MALFORMED']);
    const signed = JSON.parse((await issue({ kind: 'ACHIEVEMENT', entryId })).serialized) as Record<
      string,
      unknown
    >;
    const undefinedTerm = await http('/credentials/verify', {
      verifiableCredential: { ...signed, favouriteColour: 'blue' },
    });
    expect(undefinedTerm.status).toBe(400);
    expect(failedCodes(undefinedTerm.json)).toContain('TERM_UNDEFINED');
    expect(
      (
        await http('/credentials/verify', {
          verifiableCredential: {
            '@context': ['https://www.w3.org/ns/credentials/v2', 'https://unknown.example/ctx'],
            type: ['VerifiableCredential'],
          },
        })
      ).status,
    ).toBe(400);
  });

  it('fails a tampered credential and flags an unregistered issuer', async () => {
    const c = JSON.parse((await issue({ kind: 'ACHIEVEMENT', entryId })).serialized) as Record<
      string,
      unknown
    >;
    const tampered = structuredClone(c) as { credentialSubject: { name: string } };
    tampered.credentialSubject.name = 'Someone Else';
    const v = await verifyHttp(tampered);
    expect(v.status).toBe(400);
    expect(failedCodes(v.json)).toContain('PROOF_INVALID');
    expect(
      (v.json['errors'] as { type: string }[]).some((e) =>
        e.type.endsWith('CRYPTOGRAPHIC_SECURITY_ERROR'),
      ),
    ).toBe(true);

    // Signed correctly, but by a did:key nobody registered.
    const kek = new Uint8Array(32).fill(7);
    const key = await generateKey({ type: 'Ed25519', controller: 'did:key', kek });
    const signer = await loadSigner(key, kek);
    const { proof: _p, credentialStatus: _s, ...unsigned } = c;
    const forged = await vc.issue({
      credential: {
        ...unsigned,
        id: 'urn:uuid:3b5a2f10-1111-4111-8111-111111111111',
        issuer: { ...(c['issuer'] as object), id: key.controller },
      },
      suite: new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022 }),
      documentLoader: t.services.documentLoader,
    });
    // Authentic but from a did:key nobody registered: verified, with a warning that says so.
    const stranger = await verifyHttp(forged);
    expect(stranger.status).toBe(200);
    expect(stranger.json).toMatchObject({ verified: true, errors: [] });
    expect(stranger.json['warnings']).toEqual([
      expect.objectContaining({
        type: 'urn:creditbank:problem:ISSUER_UNKNOWN',
        title: expect.stringMatching(/^Authentic, issuer not registered with this credit bank/),
      }),
    ]);
  });

  it('verifies a presentation with its holder proof and challenge', async () => {
    const kek = new Uint8Array(32).fill(9);
    const holder = await generateKey({ type: 'Ed25519', controller: 'did:key', kek });
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: 'HOLDER00001',
      name: 'Holder',
      did: holder.controller,
    });
    const o = await t.services.ledger.recordAchievement(staffA, w.instA.id, {
      learnerId: learner.id,
      sourceRecordId: 'H-1',
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2024-01-01',
    });
    const c = await t.services.credentials.issue(staffA, {
      institutionId: w.instA.id,
      learnerId: learner.id,
      what: { kind: 'achievement', entryId: o.status === 'conflict' ? '' : o.entry.id },
    });
    const vp = await vc.signPresentation({
      presentation: vc.createPresentation({
        verifiableCredential: [JSON.parse(c.serialized)],
        holder: holder.controller,
      }),
      suite: new DataIntegrityProof({
        signer: await loadSigner(holder, kek),
        cryptosuite: eddsaRdfc2022,
      }),
      challenge: 'job-4711',
      domain: 'employer.example',
      documentLoader: t.services.documentLoader,
    });
    const ok = await http('/presentations/verify', {
      verifiablePresentation: vp,
      options: { challenge: 'job-4711', domain: 'employer.example' },
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    const wrong = await http('/presentations/verify', {
      verifiablePresentation: vp,
      options: { challenge: 'other', domain: 'employer.example' },
    });
    expect(wrong.status).toBe(400);
    expect(failedCodes(wrong.json)).toContain('CHALLENGE_MISMATCH');
  });
});

describe('batch issuance', () => {
  it('issues a class on worker threads, and a re-run issues nothing new', async () => {
    const inputs = Array.from({ length: 24 }, (_, i) => ({
      learnerId: w.learner1.id,
      kind: 'ACHIEVEMENT',
      entryId,
      requestKey: `class-2026-${i}`,
    }));
    const q = `mutation($i: ID!, $in: [IssueCredentialInput!]!) { issueCredentials(institutionId: $i, inputs: $in) { ... on BatchIssueOk { issued existing failed rows { credential { id serialized } } } } }`;
    const first = await t.gql<{
      issueCredentials: {
        issued: number;
        existing: number;
        failed: number;
        rows: { credential: { id: string; serialized: string } }[];
      };
    }>(q, { i: w.instA.id, in: inputs }, w.tokens.staffA);
    expect(first.data?.issueCredentials).toMatchObject({ issued: 24, existing: 0, failed: 0 });
    // The workers build each credential from the recipe the service checked: the same id and
    // achievement as the record, for every row.
    for (const { credential } of first.data!.issueCredentials.rows) {
      const signed = JSON.parse(credential.serialized) as {
        id: string;
        credentialSubject: { achievement: { achievementType: string } };
      };
      expect(signed.id).toBe(credential.id);
      expect(signed.credentialSubject.achievement.achievementType).toBe('Course');
    }
    const sample = JSON.parse(first.data!.issueCredentials.rows[5]!.credential.serialized);
    expect((await verifyHttp(sample)).json['verified']).toBe(true);
    const again = await t.gql<{ issueCredentials: { issued: number; existing: number } }>(
      q,
      { i: w.instA.id, in: inputs },
      w.tokens.staffA,
    );
    expect(again.data?.issueCredentials).toMatchObject({ issued: 0, existing: 24 });
  }, 60_000);
});

describe('batch issuance from the command line', () => {
  it('issues a class from a JSON lines file with progress, and a re-run issues nothing new', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'creditbank-batch-'));
    const file = path.join(dir, 'class-2026.jsonl');
    await writeFile(
      file,
      Array.from({ length: 30 }, (_, i) =>
        JSON.stringify({
          learnerId: w.learner1.id,
          kind: 'achievement',
          entryId,
          requestKey: `student-${i}`,
        }),
      ).join('\n'),
    );
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'scripts/cli.ts',
            'issue-batch',
            '--institution',
            'uni-a',
            '--file',
            file,
            '--batch-id',
            'grad-2026',
            '--quiet',
          ],
          {
            env: {
              ...process.env,
              ...testSecrets,
              MONGODB_URI: inject('mongodbUri'),
              DB_NAME: t.db.connection.name,
              PUBLIC_URL: `http://127.0.0.1:${port}`,
              LOG_LEVEL: 'silent',
            },
          },
        );
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const first = await run();
    expect(first.code, first.out).toBe(0);
    expect(JSON.parse(first.out.slice(first.out.indexOf('{')))).toMatchObject({
      issued: 30,
      existing: 0,
      failed: 0,
    });
    const again = await run();
    expect(JSON.parse(again.out.slice(again.out.indexOf('{')))).toMatchObject({
      issued: 0,
      existing: 30,
      failed: 0,
    });
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
});

describe('GraphQL verification', () => {
  it('reports every check, and garbage as malformed without throwing', async () => {
    const c = await issue({ kind: 'ACHIEVEMENT', entryId });
    const q = `query($c: String!) { verifyCredential(credential: $c) { verified checks { id status code message { zh en } } } }`;
    const ok = await t.gql<{
      verifyCredential: { verified: boolean; checks: { id: string; status: string }[] };
    }>(q, { c: c.serialized });
    expect(ok.data?.verifyCredential.verified).toBe(true);
    expect(ok.data?.verifyCredential.checks.map((x) => x.id)).toEqual(
      expect.arrayContaining([
        'proof',
        'status',
        'issuerKnown',
        'issuerAccredited',
        'keyNotRevoked',
      ]),
    );
    const bad = await t.gql<{
      verifyCredential: { verified: boolean; checks: { code: string; status: string }[] };
    }>(q, { c: 'not a credential' });
    expect(bad.data?.verifyCredential.verified).toBe(false);
    expect(bad.data?.verifyCredential.checks.find((x) => x.status === 'FAILED')?.code).toMatch(
      /MALFORMED|UNSUPPORTED_FORMAT/,
    );
  });
});
