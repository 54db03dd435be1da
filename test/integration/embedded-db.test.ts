// The embedded database's own guards: per-install credentials, password authentication, binaries reachable as root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDb, tempDataDir, type EmbeddedDb } from '../../embedded-db/launcher.ts';
import {
  EmbeddedDbUnavailable,
  isRoot,
  packagedNativeDir,
  runnableNativeDir,
} from '../../embedded-db/postgres.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

async function start(dataDir: string, extra: { nativeDir?: string } = {}): Promise<EmbeddedDb> {
  const db = await startEmbeddedDb({ dataDir, ephemeral: true, ...extra });
  cleanups.push(() => db.stop());
  return db;
}

async function fresh(prefix: string): Promise<string> {
  const dataDir = await tempDataDir(prefix);
  cleanups.push(() => fs.rm(path.dirname(dataDir), { recursive: true, force: true }));
  return dataDir;
}

/** Runs a query through FerretDB with the given URI; resolves to the error message, or 'ok'. */
async function tryQuery(uri: string): Promise<string> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 3_000, directConnection: true });
  try {
    await client.connect();
    await client.db('guard').collection('c').findOne({});
    return 'ok';
  } catch (err) {
    return String(err);
  } finally {
    await client.close().catch(() => {});
  }
}

async function pgQuery(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'ok';
  } catch (err) {
    return String((err as { code?: string }).code ?? err);
  } finally {
    await client.end().catch(() => {});
  }
}

describe.skipIf(!!process.env['MONGODB_URI'])('the embedded database', () => {
  it('requires this install’s credentials: no anonymous access, no trust, a 0600 password file', async () => {
    const dataDir = await fresh('creditbank-auth-');
    const db = await start(dataDir);
    const secret = path.join(path.dirname(dataDir), 'embedded-db-password');
    expect((await fs.stat(secret)).mode & 0o777).toBe(0o600);
    const password = (await fs.readFile(secret, 'utf8')).trim();
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(db.uri).toContain(encodeURIComponent(password));

    expect(await tryQuery(db.uri)).toBe('ok');
    expect(await tryQuery(`mongodb://127.0.0.1:${db.port}/`)).toMatch(/authentication failed/);
    expect(await tryQuery(db.uri.replace(encodeURIComponent(password), 'creditbank'))).toMatch(
      /authentication failed/,
    );
    const pgPort = new URL(db.pgUrl).port;
    expect(await pgQuery(`postgres://postgres@127.0.0.1:${pgPort}/postgres`)).not.toBe('ok');
    expect(await pgQuery(`postgres://postgres:creditbank@127.0.0.1:${pgPort}/postgres`)).toBe(
      '28P01',
    );
    const hba = await fs.readFile(path.join(dataDir, 'pg_hba.conf'), 'utf8');
    const rules = hba.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).toMatch(/scram-sha-256$/);
    // Nobody else can read what FerretDB runs with: no password on its command line.
    const cmdlines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(cmdlines).not.toContain(password);
  });

  it('gives a data directory from before per-install passwords its own password', async () => {
    const dataDir = await fresh('creditbank-legacy-');
    const db = await start(dataDir);
    const client = new pg.Client({ connectionString: db.pgUrl });
    await client.connect();
    await client.query(`ALTER ROLE postgres PASSWORD 'creditbank'`); // what every install used to have
    await client.end();
    await db.stop();
    await fs.rm(path.join(path.dirname(dataDir), 'embedded-db-password'));

    const again = await start(dataDir);
    expect(await tryQuery(again.uri)).toBe('ok');
    const pgPort = new URL(again.pgUrl).port;
    expect(await pgQuery(`postgres://postgres:creditbank@127.0.0.1:${pgPort}/postgres`)).toBe(
      '28P01',
    );
  });

  it.runIf(isRoot())(
    'starts as root from a checkout the postgres user cannot traverse (a 0700 folder)',
    async () => {
      const checkout = await fs.mkdtemp(path.join(os.tmpdir(), 'creditbank-checkout-'));
      cleanups.push(() => fs.rm(checkout, { recursive: true, force: true }));
      expect((await fs.stat(checkout)).mode & 0o777).toBe(0o700);
      const native = path.join(checkout, 'node_modules', 'native');
      await fs.cp(await packagedNativeDir(), native, { recursive: true, verbatimSymlinks: true });

      const db = await start(await fresh('creditbank-root-'), { nativeDir: native });
      expect(await tryQuery(db.uri)).toBe('ok');
      // The checkout itself was left as it was: nothing was opened up to other users.
      expect((await fs.stat(checkout)).mode & 0o777).toBe(0o700);
    },
    120_000,
  );

  it('says in one line what to do when the PostgreSQL binaries are missing', async () => {
    const err = await runnableNativeDir(undefined, '/nonexistent/native').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedDbUnavailable);
    expect((err as Error).message.split('\n')).toHaveLength(1);
    expect((err as Error).message).toMatch(/npm ci.*MONGODB_URI/);
  });
});
