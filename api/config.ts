// Configuration, parsed once from the environment with zod; every problem is listed before exiting.
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PUBLIC_URL: z.url().optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .default('creditbank'),
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_ISSUER: z.string().default('creditbank'),
  AUTH_AUDIENCE: z.string().default('creditbank-api'),
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  AUTH_PRIVATE_KEY: z
    .string()
    .includes('BEGIN PRIVATE KEY', { message: 'must be a PKCS#8 PEM Ed25519 key' })
    .optional(),
  LEARNER_ID_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  KEY_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  CHECKPOINT_SIGNING_KEY: z
    .string()
    .includes('BEGIN PRIVATE KEY', { message: 'must be a PKCS#8 PEM Ed25519 key' })
    .optional(),
  CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  ALLOW_FOREIGN_DID_WEB: bool.default(false),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).max(50).default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(20_000),
  /** The largest import file accepted through POST /imports, in megabytes. */
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(512),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('5mb'),
  SEED_DEMO: bool.default(true),
  VERIFY_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
});

/** Every environment variable the configuration reads (deploy/ manifests set only these). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** What production refuses to start without: secrets are never generated there. */
export const REQUIRED_IN_PRODUCTION = [
  'AUTH_PRIVATE_KEY',
  'LEARNER_ID_SECRET',
  'KEY_ENCRYPTION_KEY',
  'CHECKPOINT_SIGNING_KEY',
  'PUBLIC_URL',
  'MONGODB_URI',
] as const;

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  publicUrl: string;
  /** The host (and port) of the public URL: our did:web DIDs are named after it. */
  didHost: string;
  mongodbUri: string | undefined;
  dbName: string;
  dataDir: string;
  logLevel: string;
  auth: { issuer: string; audience: string; ttlSeconds: number; privateKeyPem: string };
  learnerIdSecret: string;
  keyEncryptionKey: Uint8Array;
  /** The operator's Ed25519 key that signs ledger checkpoints, and how often they are published (0: never by itself). */
  checkpoints: { signingKeyPem: string; intervalSeconds: number };
  allowForeignDidWeb: boolean;
  graphql: { maxDepth: number; maxCost: number };
  bodyLimit: string;
  importMaxBytes: number;
  seedDemo: boolean;
  /** Worker threads that verify credentials (0: verify on the main thread). */
  verifyWorkers: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

interface DevSecrets {
  authPrivateKey: string;
  learnerIdSecret: string;
  keyEncryptionKey: string;
  /** Added later than the others: generated into an existing file when missing. */
  checkpointSigningKey?: string;
}

const newEd25519Pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Outside production, missing secrets are generated once and kept in the data directory. */
function devSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
    if (kept.checkpointSigningKey) return kept;
    const upgraded = { ...kept, checkpointSigningKey: newEd25519Pem() };
    writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  const secrets: DevSecrets = {
    checkpointSigningKey: newEd25519Pem(),
    authPrivateKey: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    learnerIdSecret: randomBytes(32).toString('base64url'),
    keyEncryptionKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const missing: string[] = [];
  if (e.NODE_ENV === 'production') {
    for (const k of REQUIRED_IN_PRODUCTION) {
      if (!e[k]) missing.push(`  ${k}: required in production`);
    }
  }
  if (missing.length) throw new ConfigError(`Invalid configuration:\n${missing.join('\n')}`);
  const dataDir = path.resolve(e.DATA_DIR);
  const dev =
    e.AUTH_PRIVATE_KEY && e.LEARNER_ID_SECRET && e.KEY_ENCRYPTION_KEY && e.CHECKPOINT_SIGNING_KEY
      ? null
      : devSecrets(dataDir);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const url = new URL(publicUrl);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    didHost: url.host,
    mongodbUri: e.MONGODB_URI,
    dbName: e.DB_NAME,
    dataDir,
    logLevel: e.LOG_LEVEL,
    auth: {
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      ttlSeconds: e.TOKEN_TTL_SECONDS,
      privateKeyPem: e.AUTH_PRIVATE_KEY ?? dev!.authPrivateKey,
    },
    learnerIdSecret: e.LEARNER_ID_SECRET ?? dev!.learnerIdSecret,
    keyEncryptionKey: new Uint8Array(
      Buffer.from(e.KEY_ENCRYPTION_KEY ?? dev!.keyEncryptionKey, 'base64'),
    ),
    checkpoints: {
      signingKeyPem: e.CHECKPOINT_SIGNING_KEY ?? dev!.checkpointSigningKey!,
      intervalSeconds: e.CHECKPOINT_INTERVAL_SECONDS,
    },
    allowForeignDidWeb: e.ALLOW_FOREIGN_DID_WEB,
    graphql: { maxDepth: e.GRAPHQL_MAX_DEPTH, maxCost: e.GRAPHQL_MAX_COST },
    bodyLimit: e.BODY_LIMIT,
    importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
    seedDemo: e.SEED_DEMO,
    verifyWorkers: e.VERIFY_WORKERS ?? availableParallelism(),
  };
}
