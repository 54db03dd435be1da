// Vitest global setup: one database server for the whole run (MONGODB_URI, or the embedded default).
import type { TestProject } from 'vitest/node';
import {
  EmbeddedDbUnavailable,
  startEmbeddedDb,
  tempDataDir,
  type EmbeddedDb,
} from '../../embedded-db/launcher.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureWebBuilt } from '../../scripts/build-web.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
    /** PostgreSQL under the embedded database ('' on MONGODB_URI): for its indexes and EXPLAIN. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // The browser tests load the built app from the server, as a user would.
  ensureWebBuilt((l) => console.log(l));
  const given = process.env['MONGODB_URI'];
  if (given) {
    project.provide('mongodbUri', given);
    project.provide('postgresUrl', '');
    return;
  }
  const dataDir = await tempDataDir('creditbank-test-');
  let db: EmbeddedDb;
  try {
    db = await startEmbeddedDb({ dataDir, ephemeral: true, log: (l) => console.log(l) });
  } catch (err) {
    await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
    // One line that says what to do, not a stack trace.
    if (err instanceof EmbeddedDbUnavailable) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  project.provide('mongodbUri', db.uri);
  project.provide('postgresUrl', db.pgUrl);
  return async () => {
    await db.stop();
    await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
  };
}
