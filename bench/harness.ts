// Shared bench plumbing: a database (MONGODB_URI or a fresh embedded one), the real services, timers.
import path from 'node:path';
import fs from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../api/config.ts';
import { createLogger } from '../api/logger.ts';
import { buildApp } from '../api/server.ts';
import { createServices, type Services } from '../api/services.ts';
import { startEmbeddedDb, tempDataDir, type EmbeddedDb } from '../embedded-db/launcher.ts';
import { connectDatabase, equalityFields, type Database } from '../storage/connection.ts';

export interface BenchEnv {
  uri: string;
  db: Database;
  services: Services;
  yoga: ReturnType<typeof buildApp>['yoga'];
  /** The services of a second app node on the same database (its caches apart from `services`). */
  otherNode(): Services;
  close(): Promise<void>;
}

/** A throwaway database of its own, so a bench never touches real data. */
export async function benchEnv(name: string): Promise<BenchEnv> {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let indexes: EmbeddedDb['ensureIndexes'] | undefined;
  let uri = process.env['MONGODB_URI'];
  if (!uri) {
    const dataDir = await tempDataDir('creditbank-bench-');
    const db = await startEmbeddedDb({ dataDir, ephemeral: true });
    uri = db.uri;
    indexes = (n, f) => db.ensureIndexes(n, f);
    stopEmbedded = async () => {
      await db.stop();
      await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
    };
  }
  const dbName = `bench_${name}_${Date.now().toString(36)}`;
  const db = await connectDatabase(uri, dbName);
  // The same indexes `npm start` gives the embedded engine (api/runtime.ts).
  await indexes?.(dbName, equalityFields(db.models));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'https://creditbank.bench',
    AUTH_PRIVATE_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    LEARNER_ID_SECRET: randomBytes(32).toString('base64url'),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...(process.env['VERIFY_WORKERS'] ? { VERIFY_WORKERS: process.env['VERIFY_WORKERS'] } : {}),
  });
  const services = createServices(db, config);
  const { yoga } = buildApp(services, createLogger('silent'));
  let other: Services | undefined;
  return {
    uri,
    db,
    services,
    yoga,
    otherNode: () => (other ??= createServices(db, config)),
    close: async () => {
      await other?.close();
      await services.close();
      await db.connection.dropDatabase().catch(() => {});
      await db.close();
      await stopEmbedded?.();
    },
  };
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits });

export function row(label: string, value: string, ratio?: string, target?: string): void {
  console.log(
    `  ${label.padEnd(58)} ${value.padStart(16)}  ${(ratio ?? '').padStart(10)}  ${target ?? ''}`,
  );
}

/** A small seeded PRNG (mulberry32): synthetic learners come out the same in every run. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
