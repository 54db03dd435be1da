// Builds the real app on the test database (a fresh database per call) and offers GraphQL helpers.
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../api/config.ts';
import { createLogger } from '../../api/logger.ts';
import { buildApp } from '../../api/server.ts';
import { createServices, type Services } from '../../api/services.ts';
import { SYSTEM } from '../../domain/identity/access.ts';
import { connectDatabase, equalityFields, type Database } from '../../storage/connection.ts';
import { ensureEqualityIndexes } from '../../embedded-db/indexes.ts';

let counter = 0;

export const testSecrets = {
  AUTH_PRIVATE_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
  LEARNER_ID_SECRET: randomBytes(32).toString('base64url'),
  KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  CHECKPOINT_SIGNING_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(os.tmpdir(), 'creditbank-test-data'),
    PUBLIC_URL: 'https://creditbank.test',
    ...testSecrets,
    ...overrides,
  });
}

export interface TestApp {
  db: Database;
  services: Services;
  app: ReturnType<typeof buildApp>['app'];
  yoga: ReturnType<typeof buildApp>['yoga'];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    status: number;
  }>;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { now?: () => Date; config?: Record<string, string> } = {},
): Promise<TestApp> {
  const dbName = `t${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const db = await connectDatabase(inject('mongodbUri'), dbName);
  // The indexes the embedded engine gets in production (api/runtime.ts), so tests see the same plans.
  if (inject('postgresUrl'))
    await ensureEqualityIndexes(inject('postgresUrl'), dbName, equalityFields(db.models));
  const config = testConfig(opts.config);
  const services = createServices(db, config, opts.now);
  const { app, yoga } = buildApp(services, createLogger('silent'));
  return {
    db,
    services,
    app,
    yoga,
    async gql(query, variables, token) {
      const res = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { ...((await res.json()) as object), status: res.status };
    },
    async close() {
      await services.close();
      await db.connection.dropDatabase().catch(() => {});
      await db.close();
    },
  };
}

/** A world with two institutions, staff for each, an operator and two learners with accounts. */
export async function createWorld(t: TestApp) {
  const s = t.services;
  const password = 'correct-horse-battery';
  const operator = await s.accounts.createOperator(SYSTEM, {
    email: 'op@test.example',
    name: 'Operator',
    password,
  });
  const instA = await s.institutions.register(SYSTEM, {
    slug: 'uni-a',
    name: { zh: '甲大学', en: 'University A' },
    type: 'university',
    region: 'CN-ZJ',
    accreditation: [
      { qualificationType: 'bachelor', levels: [6] },
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
  });
  const instB = await s.institutions.register(SYSTEM, {
    slug: 'college-b',
    name: { zh: '乙学院', en: 'College B' },
    type: 'vocational_college',
    region: 'CN-ZJ',
    accreditation: [{ qualificationType: 'vocational_diploma', levels: [5] }],
  });
  const staffA = await s.accounts.createStaff(SYSTEM, instA.id, {
    email: 'staff@a.example',
    name: 'Staff A',
    password,
  });
  const staffB = await s.accounts.createStaff(SYSTEM, instB.id, {
    email: 'staff@b.example',
    name: 'Staff B',
    password,
  });
  const { learner: learner1 } = await s.learners.register(SYSTEM, {
    nationalId: '330106199901011234',
    name: '李明',
  });
  const { learner: learner2 } = await s.learners.register(SYSTEM, {
    nationalId: '330102200003152345',
    name: '王芳',
  });
  const l1 = await s.accounts.createLearnerAccount(SYSTEM, learner1.id, {
    email: 'l1@test.example',
    name: '李明',
    password,
  });
  const l2 = await s.accounts.createLearnerAccount(SYSTEM, learner2.id, {
    email: 'l2@test.example',
    name: '王芳',
    password,
  });
  for (const inst of [instA, instB]) {
    await s.catalogue.define(SYSTEM, inst.id, {
      code: 'MATH101',
      title: { zh: '微积分', en: 'Calculus' },
      credits: 4,
      creditSystem: 'CN',
      level: 6,
      category: 'general',
      hours: 64,
    });
  }
  const token = async (u: { id: string }) =>
    (await s.tokens.issue((await s.accounts.findUser(u.id))!)).token;
  return {
    password,
    instA,
    instB,
    learner1,
    learner2,
    tokens: {
      operator: await token(operator),
      staffA: await token(staffA),
      staffB: await token(staffB),
      learner1: await token(l1),
      learner2: await token(l2),
    },
  };
}
