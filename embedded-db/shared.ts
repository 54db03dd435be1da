// One embedded database per DATA_DIR, shared by our processes (server, CLI); a user that outlives the owner takes it over.
import fs from 'node:fs/promises';
import path from 'node:path';
import { installPassword, mongoUri, startEmbeddedDb, type EmbeddedDb } from './launcher.ts';
import { ensureEqualityIndexes, type EqualityFields } from './indexes.ts';

/** What the owner publishes (0600) for the other processes on the same DATA_DIR. */
interface Handshake {
  pid: number;
  port: number;
  pgPort: number;
}

export interface SharedEmbeddedDb {
  /** The URI to use now (it changes only when a takeover had to move to another port). */
  uri(): string;
  /** Does this process run the database (and stop it on close)? */
  isOwner(): boolean;
  ensureIndexes(dbName: string, fields: EqualityFields): Promise<number>;
  close(): Promise<void>;
}

export interface SharedOptions {
  /** DATA_DIR: the database lives in DATA_DIR/pg, its password in DATA_DIR/embedded-db-password. */
  dataDir: string;
  log: (line: string) => void;
  /** Called when a takeover had to put the database on another port: reconnect to `uri`. */
  onMoved?: (uri: string) => Promise<void>;
  /** How often a user that does not own the database checks that its owner is still there. */
  watchMs?: number;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function openSharedEmbeddedDb(opts: SharedOptions): Promise<SharedEmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  const handshakeFile = path.join(dataDir, 'embedded-db.json');
  const lockFile = path.join(dataDir, 'embedded-db.lock');
  const password = await installPassword(path.join(dataDir, 'embedded-db-password'));
  await fs.mkdir(dataDir, { recursive: true });

  const liveOwner = async (): Promise<Handshake | undefined> => {
    const h = await readJson<Handshake>(handshakeFile);
    return h && h.pid !== process.pid && alive(h.pid) ? h : undefined;
  };

  /** Become the owner, or find the process that is. A lock file makes one process win a race. */
  const acquire = async (): Promise<{ owned?: EmbeddedDb; handshake: Handshake }> => {
    for (;;) {
      const found = await liveOwner();
      if (found) return { handshake: found };
      let lock: fs.FileHandle | undefined;
      try {
        lock = await fs.open(lockFile, 'wx', 0o600);
        await lock.writeFile(String(process.pid));
      } catch (err) {
        await lock?.close();
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = Number(await fs.readFile(lockFile, 'utf8').catch(() => '0'));
        if (holder && !alive(holder)) await fs.rm(lockFile, { force: true });
        else await sleep(100);
        continue;
      }
      try {
        const again = await liveOwner();
        if (again) return { handshake: again };
        const previous = await readJson<Handshake>(handshakeFile);
        const owned = await startEmbeddedDb({
          dataDir: path.join(dataDir, 'pg'),
          secretFile: path.join(dataDir, 'embedded-db-password'),
          log: opts.log,
          // Keep the port the other users know, so their drivers simply reconnect.
          ...(previous ? { port: previous.port } : {}),
        });
        const handshake: Handshake = {
          pid: process.pid,
          port: owned.port,
          pgPort: Number(new URL(owned.pgUrl).port),
        };
        const tmp = `${handshakeFile}.${process.pid}.tmp`;
        await fs.writeFile(tmp, JSON.stringify(handshake), { mode: 0o600 });
        await fs.rename(tmp, handshakeFile);
        return { owned, handshake };
      } finally {
        await lock.close();
        await fs.rm(lockFile, { force: true });
      }
    }
  };

  let state = await acquire();
  if (state.owned) opts.log('embedded database (PostgreSQL + FerretDB) started');
  else opts.log(`using the embedded database of process ${state.handshake.pid}`);

  let takingOver: Promise<void> | undefined;
  let closed = false;
  const watch = setInterval(() => {
    if (state.owned || takingOver || closed) return;
    const ownerPid = state.handshake.pid;
    takingOver = (async () => {
      const h = await readJson<Handshake>(handshakeFile);
      if (h?.pid === ownerPid && alive(ownerPid)) return;
      const before = state.handshake.port;
      opts.log(`the embedded database's owner (process ${ownerPid}) has gone: taking over`);
      state = await acquire();
      if (closed) {
        await state.owned?.stop();
        return;
      }
      if (state.handshake.port !== before)
        await opts.onMoved?.(mongoUri(state.handshake.port, password));
    })()
      .catch((err: unknown) =>
        opts.log(`embedded database takeover failed, retrying: ${String(err)}`),
      )
      .finally(() => (takingOver = undefined));
  }, opts.watchMs ?? 500);
  watch.unref();

  return {
    uri: () => mongoUri(state.handshake.port, password),
    isOwner: () => !!state.owned,
    ensureIndexes: (dbName, fields) =>
      ensureEqualityIndexes(
        `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${state.handshake.pgPort}/postgres`,
        dbName,
        fields,
      ),
    close: async () => {
      closed = true;
      clearInterval(watch);
      await takingOver;
      if (!state.owned) return;
      // Stopped before the handshake goes, so a user taking over finds the port and data free.
      await state.owned.stop();
      const h = await readJson<Handshake>(handshakeFile);
      if (h?.pid === process.pid) await fs.rm(handshakeFile, { force: true });
    },
  };
}
