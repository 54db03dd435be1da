// The embedded database has one owner at a time: a server that started beside a CLI command keeps working after it ends.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, tempDataDir } from '../../embedded-db/launcher.ts';
import { DEMO_PASSWORD } from '../../domain/demo/demo-data.ts';

const children: ChildProcess[] = [];
let dataDir = '';
let serverPort = 0;
let serverOutput = '';

function env(extra: Record<string, string>): Record<string, string | undefined> {
  const e: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...extra,
  };
  delete e['MONGODB_URI'];
  return e;
}

/** A process holding the database like a long CLI command (an import); it ends when its stdin closes. */
async function holdDatabase(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-embedded-db.ts'], {
    env: env({ SEED_DEMO: 'false' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('ready')) resolve();
    });
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}: ${output}`)));
  });
  return child;
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    env: env({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  child.stdout?.on('data', (c: Buffer) => (serverOutput += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (serverOutput += c.toString()));
  if (!(await readyWithin(port, 60_000, child)))
    throw new Error(`server did not get ready: ${output}`);
  return child;
}

async function readyWithin(port: number, ms: number, child: ChildProcess): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (child.exitCode !== null) return false;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const login = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }`,
      variables: { e: 'operator@creditbank.example', p: DEMO_PASSWORD },
    }),
  });
  const json = (await res.json()) as { data?: { login: { __typename: string } } };
  if (!json.data) console.error(JSON.stringify(json), serverOutput.slice(-3000));
  return json.data?.login.__typename;
};

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (dataDir) await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe.skipIf(!!process.env['MONGODB_URI'])('the embedded database shared by processes', () => {
  it('a server started while a CLI command owned the database takes it over when the command ends', async () => {
    dataDir = await tempDataDir('creditbank-owner-');
    const holder = await holdDatabase();
    const port = (serverPort = await freePort());
    const server = await startServer(port); // a guest: the holder runs PostgreSQL and FerretDB
    expect(await login(port)).toBe('LoginOk');

    holder.stdin?.end(); // the command ends, and stops the database it started
    await new Promise((r) => holder.once('exit', r));
    expect(await readyWithin(port, 20_000, server)).toBe(true);
    expect(await login(port)).toBe('LoginOk');
    const handshake = JSON.parse(
      await fs.readFile(path.join(dataDir, 'embedded-db.json'), 'utf8'),
    ) as { pid: number };
    expect(handshake.pid).toBe(server.pid);
  }, 120_000);

  it('a CLI command beside the running server uses its database and leaves it running', async () => {
    const server = children[1]!;
    const port = serverPort;
    const guest = await holdDatabase();
    guest.stdin?.end();
    await new Promise((r) => guest.once('exit', r));
    expect(server.exitCode).toBeNull();
    expect(await readyWithin(port, 1_000, server)).toBe(true);
    expect(await login(port)).toBe('LoginOk');
  }, 60_000);

  it('keeps its handshake and password files private to the owner (0600)', async () => {
    for (const f of ['embedded-db.json', 'embedded-db-password'])
      expect((await fs.stat(path.join(dataDir, f))).mode & 0o777).toBe(0o600);
  });
});
