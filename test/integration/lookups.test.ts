// What recording and issuing cost in lookups: a registered learner's credit account, opened at registration, is the one read that both proves the learner exists and gives their chain head; a class's request keys are looked up until a run of them finds nothing.
import type { CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createServices, type Services } from '../../api/services.ts';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import type { AchievementInput } from '../../domain/ledger/achievement-input.ts';
import type { IssueRequest, IssueRow } from '../../domain/issuance/index.ts';
import { ensureEqualityIndexes, ferretTables } from '../../embedded-db/indexes.ts';
import { connectDatabase, equalityFields, type Database } from '../../storage/connection.ts';
import { testConfig } from '../setup/app.ts';

const dbName = `lookups_${Date.now().toString(36)}`;
let db: Database;
const nodes: Services[] = [];
let staff: Actor;
let institutionId: string;
let counting = false;
const sent: { collection: string; command: string }[] = [];

/** Another app node on the same database: its caches start empty. */
function node(): Services {
  const s = createServices(db, testConfig({ VERIFY_WORKERS: '0' }));
  nodes.push(s);
  return s;
}

async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; reads: Map<string, number> }> {
  sent.length = 0;
  counting = true;
  try {
    const value = await fn();
    const reads = new Map<string, number>();
    for (const c of sent)
      if (c.command === 'find') reads.set(c.collection, (reads.get(c.collection) ?? 0) + 1);
    sent.length = 0;
    return { value, reads };
  } finally {
    counting = false;
  }
}

const row = (learnerId: string, id: string): AchievementInput => ({
  learnerId,
  sourceRecordId: id,
  kind: 'training',
  title: { en: 'Safety training' },
  credits: 1,
  creditSystem: 'CN',
  category: 'general',
  level: 5,
  earnedAt: '2024-06-30',
});

beforeAll(async () => {
  db = await connectDatabase(inject('mongodbUri'), dbName, { monitorCommands: true });
  if (inject('postgresUrl'))
    await ensureEqualityIndexes(inject('postgresUrl'), dbName, equalityFields(db.models));
  db.connection.getClient().on('commandStarted', (e: CommandStartedEvent) => {
    const collection: unknown = e.command[e.commandName];
    if (counting && typeof collection === 'string')
      sent.push({ collection, command: e.commandName });
  });
  const inst = await node().institutions.register(SYSTEM, {
    slug: 'lookups-college',
    name: { zh: '查找学院', en: 'Lookups College' },
    type: 'university',
    region: 'CN',
    accreditation: [{ qualificationType: 'bachelor', levels: [] }],
  });
  institutionId = inst.id;
  staff = { kind: 'staff', userId: 'lookups-staff', institutionId };
}, 120_000);

afterAll(async () => {
  for (const s of nodes) await s.close();
  await db?.connection.dropDatabase().catch(() => {});
  await db?.close();
});

describe('recording for registered learners', () => {
  it('opens a sealed, empty credit account as a learner is registered', async () => {
    const s = node();
    const { learner } = await s.learners.register(SYSTEM, { nationalId: 'LK0000001', name: 'A' });
    const versions = await db.models.Account.find({ learnerId: learner.id }).lean();
    expect(versions).toEqual([
      expect.objectContaining({ uptoSeq: 0, buckets: [], seal: expect.any(String) }),
    ]);
    // Registering the same person again opens nothing more.
    await s.learners.register(SYSTEM, { nationalId: 'LK0000001', name: 'A' });
    expect(await db.models.Account.countDocuments({ learnerId: learner.id })).toBe(1);
    const view = await node().ledger.account(SYSTEM, learner.id);
    expect(view).toMatchObject({ achievements: 0, totals: [] });
  });

  it('reads one credit account per learner, and no learner, to record a batch on another node', async () => {
    const registrar = node();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await registrar.learners.register(SYSTEM, { nationalId: `LK100000${i}`, name: `L${i}` }))
          .learner.id,
      );
    const importer = node();
    const { value, reads } = await counted(() =>
      importer.ledger.recordBatch(
        staff,
        institutionId,
        ids.flatMap((id, i) => [row(id, `B-${i}-1`), row(id, `B-${i}-2`)]),
      ),
    );
    expect(value.map((r) => r.status)).toEqual(Array(6).fill('created'));
    expect(reads.get('credit_account_versions')).toBe(3);
    expect(reads.get('learners')).toBeUndefined();
    expect(reads.get('ledger_entries')).toBeUndefined();
    // Each chain starts at 1 and the projections followed.
    for (const id of ids) {
      expect((await importer.ledger.verify(SYSTEM, id)).valid).toBe(true);
      expect(await node().ledger.account(SYSTEM, id)).toMatchObject({ achievements: 2 });
    }
  });

  it('still records for a learner registered before accounts were opened, and refuses an unknown one', async () => {
    const registrar = node();
    const { learner } = await registrar.learners.register(SYSTEM, {
      nationalId: 'LK2000001',
      name: 'Old',
    });
    // As registered by an earlier version: no credit account.
    await db.models.Account.deleteMany({ learnerId: learner.id });
    const importer = node();
    const { value, reads } = await counted(() =>
      importer.ledger.recordBatch(staff, institutionId, [
        row(learner.id, 'OLD-1'),
        row('no-such-learner', 'NOBODY-1'),
      ]),
    );
    expect(value[0]).toMatchObject({ status: 'created' });
    expect(value[1]).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } });
    expect(reads.get('learners')).toBe(2);
    expect(await db.models.Entry.countDocuments({ _id: `${institutionId}:NOBODY-1` })).toBe(0);
    expect((await importer.ledger.verify(SYSTEM, learner.id)).valid).toBe(true);
  });

  it('refuses to append after an empty account altered in the database', async () => {
    const registrar = node();
    const { learner } = await registrar.learners.register(SYSTEM, {
      nationalId: 'LK3000001',
      name: 'Altered',
    });
    await db.models.Account.collection.updateOne(
      { learnerId: learner.id },
      {
        $set: { buckets: [{ system: 'CN', key: 'general|5', credits: 10_000 }] },
      },
    );
    const [r] = await node().ledger.recordBatch(staff, institutionId, [row(learner.id, 'ALT-1')]);
    expect(r).toMatchObject({ status: 'error', error: { code: 'CONFLICT' } });
    expect(await db.models.Entry.countDocuments({ learnerId: learner.id })).toBe(0);
  });
});

describe('issuing a class', () => {
  const diploma = (learnerId: string, key: string, field = 'Computer Science'): IssueRequest => ({
    institutionId,
    learnerId,
    requestKey: key,
    what: {
      kind: 'qualification',
      qualificationType: 'bachelor',
      name: { zh: '工学学士', en: 'Bachelor of Engineering' },
      fieldOfStudy: field,
    },
  });
  async function registered(n: number, prefix: string): Promise<string[]> {
    const registrar = node();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { learner } = await registrar.learners.register(SYSTEM, {
        nationalId: `${prefix}${String(i).padStart(6, '0')}`,
        name: `${prefix} ${i}`,
      });
      ids.push(learner.id);
    }
    return ids;
  }
  const createdOf = (rows: IssueRow[]) =>
    rows.map((r) => ('credential' in r ? r.created : r.error.code));

  it('looks request keys up until 250 in a row found nothing, and reads no credit account to record', async () => {
    const ids = await registered(300, 'CA');
    const issuer = node();
    const { value, reads } = await counted(() =>
      issuer.credentials.issueMany(
        staff,
        ids.map((id, i) => diploma(id, `class-a-${i}`)),
      ),
    );
    expect(createdOf(value)).toEqual(Array(300).fill(true));
    // 250, and the few already under way when the 250th came back empty (16 are prepared at once).
    expect(reads.get('credentials')).toBeGreaterThanOrEqual(250);
    expect(reads.get('credentials')).toBeLessThanOrEqual(266);
    expect(reads.get('credit_account_versions')).toBeUndefined();
    for (const id of ids.slice(0, 3)) {
      const { chain } = await issuer.ledger.verifiedChain(id);
      expect(chain.map((e) => e.body.type)).toEqual(['credential']);
    }
  });

  it('answers a request issued before, met after the lookups stopped, with that credential', async () => {
    const ids = await registered(300, 'CB');
    const reqs = ids.map((id, i) => diploma(id, `class-b-${i}`));
    const [before] = await node().credentials.issueMany(staff, [reqs[280]!]);
    const first = before && 'credential' in before ? before.credential : undefined;
    expect(first).toBeDefined();
    const { value, reads } = await counted(() => node().credentials.issueMany(staff, reqs));
    expect(createdOf(value)).toEqual(ids.map((_, i) => i !== 280));
    expect(value[280]).toMatchObject({ credential: { id: first!.id }, created: false });
    expect(
      await db.models.Credential.countDocuments({ requestKey: `${institutionId}:class-b-280` }),
    ).toBe(1);
    // Looked up again after it: the 250 first, the one found at insert, then those after it.
    expect(reads.get('credentials')).toBeGreaterThan(251);
    // The credential issued before is in the ledger once.
    const { chain } = await node().ledger.verifiedChain(ids[280]!);
    expect(chain.filter((e) => e.body.type === 'credential')).toHaveLength(1);
  });

  it('refuses a request key used before for another credential, met after the lookups stopped', async () => {
    const ids = await registered(300, 'CC');
    const reqs = ids.map((id, i) => diploma(id, `class-c-${i}`));
    await node().credentials.issueMany(staff, [diploma(ids[290]!, 'class-c-290', 'Mathematics')]);
    const value = await node().credentials.issueMany(staff, reqs);
    expect(value[290]).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(createdOf(value).filter((c) => c === true)).toHaveLength(299);
    expect(
      await db.models.Credential.countDocuments({ requestKey: `${institutionId}:class-c-290` }),
    ).toBe(1);
  });
});

describe('indexes an earlier version made', () => {
  it('drops the ones no longer declared at connect, on either engine', async () => {
    const entries = db.models.Entry.collection;
    await entries.createIndex({ institutionId: 1, 'body.statusList': 1 });
    const keys = async () => (await entries.indexes()).map((i) => JSON.stringify(i.key));
    expect(await keys()).toContain(JSON.stringify({ institutionId: 1, 'body.statusList': 1 }));
    const again = await connectDatabase(inject('mongodbUri'), dbName);
    await again.close();
    expect(await keys()).not.toContain(JSON.stringify({ institutionId: 1, 'body.statusList': 1 }));
    // The unique ones stay, on either engine.
    expect(await keys()).toContain(JSON.stringify({ learnerId: 1, seq: 1 }));
  });
});

describe.skipIf(!inject('postgresUrl'))('indexes on the embedded engine', () => {
  it('keeps only the unique btree indexes, and GIN indexes without the documents a field is missing from', async () => {
    const client = new pg.Client({ connectionString: inject('postgresUrl') });
    await client.connect();
    try {
      const table = (await ferretTables(client, dbName)).get('ledger_entries')!;
      const defs = async () =>
        (
          await client.query<{ def: string }>(
            `SELECT indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`,
            [dbName, table],
          )
        ).rows.map((r) => r.def);
      // An index an earlier version made for a non-unique MongoDB index is dropped at connect.
      await db.models.Entry.collection.createIndex({ targetEntryId: 1 });
      expect((await defs()).filter((d) => d.includes('btree'))).toHaveLength(3);
      const again = await connectDatabase(inject('mongodbUri'), dbName);
      await again.close();
      const btree = (await defs()).filter((d) => d.includes('btree'));
      expect(btree).toHaveLength(2);
      expect(btree.every((d) => d.startsWith('CREATE UNIQUE INDEX'))).toBe(true);
      const gin = (await defs()).filter((d) => d.includes('USING gin'));
      expect(gin.filter((d) => d.includes("'targetEntryId'"))).toEqual([
        expect.stringMatching(/WHERE \(\(_jsonb -> 'targetEntryId'::text\) IS NOT NULL\)$/),
      ]);
    } finally {
      await client.end();
    }
  });
});
