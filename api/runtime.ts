// Starts everything a server needs (database, services, HTTP) and stops it all in reverse order.
import type { Server } from 'node:http';
import { openSharedEmbeddedDb, type SharedEmbeddedDb } from '../embedded-db/shared.ts';
import { connectDatabase, equalityFields, type Database } from '../storage/connection.ts';
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

/**
 * The database: MONGODB_URI when set; otherwise the embedded PostgreSQL + FerretDB under DATA_DIR,
 * shared with our other processes there (a server and the CLI): whoever outlives its owner takes over.
 */
export async function openDatabase(config: Config, log: Logger) {
  let embedded: SharedEmbeddedDb | undefined;
  let db: Database | undefined;
  if (!config.mongodbUri) {
    embedded = await openSharedEmbeddedDb({
      dataDir: config.dataDir,
      log: (line) => log.info({ component: 'embedded-db' }, line),
      onMoved: async (uri) => {
        log.warn({ component: 'embedded-db' }, 'the embedded database moved: reconnecting');
        await db?.reconnect(uri);
      },
    });
  }
  const uri = config.mongodbUri ?? embedded!.uri();
  try {
    db = await connectDatabase(uri, config.dbName);
    await embedded?.ensureIndexes(config.dbName, equalityFields(db.models));
  } catch (err) {
    await db?.close();
    await embedded?.close();
    throw err;
  }
  const opened = db;
  return {
    db: opened,
    uri,
    close: async () => {
      await opened.close();
      await embedded?.close();
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
  const services = createServices(database.db, config, undefined, { log });
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
