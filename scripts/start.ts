// `npm start`: the server on the embedded default database (or MONGODB_URI), with demo data on first start.
import '../api/main.ts';
