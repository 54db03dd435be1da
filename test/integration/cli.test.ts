// The command line against the real database: chain verification, account rebuild; and what the set-up says without Go.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { EmbeddedDbUnavailable, ensureFerretDbBinary } from '../../embedded-db/launcher.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';
import { runCli } from '../setup/cli.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;

const cli = async (...args: string[]) => {
  const r = await runCli(t.db.connection.name, args);
  return { code: r.code, out: r.output };
};

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const staff: Actor = { kind: 'staff', userId: 'r', institutionId: w.instA.id };
  await t.services.ledger.recordBatch(
    staff,
    w.instA.id,
    Array.from({ length: 12 }, (_, i) => ({
      learnerId: i % 2 ? w.learner1.id : w.learner2.id,
      sourceRecordId: `CLI-${i}`,
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2024-01-10',
    })),
  );
});
afterAll(() => t.close());

describe('npm run cli', () => {
  it('rebuild-accounts gives the same accounts the appends kept', async () => {
    const before = await Promise.all(
      [w.learner1.id, w.learner2.id].map((l) => t.services.repos.accounts.get(l)),
    );
    await t.db.models.Account.deleteMany({});
    const r = await cli('rebuild-accounts');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/rebuilt 2 credit account/);
    const after = await Promise.all(
      [w.learner1.id, w.learner2.id].map((l) => t.services.repos.accounts.get(l)),
    );
    expect(after).toEqual(before);
  }, 60_000);

  it('verify-chain exits 0 on intact chains and 1 naming the broken link', async () => {
    const ok = await cli('verify-chain');
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/every chain is valid/);
    const victim = (await t.services.ledger.record(SYSTEM, w.learner1.id)).items[2]!;
    await t.db.models.Entry.collection.updateOne({ _id: victim.id } as never, {
      $set: { recordedAt: '2020-01-01T00:00:00.000Z' },
    });
    const broken = await cli('verify-chain');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(
      `learner ${w.learner1.id}: BROKEN at seq 3, entry ${victim.id} (HASH_MISMATCH)`,
    );
  }, 60_000);

  it('create-operator makes a sign-in that works, and refuses a weak password without writing', async () => {
    const ok = await cli(
      'create-operator',
      '--email',
      'ops@cli.example',
      '--name',
      'Ops',
      '--password',
      'a-long-enough-pass',
    );
    expect(ok.code, ok.out).toBe(0);
    const user = await t.services.accounts.authenticate('ops@cli.example', 'a-long-enough-pass');
    expect(user.role).toBe('operator');
    const weak = await cli(
      'create-operator',
      '--email',
      'weak@cli.example',
      '--name',
      'Weak',
      '--password',
      'short',
    );
    expect(weak.code).toBe(2);
    expect(weak.out).toMatch(/10 to 200 characters/);
    expect(await t.db.models.User.countDocuments({ email: 'weak@cli.example' })).toBe(0);
  }, 60_000);

  it('answers a missing file in one line, without a stack trace, whichever command reads it', async () => {
    const missing = path.join(os.tmpdir(), `creditbank-missing-${process.pid}.jsonl`);
    const issue = await cli(
      'issue-batch',
      '--institution',
      'uni-a',
      '--file',
      missing,
      '--batch-id',
      'b1',
    );
    expect(issue.code).toBe(2);
    expect(issue.out.trim()).toBe(`No such file: ${missing}`);
    const key = await cli('verify-checkpoint', '--key', `@${missing}`, '--note', missing);
    expect(key.code).toBe(2);
    expect(key.out.trim().split('\n')).toHaveLength(1);
    expect(key.out).toContain(`No such file: ${missing}`);
    expect(key.out).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('explains a bad command in one usage text', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/usage: npm run cli/);
  }, 60_000);
});

describe('the embedded database without Go', () => {
  it('says in one line what to do', async () => {
    const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'creditbank-nogo-'));
    const err = await ensureFerretDbBinary(() => {}, {
      cacheDir,
      go: 'go-not-installed-here',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedDbUnavailable);
    expect((err as Error).message).toMatch(/Set MONGODB_URI .* or install Go/);
    expect((err as Error).message.split('\n')).toHaveLength(1);
    await fs.rm(cacheDir, { recursive: true, force: true });
  });
});
