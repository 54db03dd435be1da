// Vitest global setup: one database server for the whole run (MONGODB_URI, or the embedded default).
import type { TestProject } from 'vitest/node';
import { startEmbeddedDb, tempDataDir } from '../../embedded-db/launcher.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureWebBuilt } from '../../scripts/build-web.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

export default async function setup(project: TestProject) {
  // The browser tests load the built app from the server, as a user would.
  ensureWebBuilt((l) => console.log(l));
  const given = process.env['MONGODB_URI'];
  if (given) {
    project.provide('mongodbUri', given);
    return;
  }
  const dataDir = await tempDataDir('creditbank-test-');
  const db = await startEmbeddedDb({ dataDir, ephemeral: true, log: (l) => console.log(l) });
  project.provide('mongodbUri', db.uri);
  return async () => {
    await db.stop();
    await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
  };
}
