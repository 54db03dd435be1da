// The verifier pool: worker threads give the report the verifier gives in process, ask back for
// what was not looked up in advance, and a lost worker fails its jobs (the caller verifies itself).
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {
  createVerifyPool,
  generateKey,
  issueCredential,
  loadSigner,
  lookupsNeeded,
  VerifyWorkerLost,
} from '../../../credentials/index.ts';
import type { CredentialFormat, StoredKey } from '../../../credentials/index.ts';
import { startTsWorker } from '../../../credentials/worker-thread.ts';
import type { FromWorker, ToWorker } from '../../../credentials/verifyWorker.ts';
import {
  createWorld,
  degreeCredential,
  LIST_URL,
  SUSPENSION_LIST_URL,
  transcriptCredential,
} from '../../fixtures/credentials.ts';

type World = Awaited<ReturnType<typeof createWorld>>;

const started: Worker[] = [];
const pool = createVerifyPool({ workers: 2, onStart: (worker) => started.push(worker) });
afterAll(() => pool.close());

async function sign(
  world: World,
  credential: Record<string, unknown>,
  format: CredentialFormat,
  key: StoredKey,
) {
  const issued = await issueCredential({
    credential,
    key,
    kek: world.kek,
    format,
    documentLoader: world.documentLoader,
  });
  return issued.jwt ?? issued.credential!;
}

describe('the verifier pool', () => {
  it('gives the report the verifier gives in process, for every format, check and failure', async () => {
    const world = await createWorld();
    await world.publishStatusList(LIST_URL, 'revocation', [3]);
    await world.publishStatusList(SUSPENSION_LIST_URL, 'suspension', [4]);
    const status = (revocation: number, suspension = 9) => ({
      credentialStatus: [world.revocationEntry(revocation), world.suspensionEntry(suspension)],
    });
    const inputs: unknown[] = [
      await sign(world, degreeCredential(status(1)), 'eddsa-rdfc-2022', world.ed),
      await sign(world, degreeCredential(status(2)), 'ecdsa-rdfc-2019', world.p256),
      await sign(world, transcriptCredential(status(5)), 'vc+jwt', world.ed),
      await sign(world, transcriptCredential(status(6)), 'vc+jwt', world.p256),
      await sign(world, degreeCredential(status(3)), 'eddsa-rdfc-2022', world.ed), // revoked
      await sign(world, degreeCredential(status(7, 4)), 'eddsa-rdfc-2022', world.ed), // suspended
      await sign(
        world,
        degreeCredential({ validUntil: '2024-12-01T00:00:00Z' }),
        'eddsa-rdfc-2022',
        world.ed,
      ), // expired at the world's clock
      '{"not json',
      'a.b.c',
      42,
      null,
      {},
      { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] },
    ];
    const tampered = structuredClone(inputs[0]) as Record<string, unknown>;
    tampered['validFrom'] = '2020-01-01T00:00:00Z';
    const undefinedTerm = structuredClone(inputs[0]) as Record<string, unknown>;
    undefinedTerm['notATerm'] = true;
    inputs.push(tampered, undefinedTerm);

    for (const input of inputs) {
      const inProcess = await world.verifier.verifyCredential(input);
      const pooled = await pool.verifyCredential(input, world.lookups, world.clock);
      expect(pooled).toEqual(inProcess);
      // As in process, a credential given as an object comes back as that object (not a copy).
      if (inProcess.credential === input) expect(pooled.credential).toBe(input);
    }
    // An issuer the registry does not know.
    const unregistered = await createWorld({ registry: {} });
    const stranger = await sign(
      unregistered,
      degreeCredential(),
      'eddsa-rdfc-2022',
      unregistered.ed,
    );
    const strangerReport = await pool.verifyCredential(
      stranger,
      unregistered.lookups,
      unregistered.clock,
    );
    expect(strangerReport).toEqual(await unregistered.verifier.verifyCredential(stranger));
    expect(strangerReport.errors).toBeUndefined();
    expect(strangerReport).toMatchObject({ verified: true, issuerRegistered: false });
    expect(strangerReport.checks.find((c) => c.id === 'issuerKnown')).toMatchObject({
      status: 'warning',
      code: 'ISSUER_UNKNOWN',
    });
    // The fixtures cover both outcomes and more than one failure.
    const reports = await Promise.all(
      inputs.map((input) => pool.verifyCredential(input, world.lookups, world.clock)),
    );
    expect(reports.filter((r) => r.verified).length).toBe(4);
    const failed = new Set(reports.flatMap((r) => (r.errors ?? []).map((e) => e.code)));
    for (const code of [
      'STATUS_REVOKED',
      'STATUS_SUSPENDED',
      'EXPIRED',
      'MALFORMED',
      'PROOF_INVALID',
    ])
      expect(failed).toContain(code);
  });

  it('sees a revocation at once: nothing about status is kept between jobs but signed lists', async () => {
    const world = await createWorld();
    await world.publishStatusList(LIST_URL, 'revocation', []);
    const input = await sign(
      world,
      degreeCredential({ credentialStatus: [world.revocationEntry(8)] }),
      'eddsa-rdfc-2022',
      world.ed,
    );
    expect((await pool.verifyCredential(input, world.lookups, world.clock)).verified).toBe(true);
    await world.publishStatusList(LIST_URL, 'revocation', [8]);
    const after = await pool.verifyCredential(input, world.lookups, world.clock);
    expect(after.errors?.map((e) => e.code)).toEqual(['STATUS_REVOKED']);
  });

  it('starts its workers ahead of the first verification when asked', async () => {
    const ready: Worker[] = [];
    const eager = createVerifyPool({ workers: 2, onStart: (worker) => ready.push(worker) });
    try {
      eager.start();
      eager.start();
      expect(ready.length).toBe(2);
      await Promise.all(ready.map((worker) => new Promise((r) => worker.once('online', r))));
    } finally {
      await eager.close();
    }
  });

  it('fails the jobs of a worker that stops, and carries on with a new one', async () => {
    const world = await createWorld();
    const input = await sign(world, degreeCredential(), 'eddsa-rdfc-2022', world.ed);
    await pool.verifyCredential(input, world.lookups, world.clock);
    const before = started.length;
    const inFlight = Promise.allSettled(
      Array.from({ length: 6 }, () => pool.verifyCredential(input, world.lookups, world.clock)),
    );
    await Promise.all(started.map((worker) => worker.terminate()));
    const settled = await inFlight;
    const lost = settled.filter((s) => s.status === 'rejected');
    expect(lost.length).toBeGreaterThan(0);
    for (const s of lost) expect(s.reason).toBeInstanceOf(VerifyWorkerLost);
    expect((await pool.verifyCredential(input, world.lookups, world.clock)).verified).toBe(true);
    expect(started.length).toBeGreaterThan(before);
  });
  it('gives a worker a few jobs at a time; the others wait for the first worker with room', async () => {
    const world = await createWorld();
    const input = await sign(world, degreeCredential(), 'eddsa-rdfc-2022', world.ed);
    let inHand = 0;
    let most = 0;
    const small = createVerifyPool({
      workers: 2,
      jobsInHand: 2,
      onStart: (worker) => {
        const post = worker.postMessage.bind(worker);
        worker.postMessage = (message: ToWorker) => {
          if (message.kind === 'job') most = Math.max(most, ++inHand);
          post(message);
        };
        // Before the pool's own listener, which gives the worker its next job.
        worker.prependListener('message', (message: FromWorker) => {
          if (message.kind === 'done') inHand--;
        });
      },
    });
    try {
      const reports = await Promise.all(
        Array.from({ length: 12 }, () => small.verifyCredential(input, world.lookups, world.clock)),
      );
      expect(reports.every((r) => r.verified)).toBe(true);
      expect(most).toBe(4); // two workers, two jobs each
    } finally {
      await small.close();
    }
  });

  it('gives the jobs waiting for a worker that stops to a new one', async () => {
    const world = await createWorld();
    const input = await sign(world, degreeCredential(), 'eddsa-rdfc-2022', world.ed);
    const workers: Worker[] = [];
    const one = createVerifyPool({ workers: 1, jobsInHand: 1, onStart: (w) => workers.push(w) });
    try {
      const inFlight = Promise.allSettled(
        Array.from({ length: 4 }, () => one.verifyCredential(input, world.lookups, world.clock)),
      );
      await new Promise((resolve) => setImmediate(resolve));
      await workers[0]!.terminate();
      const settled = await inFlight;
      // The job in the stopped worker's hands is lost (its caller verifies in process); the ones
      // waiting are verified by the worker that replaced it.
      expect(settled[0]).toMatchObject({ status: 'rejected' });
      expect((settled[0] as PromiseRejectedResult).reason).toBeInstanceOf(VerifyWorkerLost);
      for (const s of settled.slice(1)) expect(s).toMatchObject({ status: 'fulfilled' });
      expect(workers).toHaveLength(2);
    } finally {
      await one.close();
    }
  });

  it('stands aside when its workers keep stopping, so callers verify in process at once', async () => {
    const world = await createWorld();
    const input = await sign(world, degreeCredential(), 'eddsa-rdfc-2022', world.ed);
    let starts = 0;
    const failing = createVerifyPool({
      workers: 1,
      onStart: (worker) => {
        starts++;
        void worker.terminate();
      },
    });
    try {
      for (let i = 0; i < 3; i++) {
        await expect(failing.verifyCredential(input, world.lookups, world.clock)).rejects.toThrow(
          VerifyWorkerLost,
        );
      }
      await expect(failing.verifyCredential(input, world.lookups, world.clock)).rejects.toThrow(
        VerifyWorkerLost,
      );
      expect(starts).toBe(3);
    } finally {
      await failing.close();
    }
  });
});

describe('presentations in the pool', () => {
  it('give the report the verifier gives in process: holder proof, challenge, domain, credentials', async () => {
    const world = await createWorld();
    await world.publishStatusList(LIST_URL, 'revocation', [3]);
    const holderKey = await generateKey({ type: 'Ed25519', controller: 'did:key', kek: world.kek });
    const stranger = await generateKey({ type: 'Ed25519', controller: 'did:key', kek: world.kek });
    const credential = (status: number) =>
      sign(
        world,
        degreeCredential({
          subject: { id: holderKey.controller },
          credentialStatus: [world.revocationEntry(status)],
        }),
        'eddsa-rdfc-2022',
        world.ed,
      );
    const present = async (
      credentials: unknown[],
      key: StoredKey,
      options: { challenge: string; domain?: string },
    ) =>
      (await vc.signPresentation({
        presentation: vc.createPresentation({
          verifiableCredential: credentials,
          holder: key.controller,
        }),
        suite: new DataIntegrityProof({
          signer: await loadSigner(key, world.kek),
          cryptosuite: eddsaRdfc2022,
        }),
        challenge: options.challenge,
        domain: options.domain,
        documentLoader: world.documentLoader,
      })) as Record<string, unknown>;
    const good = await present([await credential(1), await credential(2)], holderKey, {
      challenge: 'c-1',
      domain: 'employer.example',
    });
    const tampered = structuredClone(good);
    (tampered['proof'] as Record<string, unknown>)['challenge'] = 'c-2';
    const cases: [unknown, { challenge?: string; domain?: string }][] = [
      [good, { challenge: 'c-1', domain: 'employer.example' }],
      [good, { challenge: 'c-2' }],
      [good, { challenge: 'c-1', domain: 'evil.example' }],
      [tampered, { challenge: 'c-2' }],
      [await present([await credential(3)], holderKey, { challenge: 'c-1' }), { challenge: 'c-1' }],
      [await present([await credential(4)], stranger, { challenge: 'c-1' }), { challenge: 'c-1' }],
      [JSON.stringify(good), { challenge: 'c-1' }],
      [undefined, { challenge: 'c' }],
      ['x', { challenge: 'c' }],
      [{ type: 'VerifiablePresentation' }, { challenge: 'c' }],
    ];
    const verdicts: boolean[] = [];
    for (const [input, expected] of cases) {
      const inProcess = await world.verifier.verifyPresentation(input, expected);
      const pooled = await pool.verifyPresentation(input, expected, world.lookups, world.clock);
      expect(pooled).toEqual(inProcess);
      verdicts.push(pooled.verified);
    }
    // Only the good presentation verifies (as an object, or as JSON text); the others fail.
    expect(verdicts).toEqual([true, false, false, false, false, false, true, false, false, false]);
  });

  it('are looked up in advance: the holder, and every credential with its issuer and status lists', async () => {
    const world = await createWorld();
    const holderKey = await generateKey({ type: 'Ed25519', controller: 'did:key', kek: world.kek });
    const credential = await sign(
      world,
      degreeCredential({
        subject: { id: holderKey.controller },
        credentialStatus: [world.revocationEntry(1), world.suspensionEntry(1)],
      }),
      'eddsa-rdfc-2022',
      world.ed,
    );
    const jwt = (await sign(world, transcriptCredential(), 'vc+jwt', world.p256)) as string;
    // Only read, never verified here: the holder's proof need not be valid.
    const vp = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: holderKey.controller,
      verifiableCredential: [
        credential,
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['EnvelopedVerifiableCredential'],
          id: `data:application/vc+jwt,${jwt}`,
        },
      ],
      proof: { type: 'DataIntegrityProof', verificationMethod: holderKey.id },
    };
    const needs = lookupsNeeded(vp);
    const issuer = world.ed.controller;
    expect(needs.issuers).toEqual([issuer]);
    expect(needs.dids).toEqual([issuer]);
    expect(needs.keys).toEqual(expect.arrayContaining([holderKey.id, world.ed.id, world.p256.id]));
    expect(needs.statusLists).toEqual([LIST_URL, SUSPENSION_LIST_URL]);
  });
});

describe('a verification worker', () => {
  it('asks back for every lookup it was not given, and verifies with the answers', async () => {
    const world = await createWorld();
    const input = await sign(world, degreeCredential(), 'eddsa-rdfc-2022', world.ed);
    const worker = startTsWorker(new URL('../../../credentials/verifyWorker.ts', import.meta.url));
    try {
      const asked: string[] = [];
      const report = await new Promise((resolve) => {
        worker.on('message', (message: FromWorker) => {
          // The credential verified is the input, which the worker does not send back.
          if (message.kind === 'done') {
            expect(message.inputIsCredential).toBe(true);
            return resolve({ ...message.report, credential: input });
          }
          asked.push(`${message.what} ${message.key}`);
          const answer =
            message.what === 'dids'
              ? world.lookups.resolveDid(message.key)
              : message.what === 'issuers'
                ? world.lookups.lookupIssuer(message.key)
                : message.what === 'keys'
                  ? world.lookups.keyStatus(message.key)
                  : world.lookups.fetchStatusList(message.key);
          void answer.then((value) =>
            worker.postMessage({
              kind: 'looked',
              call: message.call,
              result: { ok: true, value },
            } satisfies ToWorker),
          );
        });
        worker.postMessage({
          kind: 'job',
          id: 1,
          input,
          now: world.clock().toISOString(),
          snapshot: { dids: {}, issuers: {}, keys: {}, statusLists: {} },
        } satisfies ToWorker);
      });
      expect(report).toEqual(await world.verifier.verifyCredential(input));
      expect(asked.some((a) => a.startsWith('dids did:web:'))).toBe(true);
      expect(asked.some((a) => a.startsWith('issuers did:web:'))).toBe(true);
      expect(asked.some((a) => a.startsWith('keys did:web:'))).toBe(true);
    } finally {
      await worker.terminate();
    }
  });
});
