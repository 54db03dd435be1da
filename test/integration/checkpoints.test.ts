// Signed checkpoints against the real database: publishing, the proofs checked offline, and what they catch.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../api/services.ts';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { GENESIS_HASH, sealEntry } from '../../domain/shared/chain.ts';
import type { LedgerEntry } from '../../domain/shared/types.ts';
import { verifierKey } from '../../domain/checkpoints/note.ts';
import { verifyCheckpointFiles } from '../../scripts/verify-checkpoint.ts';
import { createTestApp, createWorld, testConfig, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let staff: Actor;
let dir: string;
let server: Server;
let base: string;

const record = (learnerId: string, id: string) =>
  t.services.ledger.recordAchievement(staff, w.instA.id, {
    learnerId,
    sourceRecordId: id,
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2024-06-30',
    grade: { score: 80 },
  });

async function file(name: string, content: unknown): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const offline = (...args: string[]) => verifyCheckpointFiles(args);

const PROOF = `query($l: ID!, $n: Int) { chainInclusionProof(learnerId: $l, checkpoint: $n) {
  ... on InclusionProof { learnerId seq headHash leafIndex treeSize checkpoint proof note }
  ... on ResultError { code message } } }`;
const CHAIN = `query($l: ID!) { learnerRecord(learnerId: $l, first: 200) {
  ... on LedgerPage { items { seq hash hashedContent hashVersion } } } }`;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  staff = { kind: 'staff', userId: 's', institutionId: w.instA.id };
  dir = await mkdtemp(path.join(os.tmpdir(), 'checkpoints-'));
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

describe('signed checkpoints', () => {
  let key: string;
  let firstNote: string;

  it('publishes the head of every chain, signed by the operator key, over GraphQL and HTTP', async () => {
    await record(w.learner1.id, 'C-1');
    await record(w.learner1.id, 'C-2');
    await record(w.learner2.id, 'C-3');
    const denied = await t.gql(
      `mutation { publishCheckpoint { ... on ResultError { code } } }`,
      {},
      w.tokens.staffA,
    );
    expect(denied.data).toEqual({ publishCheckpoint: { code: 'FORBIDDEN' } });
    const r = await t.gql<{ publishCheckpoint: { published: { number: number; size: number }[] } }>(
      `mutation { publishCheckpoint { ... on PublishCheckpointOk { published { number size } refused { learnerId } } } }`,
      {},
      w.tokens.operator,
    );
    expect(r.data?.publishCheckpoint).toEqual({ published: [{ number: 1, size: 2 }], refused: [] });
    // Nothing moved: nothing new to sign.
    expect((await t.services.checkpoints.publish(SYSTEM)).published).toEqual([]);

    key = (await (await fetch(`${base}/checkpoints/key`)).text()).trim();
    const keys = await t.gql<{ checkpointKeys: { log: string } }>(`{ checkpointKeys { log } }`);
    expect(keys.data?.checkpointKeys.log).toBe(key);
    const res = await fetch(`${base}/checkpoints/latest`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    firstNote = await res.text();
    expect(firstNote).toMatch(
      /^creditbank\.test\/creditbank-ledger\n2\n[A-Za-z0-9+/=]{44}\ncheckpoint 1 /,
    );
    expect(firstNote).toMatch(/\n\n\u2014 creditbank\.test\/creditbank-ledger [A-Za-z0-9+/=]+\n$/);
    expect(await (await fetch(`${base}/checkpoints/1`)).text()).toBe(firstNote);
    expect((await fetch(`${base}/checkpoints/9`)).status).toBe(404);
    expect((await fetch(`${base}/checkpoints/x`)).status).toBe(400);
    const note = await file('kept-1.txt', firstNote);
    expect(offline('--key', key, '--note', note).code).toBe(0);
    // Another key does not verify it.
    const other = verifierKey(
      t.services.checkpoints.origin,
      generateKeyPairSync('ed25519').privateKey,
    );
    const wrong = offline('--key', other, '--note', note);
    expect(wrong.code).toBe(1);
    expect(wrong.findings[0]?.message).toMatch(/no valid signature/);
    expect(
      offline('--key', key.replace(/\+[0-9a-f]{8}\+/, '+00000000+'), '--note', note).code,
    ).toBe(2);
  });

  it('gives a learner an inclusion proof of their chain head that checks offline with their exported chain', async () => {
    const proof = await t.gql<{ chainInclusionProof: Record<string, unknown> }>(
      PROOF,
      { l: w.learner1.id },
      w.tokens.learner1,
    );
    expect(proof.data?.chainInclusionProof).toMatchObject({ seq: 2, checkpoint: 1, treeSize: 2 });
    const chain = await t.gql(CHAIN, { l: w.learner1.id }, w.tokens.learner1);
    const out = offline(
      '--key',
      key,
      '--inclusion',
      await file('inc-1.json', proof),
      '--chain',
      await file('chain-1.json', chain),
    );
    expect(out.findings.map((f) => f.message).join('\n')).toMatch(/is the published head/);
    expect(out.code).toBe(0);
    const other = await t.gql(PROOF, { l: w.learner1.id }, w.tokens.learner2);
    expect(other.data).toEqual({
      chainInclusionProof: { code: 'FORBIDDEN', message: expect.any(String) },
    });
    // Over HTTP, with the learner's token.
    const http = await fetch(`${base}/checkpoints/inclusion?learner=${w.learner1.id}`, {
      headers: { authorization: `Bearer ${w.tokens.learner1}` },
    });
    expect(await http.json()).toMatchObject({ seq: 2, leafIndex: expect.any(Number) });
    expect((await fetch(`${base}/checkpoints/inclusion?learner=${w.learner1.id}`)).status).toBe(
      401,
    );
  });

  it('chains checkpoints and proves each extends the one before', async () => {
    await record(w.learner1.id, 'C-4');
    const r = await t.services.checkpoints.publish(SYSTEM);
    expect(r.published.map((c) => [c.number, c.size])).toEqual([[2, 3]]);
    expect(r.published[0]!.note).toMatch(/\nprev [A-Za-z0-9+/=]{44}\n/);
    const res = await fetch(`${base}/checkpoints/consistency?from=1`);
    const proof = (await res.json()) as { fromNote: string; toNote: string };
    expect(proof.fromNote).toBe(firstNote);
    const kept = await file('kept-1b.txt', firstNote);
    const ok = offline(
      '--key',
      key,
      '--note',
      kept,
      '--consistency',
      await file('cons.json', proof),
    );
    expect(ok.code).toBe(0);
    // A proof that does not lead from the kept checkpoint fails.
    const bent = { ...proof, proof: [] };
    expect(offline('--key', key, '--consistency', await file('bent.json', bent)).code).toBe(1);
    const chain = await t.gql<{ verifyChain: { valid: boolean; checkpoint: number } }>(
      `query($l: ID!) { verifyChain(learnerId: $l) { ... on ChainVerification { valid checkpoint } } }`,
      { l: w.learner1.id },
      w.tokens.learner1,
    );
    expect(chain.data?.verifyChain).toEqual({ valid: true, checkpoint: 2 });
  });

  it('catches a deleted newest entry, which the chain alone cannot', async () => {
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: '330100200101010011',
      name: 'Deleted Head',
    });
    await record(learner.id, 'D-1');
    const newest = await record(learner.id, 'D-2');
    if (newest.status === 'conflict') throw new Error();
    await t.services.checkpoints.publish(SYSTEM);
    // An attacker (or a mistake) with write access to the database removes the newest entry.
    await t.db.models.Entry.collection.deleteOne({ _id: newest.entry.id } as never);
    const report = await t.services.ledger.verify(SYSTEM, learner.id);
    expect(report).toMatchObject({
      valid: false,
      firstBroken: { seq: 2, reason: 'CHECKPOINT_MISMATCH' },
    });
    // The next checkpoint refuses to publish the shortened chain, and names it.
    const r = await t.services.checkpoints.publish(SYSTEM, { full: true });
    expect(r.refused).toEqual([
      expect.objectContaining({ learnerId: learner.id, reason: 'CHECKPOINT_MISMATCH' }),
    ]);
  });

  it('catches a chain rewritten with fresh hashes throughout, online and offline', async () => {
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: '330100200101010022',
      name: 'Rewritten',
    });
    await record(learner.id, 'R-1');
    await record(learner.id, 'R-2');
    await t.services.checkpoints.publish(SYSTEM);
    const token = (
      await t.services.tokens.issue(
        await t.services.accounts.createLearnerAccount(SYSTEM, learner.id, {
          email: 'rewritten@test.example',
          name: 'R',
          password: w.password,
        }),
      )
    ).token;
    const kept = await file('kept-proof.json', await t.gql(PROOF, { l: learner.id }, token));
    // Every entry rewritten (one more credit each) and re-hashed, so the chain itself verifies.
    const docs = (await t.db.models.Entry.find({ learnerId: learner.id })
      .sort({ seq: 1 })
      .lean()) as unknown as (LedgerEntry & { _id: string })[];
    let prev = GENESIS_HASH;
    for (const d of docs) {
      const { _id, hash: _h, hashVersion: _v, targetEntryId: _t, ...rest } = d;
      const body = structuredClone(rest.body) as { achievement: { credits: number } };
      body.achievement.credits += 100;
      const forged = sealEntry({ ...rest, id: _id, prevHash: prev, body: body as never });
      const { id: _i, ...doc } = forged;
      await t.db.models.Entry.collection.replaceOne({ _id } as never, doc);
      prev = forged.hash;
    }
    const report = await t.services.ledger.verify(SYSTEM, learner.id);
    expect(report).toMatchObject({
      valid: false,
      firstBroken: { seq: 2, reason: 'CHECKPOINT_MISMATCH' },
    });
    // Offline: the learner's kept proof against the chain as the service now exports it.
    const chain = await file('chain-rewritten.json', await t.gql(CHAIN, { l: learner.id }, token));
    const out = offline(
      '--key',
      t.services.checkpoints.verifierKey,
      '--inclusion',
      kept,
      '--chain',
      chain,
    );
    expect(out.code).toBe(1);
    expect(out.findings.at(-1)?.message).toMatch(/not the published head/);
  });

  it('is co-signed by an institution that opts in, and checks offline with its key', async () => {
    const on = await t.gql(
      `mutation($i: ID!) { setCheckpointCosigning(institutionId: $i, enabled: true) { ... on CheckpointCosigningOk { enabled } } }`,
      { i: w.instA.id },
      w.tokens.staffA,
    );
    expect(on.data).toEqual({ setCheckpointCosigning: { enabled: true } });
    await record(w.learner2.id, 'CO-1');
    const r = await t.services.checkpoints.publish(SYSTEM);
    expect(r.published[0]?.cosignatures).toBe(1);
    const keys = await t.services.checkpoints.verifierKeys();
    const cosigner = keys.cosigners.find((c) => c.institutionId === w.instA.id)!.key;
    expect(cosigner).toMatch(/^did:web:/);
    const note = await file('cosigned.txt', r.published[0]!.note);
    const ok = offline('--key', keys.log, '--cosigner', cosigner, '--note', note);
    expect(ok.code).toBe(0);
    expect(ok.findings[0]?.message).toMatch(/co-signed by did:web:/);
    // A checkpoint from before the institution opted in lacks its co-signature.
    const earlier = await file('earlier.txt', (await t.services.checkpoints.get(1)).note);
    expect(offline('--key', keys.log, '--cosigner', cosigner, '--note', earlier).code).toBe(1);
    await t.services.checkpoints.setCosigning(SYSTEM, w.instA.id, false, 'test');
  });

  it('loads a log of many checkpoints, in order, in a process started after them', async () => {
    const before = (await t.services.checkpoints.latest())!.number;
    // Enough for the loader's first lookup and more than one round of 16 after it.
    for (let i = 0; i < 20; i++) {
      await record(w.learner2.id, `MANY-${i}`);
      expect((await t.services.checkpoints.publish(SYSTEM)).published).toHaveLength(1);
    }
    const fresh = createServices(t.db, testConfig());
    try {
      expect((await fresh.checkpoints.latest())!.number).toBe(before + 20);
      for (const n of [1, before, before + 1, before + 17, before + 20])
        expect((await fresh.checkpoints.get(n)).number).toBe(n);
      // The process that published them reads the same log.
      const same = await t.services.checkpoints.get(before + 17);
      expect((await fresh.checkpoints.get(before + 17)).note).toBe(same.note);
    } finally {
      await fresh.close();
    }
  });

  it('checks a chain against a checkpoint at once in the process that published it, within a quarter second in another', async () => {
    const other = createServices(t.db, testConfig());
    try {
      const before = (await other.ledger.verify(SYSTEM, w.learner1.id)).checkpoint;
      await record(w.learner1.id, 'FRESH-1');
      const [published] = (await t.services.checkpoints.publish(SYSTEM)).published;
      expect(published!.number).toBeGreaterThan(before ?? 0);
      expect((await t.services.ledger.verify(SYSTEM, w.learner1.id)).checkpoint).toBe(
        published!.number,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect((await other.ledger.verify(SYSTEM, w.learner1.id)).checkpoint).toBe(published!.number);
    } finally {
      await other.close();
    }
  });

  it('refuses a checkpoint log altered in the database without the operator key', async () => {
    const doc = (await t.db.models.Checkpoint.findById(1).lean()) as unknown as {
      heads: { learnerId: string; seq: number; headHash: string }[];
    };
    await t.db.models.Checkpoint.collection.updateOne({ _id: 1 } as never, {
      $set: { heads: doc.heads.map((h) => ({ ...h, headHash: GENESIS_HASH })) },
    });
    // Another process loads the log from the database.
    const fresh = createServices(t.db, testConfig());
    const err = await fresh.checkpoints.latest().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INTEGRITY_ERROR' });
    expect(String((err as Error).message)).toMatch(/Checkpoint 1 .*altered/);
    await fresh.close();
  });
});
