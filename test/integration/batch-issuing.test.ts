// Batch issuing killed midway (SIGKILL) and run again: every credential exactly once, in the ledger exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import { mongoCredentialRepositories } from '../../storage/credential-repositories.ts';
import { createTestApp, testSecrets, type TestApp } from '../setup/app.ts';

// Three chunks of the pipeline (250 each): killed after the first is stored, before the last.
const CLASS = 600;
let t: TestApp;
let dir = '';
let file = '';
const learnerIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.services.institutions.register(SYSTEM, {
    slug: 'kill-u',
    name: { zh: '中断大学', en: 'Interrupted University' },
    type: 'university',
    region: 'CN',
    accreditation: [{ qualificationType: 'bachelor', levels: [] }],
  });
  for (let i = 0; i < CLASS; i++) {
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: `KILL${String(i).padStart(8, '0')}`,
      name: `Graduate ${i}`,
    });
    learnerIds.push(learner.id);
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'creditbank-kill-'));
  file = path.join(dir, 'class.jsonl');
  await writeFile(
    file,
    learnerIds
      .map((learnerId, i) =>
        JSON.stringify({
          learnerId,
          kind: 'qualification',
          qualification: { qualificationType: 'bachelor', name: { en: 'Bachelor of Arts' } },
          requestKey: `student-${i}`,
        }),
      )
      .join('\n'),
  );
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function issueBatch(): {
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
} {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/cli.ts',
      'issue-batch',
      '--institution',
      'kill-u',
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
        PUBLIC_URL: 'https://creditbank.test',
        LOG_LEVEL: 'silent',
      },
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out })),
  );
  return { child, done };
}

describe('batch issuing killed midway', () => {
  it('issues nothing twice when run again after a SIGKILL, and leaves no credential out of the ledger', async () => {
    const Credential = t.db.models.Credential;
    const first = issueBatch();
    // Kill it once some of the class is stored and before all of it is.
    let stored = 0;
    for (let i = 0; i < 1200; i++) {
      stored = await Credential.countDocuments({});
      if (stored >= 1) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.code).toBe(null);
    // A write the killed process had sent may still land: let it, then count.
    await new Promise((r) => setTimeout(r, 1000));
    const atKill = await Credential.countDocuments({});
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(CLASS);

    const second = issueBatch();
    const rerun = await second.done;
    expect(rerun.code, rerun.out).toBe(0);
    const counts = JSON.parse(rerun.out.slice(rerun.out.indexOf('{'))) as Record<string, number>;
    expect(counts).toMatchObject({ failed: 0, existing: atKill, issued: CLASS - atKill });

    // Exactly one credential per request, each on its own status slot.
    const records = await Promise.all(
      learnerIds.map((id) =>
        mongoCredentialRepositories(t.db.models).credentials.listByLearner(id),
      ),
    );
    expect(records.map((r) => r.length)).toEqual(learnerIds.map(() => 1));
    const slots = new Set(records.flat().map((c) => `${c.statusList}:${c.statusIndex}`));
    expect(slots.size).toBe(CLASS);

    // Exactly one ledger entry per credential, naming it, in a chain that verifies.
    for (const [k, learnerId] of learnerIds.entries()) {
      const { chain, ...report } = await t.services.ledger.checkedChain(learnerId);
      expect(report.valid).toBe(true);
      const issued = chain.filter((e) => e.body.type === 'credential');
      expect(issued.map((e) => 'credentialId' in e.body && e.body.credentialId)).toEqual([
        records[k]![0]!.id,
      ]);
    }
  }, 180_000);
});
