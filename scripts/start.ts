// `npm start`: builds the web app if needed, then the server on the embedded default database (or
// MONGODB_URI), with demo data on first start.
import { ensureWebBuilt } from './build-web.ts';

ensureWebBuilt();
await import('../api/main.ts');
