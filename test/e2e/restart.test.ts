// The server on the embedded database, killed with SIGKILL and started again: nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, tempDataDir } from '../../embedded-db/launcher.ts';
import { DEMO_PASSWORD } from '../../domain/demo/demo-data.ts';

const children: ChildProcess[] = [];
let dataDir = '';

async function startServer(port: number): Promise<ChildProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env['MONGODB_URI'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not get ready: ${output}`);
}

async function gql<T>(
  port: number,
  query: string,
  variables: object = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data: T; errors?: unknown };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

const login = async (port: number, email: string) =>
  (
    await gql<{ login: { token: string; user: { institutionId: string } } }>(
      port,
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginOk { token user { institutionId } } } }`,
      { e: email, p: DEMO_PASSWORD },
    )
  ).login;

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (dataDir) await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe.skipIf(!!process.env['MONGODB_URI'])('npm start on the embedded database', () => {
  it('survives kill -9: the next start stops the orphaned PostgreSQL and finds every record', async () => {
    dataDir = await tempDataDir('creditbank-e2e-');
    const port = await freePort();
    const first = await startServer(port);
    const registrar = await login(port, 'registrar@zju.example');
    const { registerLearner } = await gql<{ registerLearner: { learner: { id: string } } }>(
      port,
      `mutation { registerLearner(input: { nationalId: "330106200101019999", name: "重启测试" }) { ... on RegisterLearnerOk { learner { id } } } }`,
      {},
      registrar.token,
    );
    const learnerId = registerLearner.learner.id;
    const recorded = await gql<{ recordAchievement: { entry: { hash: string } } }>(
      port,
      `mutation($i: ID!, $l: ID!) { recordAchievement(institutionId: $i, input: { learnerId: $l, sourceRecordId: "KILL-1", kind: COURSE, courseCode: "CS101", earnedAt: "2025-01-10", grade: { score: 90 } }) { ... on RecordAchievementOk { entry { hash } } } }`,
      { i: registrar.user.institutionId, l: learnerId },
      registrar.token,
    );

    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true); // PostgreSQL was orphaned

    const second = await startServer(port);
    const operator = await login(port, 'operator@creditbank.example');
    const after = await gql<{
      learnerRecord: { items: { hash: string }[] };
      verifyChain: { valid: boolean };
    }>(
      port,
      `query($l: ID!) { learnerRecord(learnerId: $l) { ... on LedgerPage { items { hash } } } verifyChain(learnerId: $l) { ... on ChainVerification { valid } } }`,
      { l: learnerId },
      operator.token,
    );
    expect(after.learnerRecord.items.map((e) => e.hash)).toEqual([
      recorded.recordAchievement.entry.hash,
    ]);
    expect(after.verifyChain.valid).toBe(true);

    // SIGTERM during a request: the request finishes, then the server, FerretDB and PostgreSQL stop.
    const registrar2 = await login(port, 'registrar@zju.example');
    const csv = [
      'sourceRecordId,learnerId,kind,credits,creditSystem,category,level,earnedAt,titleEn',
    ]
      .concat(
        Array.from(
          { length: 3000 },
          (_, i) => `TERM-${i},${learnerId},training,0.5,CN,general,3,2024-05-01,Module ${i}`,
        ),
      )
      .join('\n');
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${registrar2.token}` },
      body: JSON.stringify({
        query: `mutation($i: ID!, $d: String!) { importRecords(institutionId: $i, format: CSV, data: $d) { ... on ImportReport { created failed } } }`,
        variables: { i: registrar2.user.institutionId, d: csv },
      }),
    });
    await new Promise((r) => setTimeout(r, 150));
    second.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(
      ((await response.json()) as { data: { importRecords: { created: number } } }).data
        .importRecords.created,
    ).toBe(3000);
    const code = await new Promise<number | null>((r) => second.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
