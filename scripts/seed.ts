// `npm run seed`: adds the demo data (institutions, courses, learners, records) to the configured database.
import { loadConfig } from '../api/config.ts';
import { createLogger } from '../api/logger.ts';
import { openDatabase } from '../api/runtime.ts';
import { createServices } from '../api/services.ts';
import { seedDemo } from '../domain/demo/index.ts';
import type { Database } from '../storage/connection.ts';

/** How many documents each collection holds: the same before and after means the seed wrote nothing. */
async function documentCounts(db: Database): Promise<string> {
  const counts = await Promise.all(
    Object.values(db.models).map(
      async (m) => `${m.collection.name}:${await m.collection.countDocuments()}`,
    ),
  );
  return counts.sort().join(',');
}

/** Where the server is: whether one answers on PORT here, so the reader knows what to open next. */
async function serverLine(port: number): Promise<string> {
  const url = `http://localhost:${port}`;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(2_000),
    });
    if (res.ok) return `The server is running on port ${port}: ${url}`;
  } catch {
    // Nothing listens there (or something that is not us): say how to start it.
  }
  return `No server answers on port ${port}: \`npm start\` serves ${url}`;
}

const config = loadConfig();
const database = await openDatabase(config, createLogger('warn'));
try {
  const before = await documentCounts(database.db);
  const lines: string[] = [];
  await seedDemo(createServices(database.db, config), (line) => lines.push(line));
  if (before === (await documentCounts(database.db))) {
    console.log(
      'Nothing changed: the demo data was there already (its accounts: docs/demo-data.md).',
    );
  } else {
    for (const line of lines) console.log(line);
  }
  console.log(await serverLine(config.port));
} finally {
  await database.close();
}
