// Opens the MongoDB (or FerretDB) connection and makes sure every index exists.
import type { MongoBulkWriteError } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { EQUALITY_COMPOUNDS, registerModels, type Models } from './models.ts';
import { registerCredentialModels, type CredentialModels } from './credential-models.ts';
import { placeStatusEvents, programmeCredentials } from './credential-repositories.ts';
import { keyCourseEntries, keyStatusEntries } from './repositories.ts';
import { registerRecognitionModels, type RecognitionModels } from './recognition-models.ts';
import { registerCheckpointModels, type CheckpointModels } from './checkpoint-repositories.ts';
import { registerAccountCodeModels, type AccountCodeModels } from './account-code-repositories.ts';
import {
  registerOperatorAuditModels,
  type OperatorAuditModels,
} from './operator-audit-repositories.ts';
import { registerImportModels, type ImportModels } from './import-repositories.ts';

export interface Database {
  connection: Connection;
  models: Models &
    CredentialModels &
    RecognitionModels &
    CheckpointModels &
    AccountCodeModels &
    OperatorAuditModels &
    ImportModels;
  close(): Promise<void>;
  /** Points the same connection (and its models) at another server, e.g. after a failover. */
  reconnect(uri: string): Promise<void>;
}

export async function connectDatabase(
  uri: string,
  dbName: string,
  opts: { monitorCommands?: boolean } = {},
): Promise<Database> {
  const options = {
    dbName,
    // Tests record every command the repositories send (test/integration/shard-keys.test.ts).
    monitorCommands: opts.monitorCommands ?? false,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
    autoCreate: false,
    ignoreUndefined: true,
  };
  const connection = mongoose.createConnection(uri, options);
  await connection.asPromise();
  const models = {
    ...registerModels(connection),
    ...registerCredentialModels(connection),
    ...registerRecognitionModels(connection),
    ...registerCheckpointModels(connection),
    ...registerAccountCodeModels(connection),
    ...registerOperatorAuditModels(connection),
    ...registerImportModels(connection),
  };
  // Unique indexes are the ledger's guards (idempotency, one chain per learner): create them before use.
  const ferretDb = await isFerretDb(connection);
  await Promise.all(
    Object.values(models).map(async (m) => {
      if (ferretDb) return createFerretDbIndexes(m);
      await m.createIndexes();
      await dropIndexes(m, OBSOLETE_INDEXES[m.collection.collectionName] ?? []);
    }),
  );
  await placeStatusEvents(models);
  await keyStatusEntries(models);
  await programmeCredentials(models);
  await keyCourseEntries(models);
  return {
    connection,
    models,
    close: () => connection.close(),
    reconnect: async (next) => {
      await connection.close();
      await connection.openUri(next, options);
    },
  };
}

/** FerretDB answers `buildInfo` with its own version beside the MongoDB one it speaks for. */
async function isFerretDb(connection: Connection): Promise<boolean> {
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  return typeof info['ferretdbVersion'] === 'string';
}

/**
 * On FerretDB, only the unique indexes: FerretDB filters with `@>` and sorts by record id, so the
 * btree index it makes for a MongoDB index serves no query it sends, and a non-unique one is only a
 * cost on every insert (four of them on the ledger's entries). Its lookups are served by the GIN
 * indexes the embedded launcher makes (embedded-db/indexes.ts). Non-unique ones made before (by an
 * earlier version) are dropped; the collection is created even when it has no unique index, so
 * that those GIN indexes can be made at start.
 */
async function createFerretDbIndexes(m: {
  collection: mongoose.Collection;
  schema: mongoose.Schema;
}): Promise<void> {
  try {
    await m.collection.conn.db!.createCollection(m.collection.collectionName);
  } catch (err) {
    if ((err as { code?: number }).code !== 48) throw err; // NamespaceExists
  }
  const declared = m.schema.indexes() as [Record<string, 1 | -1>, { unique?: boolean }][];
  for (const [key, opts] of declared)
    if (opts.unique) await m.collection.createIndex(key, { unique: true });
  for (const index of await m.collection.indexes()) {
    if (index.name && index.name !== '_id_' && !index.unique) await dropIndex(m, index.name);
  }
}

/** Drops an index; one another process dropped meanwhile (IndexNotFound) is fine. */
async function dropIndex(m: { collection: mongoose.Collection }, name: string): Promise<void> {
  try {
    await m.collection.dropIndex(name);
  } catch (err) {
    if ((err as { code?: number }).code !== 27) throw err;
  }
}

/**
 * Indexes earlier versions declared and this one does not, by collection: dropped on MongoDB at
 * connect (on FerretDB every non-unique index is). Only these: an index an operator added is kept.
 */
const OBSOLETE_INDEXES: Record<string, Record<string, 1 | -1>[]> = {
  // Replaced by { statusListKey: 1 } (status lists rebuilt from a top-level key).
  ledger_entries: [{ institutionId: 1, 'body.statusList': 1 }, { recordedAt: 1 }],
};

async function dropIndexes(
  m: { collection: mongoose.Collection },
  keys: Record<string, 1 | -1>[],
): Promise<void> {
  if (keys.length === 0) return;
  const wanted = new Set(keys.map((k) => JSON.stringify(k)));
  const existing = await m.collection.indexes().catch((err: { code?: number }) => {
    if (err.code === 26) return []; // NamespaceNotFound: nothing to drop
    throw err;
  });
  for (const index of existing)
    if (index.name && wanted.has(JSON.stringify(index.key))) await dropIndex(m, index.name);
}

/**
 * For each collection, the fields its queries select by equality: `_id`, the leading field of every
 * declared index, and the indexes queried by equality on all their fields (`EQUALITY_COMPOUNDS`).
 * The embedded engine needs an index of its own for each (embedded-db/indexes.ts), except a field
 * that leads one of those compounds: a multicolumn GIN index serves a lookup by its first column.
 */
export function equalityFields(
  models: Database['models'],
): Record<string, (string | readonly string[])[]> {
  const out: Record<string, (string | readonly string[])[]> = {};
  for (const m of Object.values(models)) {
    const fields = new Set(['_id']);
    for (const [keys] of m.schema.indexes()) {
      const first = Object.keys(keys)[0];
      if (first) fields.add(first);
    }
    const name = m.collection.collectionName;
    const compounds = EQUALITY_COMPOUNDS[name] ?? [];
    const led = new Set(compounds.map((c) => c[0]));
    out[name] = [...[...fields].filter((f) => !led.has(f)), ...compounds];
  }
  return out;
}

/** Is the database answering? For /readyz. */
export async function ping(db: Database): Promise<boolean> {
  try {
    await db.connection.db?.admin().command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}

export const isDuplicateKey = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === 11000;

export interface WriteError {
  code: number;
  index: number;
  errmsg?: string;
}

/** The per-document errors of an insertMany, or none when the error is of another kind. */
export function writeErrorsOf(err: unknown): WriteError[] {
  const we = (err as Partial<MongoBulkWriteError>).writeErrors as unknown;
  const list: unknown[] = Array.isArray(we) ? we : we ? [we] : [];
  return list.map((e) => e as WriteError);
}
