// Every command the repositories send in a full journey, recorded from the driver: hot-path queries on sharded collections carry their shard key.
import type { CommandStartedEvent, Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, type Services } from '../../api/services.ts';
import { ensureEqualityIndexes } from '../../embedded-db/indexes.ts';
import { connectDatabase, equalityFields, type Database } from '../../storage/connection.ts';
import { SHARD_KEYS, shardKeyFields } from '../../storage/sharding.ts';
import { fullJourney } from '../fixtures/journey.ts';
import { testConfig } from '../setup/app.ts';

interface Sent {
  step: string;
  collection: string;
  command: string;
  /** Each filter (or inserted document) the command carries. */
  targets: Document[];
}

/** The filters of a command, or the documents of an insert: what a mongos routes by. */
function targetsOf(name: string, cmd: Document): Document[] {
  switch (name) {
    case 'find':
      return [cmd['filter'] ?? {}];
    case 'count':
    case 'distinct':
    case 'findAndModify':
      return [cmd['query'] ?? {}];
    case 'aggregate': {
      const first = (cmd['pipeline'] as Document[] | undefined)?.[0];
      return [first?.['$match'] ?? {}];
    }
    case 'update':
      return (cmd['updates'] as Document[]).map((u) => u['q'] as Document);
    case 'delete':
      return (cmd['deletes'] as Document[]).map((d) => d['q'] as Document);
    case 'insert':
      return cmd['documents'] as Document[];
    default:
      return [];
  }
}

/** Does a filter (or document) name one value, or a few, of the field? Then mongos targets it. */
function carries(target: Document, field: string): boolean {
  const v: unknown = target[field];
  if (typeof v === 'string' || typeof v === 'number') return true;
  if (v && typeof v === 'object') {
    const o = v as Document;
    return typeof o['$eq'] === 'string' || Array.isArray(o['$in']);
  }
  return false;
}

/**
 * Hot-path queries that still go to every shard, each an index lookup there, named by collection,
 * command and the fields of the filter. A ledger entry's id is `<institution>:<record id>` and
 * carries no learner, so a lookup by id (GraphQL ledgerEntry, a replayed record, the entry a
 * credential is issued for) cannot be routed; an institution's page
 * spans every learner by design, and so does a status list (one institution's credentials across
 * all their learners, read from the chained status entries when the list is refreshed, in the
 * background, not per request), and so does a class (one institution's results of a course across
 * all their learners, courseClass). What would route them is in docs/cluster.md. Anything not listed
 * here fails the test.
 */
const SCATTER_GATHER = new Set([
  'ledger_entries.find {_id}',
  'ledger_entries.find {institutionId}',
  'ledger_entries.find {statusListKey}',
  'ledger_entries.find {courseKey}',
]);

const shape = (s: Sent, t: Document) =>
  `${s.collection}.${s.command} {${Object.keys(t).sort().join(',')}}`;

let db: Database;
let services: Services;
const sent: Sent[] = [];
let step = '(start)';

beforeAll(async () => {
  const dbName = `shardkeys_${process.pid}_${Date.now().toString(36)}`;
  db = await connectDatabase(inject('mongodbUri'), dbName, { monitorCommands: true });
  if (inject('postgresUrl'))
    await ensureEqualityIndexes(inject('postgresUrl'), dbName, equalityFields(db.models));
  services = createServices(db, testConfig({ VERIFY_WORKERS: '0' }));
  db.connection.getClient().on('commandStarted', (e: CommandStartedEvent) => {
    const collection: unknown = e.command[e.commandName];
    if (typeof collection !== 'string') return;
    sent.push({
      step,
      collection,
      command: e.commandName,
      targets: targetsOf(e.commandName, e.command),
    });
  });
}, 120_000);

afterAll(async () => {
  await services?.close();
  await db?.connection.dropDatabase().catch(() => {});
  await db?.close();
});

describe('shard keys', () => {
  it('every hot-path command on a sharded collection carries its shard key', async () => {
    await fullJourney(services, (s) => {
      step = s;
    });
    const hot = sent.filter((s) => s.step !== 'seed' && SHARD_KEYS[s.collection]);
    // The journey touches every sharded collection, through reads and writes.
    expect(new Set(hot.map((s) => s.collection))).toEqual(new Set(Object.keys(SHARD_KEYS)));
    const untargeted = hot.flatMap((s) =>
      s.targets
        .filter((t) => !shardKeyFields(s.collection).every((f) => carries(t, f)))
        .filter((t) => !SCATTER_GATHER.has(shape(s, t)))
        .map((t) => `${s.step}: ${s.collection}.${s.command} ${JSON.stringify(t)}`),
    );
    expect([...new Set(untargeted)]).toEqual([]);
    // The list is exact: a shape that no longer occurs is taken off it.
    const seen = new Set(hot.flatMap((s) => s.targets.map((t) => shape(s, t))));
    expect([...SCATTER_GATHER].filter((x) => !seen.has(x))).toEqual([]);
  }, 300_000);
});
