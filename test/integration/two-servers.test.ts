// Two app servers on one database under a bounded parallel load (loopback): nothing lost, nothing duplicated.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../api/logger.ts';
import { buildApp } from '../../api/server.ts';
import { createServices, type Services } from '../../api/services.ts';
import { SYSTEM } from '../../domain/identity/access.ts';
import { connectDatabase, type Database } from '../../storage/connection.ts';
import { createTestApp, testConfig, type TestApp } from '../setup/app.ts';

const LEARNERS = 12;
const RECORDS = 5;
const CONCURRENCY = 16;

let t: TestApp;
let second: { db: Database; services: Services };
const servers: Server[] = [];
const bases: string[] = [];
let token = '';
let institutionId = '';
const learnerIds: string[] = [];

async function listen(app: ReturnType<typeof buildApp>['app']): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  t = await createTestApp();
  // A second app server: its own services (caches, in-process locks), the same database.
  const db = await connectDatabase(inject('mongodbUri'), t.db.connection.name);
  second = { db, services: createServices(db, testConfig()) };
  bases.push(await listen(t.app));
  bases.push(await listen(buildApp(second.services, createLogger('silent')).app));
  const inst = await t.services.institutions.register(SYSTEM, {
    slug: 'twin-u',
    name: { zh: '双机大学', en: 'Twin Server University' },
    type: 'university',
    region: 'CN',
    accreditation: [{ qualificationType: 'bachelor', levels: [] }],
  });
  institutionId = inst.id;
  token = (
    await t.services.accounts.createApiKey(SYSTEM, inst.id, 'load', [
      'records:write',
      'records:read',
      'credentials:issue',
    ])
  ).token;
  for (let i = 0; i < LEARNERS; i++) {
    const { learner } = await t.services.learners.register(SYSTEM, {
      nationalId: `TWIN${String(i).padStart(8, '0')}`,
      name: `Learner ${i}`,
    });
    learnerIds.push(learner.id);
  }
}, 120_000);

afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await second?.services.close();
  await second?.db.close();
  await t?.close();
});

/** POSTs a GraphQL request to one of the servers. */
async function gql(base: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, Record<string, unknown>>;
    errors?: unknown;
  };
  if (res.status !== 200 || body.errors) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body.data!;
}

/** Runs the jobs with at most CONCURRENCY in flight. */
async function load<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

const RECORD = `mutation($i: ID!, $in: AchievementInput!) { recordAchievement(institutionId: $i, input: $in) { __typename ... on RecordAchievementOk { created entry { id } } ... on ResultError { code message } } }`;
const ISSUE = `mutation($i: ID!, $in: IssueCredentialInput!) { issueCredential(institutionId: $i, input: $in) { __typename ... on IssuedCredential { id } ... on ResultError { code message } } }`;
const REVOKE = `mutation($id: ID!) { revokeCredential(id: $id, reason: "issued in error") { __typename ... on ResultError { code message } } }`;

describe('two app servers on one database', () => {
  it('records, issues and revokes under parallel load from both, losing and duplicating nothing', async () => {
    // Every request is sent to both servers at once, as a client retrying through a load balancer.
    const twice = <T>(job: (base: string) => Promise<T>) => bases.map((b) => () => job(b));
    const records = await load(
      learnerIds.flatMap((learnerId, l) =>
        Array.from({ length: RECORDS }, (_, k) =>
          twice((base) =>
            gql(base, RECORD, {
              i: institutionId,
              in: {
                learnerId,
                sourceRecordId: `R-${l}-${k}`,
                kind: 'TRAINING',
                title: { en: `Training ${k}` },
                credits: 2,
                creditSystem: 'CN',
                category: 'general',
                level: 6,
                earnedAt: '2024-06-30',
              },
            }),
          ),
        ).flat(),
      ),
    );
    const recorded = records.map((r) => r['recordAchievement']!);
    expect(recorded.every((r) => r['__typename'] === 'RecordAchievementOk')).toBe(true);
    expect(recorded.filter((r) => r['created']).length).toBe(LEARNERS * RECORDS);

    const issues = await load(
      learnerIds.flatMap((learnerId, l) =>
        twice((base) =>
          gql(base, ISSUE, {
            i: institutionId,
            in: {
              learnerId,
              kind: 'QUALIFICATION',
              requestKey: `diploma-${l}`,
              qualification: { qualificationType: 'BACHELOR', name: { en: 'Bachelor of Arts' } },
            },
          }),
        ),
      ),
    );
    const credentialIds = issues.map((r) => r['issueCredential']!['id'] as string | undefined);
    // Both servers answer each request with the same credential.
    for (let l = 0; l < LEARNERS; l++) {
      expect(credentialIds[2 * l]).toBeDefined();
      expect(credentialIds[2 * l + 1]).toBe(credentialIds[2 * l]);
    }
    const revokes = await load(
      credentialIds
        .filter((_, i) => i % 2 === 0)
        .flatMap((id) => twice((base) => gql(base, REVOKE, { id }))),
    );
    // Each credential was revoked twice at once, once through each server: at least one of the two
    // succeeds; the other is the same revocation replayed, or, when it arrived after the first was
    // recorded, CONFLICT ("a revoked credential stays revoked"). Never any other error.
    for (let k = 0; k < revokes.length; k += 2) {
      const pair = [revokes[k]!, revokes[k + 1]!].map((r) => r['revokeCredential']!);
      expect(pair.some((r) => r['__typename'] !== 'ResultError')).toBe(true);
      for (const r of pair)
        if (r['__typename'] === 'ResultError') expect(r['code']).toBe('CONFLICT');
    }

    const credentials = t.db.models.Credential;
    for (const [l, learnerId] of learnerIds.entries()) {
      const { chain, ...report } = await second.services.ledger.checkedChain(learnerId);
      expect(report.valid).toBe(true);
      expect(chain.map((e) => e.seq)).toEqual(chain.map((_, k) => k + 1));
      const byType = (type: string) => chain.filter((e) => e.body.type === type);
      expect(byType('achievement').length).toBe(RECORDS);
      const statuses = byType('credential').map((e) => 'action' in e.body && e.body.action);
      expect(statuses.sort()).toEqual(['issued', 'revoked']);
      const stored = (await credentials.find({ learnerId }).lean()) as unknown as {
        _id: string;
        revoked: boolean;
      }[];
      expect(stored.map((c) => c._id)).toEqual([credentialIds[2 * l]]);
      expect(stored[0]!.revoked).toBe(true);
    }
    // Each credential on its own status slot, and the account of each learner from both servers.
    const slots = (await credentials.find({ institutionId }).lean()) as unknown as {
      statusList: number;
      statusIndex: number;
    }[];
    expect(new Set(slots.map((s) => `${s.statusList}:${s.statusIndex}`)).size).toBe(LEARNERS);
    for (const learnerId of learnerIds.slice(0, 3)) {
      const a = await t.services.ledger.account(SYSTEM, learnerId);
      const b = await second.services.ledger.account(SYSTEM, learnerId);
      expect(b).toEqual(a);
    }
  }, 60_000);
});
