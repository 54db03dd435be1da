// Starts everything a server needs (database, services, HTTP) and stops it all in reverse order.
import type { Server } from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '../embedded-db/launcher.ts';
import { connectDatabase } from '../storage/connection.ts';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { buildApp } from './server.ts';
import { createServices, type Services } from './services.ts';

export interface Running {
  url: string;
  services: Services;
  log: Logger;
  stop(): Promise<void>;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** An embedded database another process of ours (a running server) has open on the same DATA_DIR. */
async function sharedEmbeddedUri(file: string): Promise<string | undefined> {
  try {
    const { uri, pid } = JSON.parse(await fs.readFile(file, 'utf8')) as {
      uri: string;
      pid: number;
    };
    if (pid !== process.pid && isAlive(pid)) return uri;
  } catch {
    // no such file, or unreadable: start our own
  }
  return undefined;
}

/**
 * The database: MONGODB_URI when set; otherwise the embedded PostgreSQL + FerretDB under DATA_DIR,
 * started here, or reused when a running server of ours has it open (so the CLI works beside it).
 */
export async function openDatabase(config: Config, log: Logger) {
  let embedded: EmbeddedDb | undefined;
  let uri = config.mongodbUri;
  const handshake = path.join(config.dataDir, 'embedded-db.json');
  if (!uri) uri = await sharedEmbeddedUri(handshake);
  if (!uri) {
    embedded = await startEmbeddedDb({
      dataDir: path.join(config.dataDir, 'pg'),
      log: (line) => log.info({ component: 'embedded-db' }, line),
    });
    uri = embedded.uri;
    await fs.writeFile(handshake, JSON.stringify({ uri, pid: process.pid }));
    log.info({ uri }, 'embedded database (PostgreSQL + FerretDB) started');
  }
  const db = await connectDatabase(uri, config.dbName);
  return {
    db,
    uri,
    close: async () => {
      await db.close();
      if (embedded) {
        await embedded.stop();
        await fs.rm(handshake, { force: true });
      }
    },
  };
}

/**
 * Publishes a signed checkpoint soon after start and then every CHECKPOINT_INTERVAL_SECONDS (0:
 * never by itself); a chain that fails its checks is logged as an alert and its head left out.
 */
function publishCheckpointsPeriodically(services: Services, log: Logger): () => Promise<void> {
  const every = services.config.checkpoints.intervalSeconds * 1000;
  if (every === 0) return () => Promise.resolve();
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        const r = await services.checkpoints.publish({ kind: 'system' });
        for (const c of r.published)
          log.info(
            { checkpoint: c.number, size: c.size, root: c.rootHash },
            'checkpoint published',
          );
        for (const x of r.refused)
          log.error({ alert: 'BROKEN_CHAIN', ...x }, 'a learner chain failed its checks');
      } catch (err) {
        log.error({ err }, 'publishing a checkpoint failed');
      }
    })();
  };
  const first = setTimeout(tick, Math.min(every, 5_000));
  const timer = setInterval(tick, every);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}

export async function startServer(
  config: Config,
  opts: { onReady?: (s: Services) => Promise<void> } = {},
): Promise<Running> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, log);
  const services = createServices(database.db, config);
  await opts.onReady?.(services);
  const { app } = buildApp(services, log);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.on('error', reject);
  });
  const addr = server.address();
  const url = `http://${config.host}:${typeof addr === 'object' && addr ? addr.port : config.port}`;
  log.info({ url, graphql: `${url}/graphql` }, 'creditbank is listening');
  services.startWorkers();
  const stopCheckpoints = publishCheckpointsPeriodically(services, log);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('shutting down: finishing in-flight requests');
      await stopCheckpoints();
      // Stop accepting connections; in-flight requests finish, idle keep-alive sockets close.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(timer);
      await services.close();
      await database.close();
      log.info('stopped');
    })());
  return { url, services, log, stop };
}
