// `npm run seed`: adds the demo data (institutions, courses, learners, records) to the configured database.
import { loadConfig } from '../api/config.ts';
import { createLogger } from '../api/logger.ts';
import { openDatabase } from '../api/runtime.ts';
import { createServices } from '../api/services.ts';
import { seedDemo } from '../domain/demo/index.ts';

const config = loadConfig();
const database = await openDatabase(config, createLogger('warn'));
try {
  await seedDemo(createServices(database.db, config), console.log);
} finally {
  await database.close();
}
