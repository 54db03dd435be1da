// Opens the MongoDB (or FerretDB) connection and makes sure every index exists.
import mongoose, { type Connection } from 'mongoose';
import { registerModels, type Models } from './models.ts';
import { registerCredentialModels, type CredentialModels } from './credential-models.ts';
import { placeStatusEvents } from './credential-repositories.ts';
import { registerRecognitionModels, type RecognitionModels } from './recognition-models.ts';
import { registerCheckpointModels, type CheckpointModels } from './checkpoint-repositories.ts';

export interface Database {
  connection: Connection;
  models: Models & CredentialModels & RecognitionModels & CheckpointModels;
  close(): Promise<void>;
}

export async function connectDatabase(uri: string, dbName: string): Promise<Database> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
    autoCreate: false,
    ignoreUndefined: true,
  });
  await connection.asPromise();
  const models = {
    ...registerModels(connection),
    ...registerCredentialModels(connection),
    ...registerRecognitionModels(connection),
    ...registerCheckpointModels(connection),
  };
  // Unique indexes are the ledger's guards (idempotency, one chain per learner): create them before use.
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  await placeStatusEvents(models);
  return {
    connection,
    models,
    close: () => connection.close(),
  };
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
