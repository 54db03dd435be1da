// The deploy/ manifests cannot run here: parse them and check them against what the code knows.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, REQUIRED_IN_PRODUCTION, loadConfig } from '../../api/config.ts';
import { registerCredentialModels } from '../../storage/credential-models.ts';
import { registerModels } from '../../storage/models.ts';
import { registerRecognitionModels } from '../../storage/recognition-models.ts';
import { SHARD_KEYS } from '../../storage/sharding.ts';

const deploy = path.resolve(import.meta.dirname, '../../deploy');
const MANIFESTS = ['replica-set/compose.yaml', 'sharded/compose.yaml'];

interface Service {
  build?: unknown;
  environment?: Record<string, string>;
}

function appServices(file: string): [string, Service][] {
  const doc = parse(readFileSync(path.join(deploy, file), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
  };
  return Object.entries(doc.services).filter(([, s]) => s.build);
}

/** What `docker compose --env-file .env` would substitute: `${NAME}`, `${NAME:?message}`. */
function substitute(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_]+)(?::?[?-][^}]*)?\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`no value for ${name}`);
    return vars[name]!;
  });
}

const envFile = {
  PUBLIC_URL: 'https://creditbank.example.org',
  MONGO_APP_PASSWORD: 'app-password',
  MONGO_ROOT_PASSWORD: 'root-password',
  AUTH_PRIVATE_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
  LEARNER_ID_SECRET: randomBytes(48).toString('base64'),
  KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  CHECKPOINT_SIGNING_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
};

describe('deploy/ manifests', () => {
  for (const file of MANIFESTS) {
    it(`${file}: two app nodes that set only variables api/config.ts knows, and all production needs`, () => {
      const apps = appServices(file);
      expect(apps.map(([name]) => name)).toEqual(['app1', 'app2']);
      for (const [name, s] of apps) {
        const env = s.environment ?? {};
        const unknown = Object.keys(env).filter((k) => !CONFIG_VARIABLES.includes(k));
        expect(unknown, `${name} sets variables the app does not read`).toEqual([]);
        for (const k of REQUIRED_IN_PRODUCTION) expect(Object.keys(env)).toContain(k);
        expect(env['NODE_ENV']).toBe('production');
        // The values, once compose substitutes them, are a configuration the server accepts.
        const resolved = Object.fromEntries(
          Object.entries(env).map(([k, v]) => [k, substitute(String(v), envFile)]),
        );
        const config = loadConfig(resolved);
        expect(config.mongodbUri).toMatch(/w=majority/);
        expect(config.env).toBe('production');
      }
      // Stateless nodes: both get the very same configuration (same secrets, same database).
      expect(apps[0]![1].environment).toEqual(apps[1]![1].environment);
    });
  }

  it('the example .env names every secret the manifests ask for', () => {
    const example = readFileSync(path.join(deploy, '.env.example'), 'utf8');
    const named = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    for (const file of MANIFESTS) {
      const text = readFileSync(path.join(deploy, file), 'utf8');
      for (const m of text.matchAll(/\$\{([A-Z_]+)/g)) expect(named).toContain(m[1]);
    }
  });

  it('init-sharding.js shards exactly the collections of storage/sharding.ts, with their keys', () => {
    const script = readFileSync(path.join(deploy, 'sharded/init-sharding.js'), 'utf8');
    const sharded = Object.fromEntries(
      [...script.matchAll(/^sh\.shardCollection\('creditbank\.(\w+)', (\{[^}]*\})\);$/gm)].map(
        (m) => [m[1]!, m[2]!],
      ),
    );
    const expected = Object.fromEntries(
      Object.entries(SHARD_KEYS).map(([c, k]) => [
        c,
        `{ ${Object.entries(k.key)
          .map(([f, v]) => `${f}: ${typeof v === 'string' ? `'${v}'` : v}`)
          .join(', ')} }`,
      ]),
    );
    expect(sharded).toEqual(expected);
  });

  it('every unique index of a sharded collection starts with its shard key (MongoDB requires it)', () => {
    const c = mongoose.createConnection();
    const models = {
      ...registerModels(c),
      ...registerCredentialModels(c),
      ...registerRecognitionModels(c),
    };
    const names = new Set(Object.values(models).map((m) => m.collection.collectionName));
    for (const [collection, { key }] of Object.entries(SHARD_KEYS)) {
      expect(names).toContain(collection);
      const model = Object.values(models).find((m) => m.collection.collectionName === collection)!;
      for (const [fields, opts] of model.schema.indexes()) {
        if (!(opts as { unique?: boolean }).unique) continue;
        expect(Object.keys(fields).slice(0, Object.keys(key).length)).toEqual(Object.keys(key));
      }
    }
  });
});
