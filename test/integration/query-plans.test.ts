// PostgreSQL's plan for every query FerretDB sends during a full journey: no hot path scans a whole table.
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/logger.ts';
import { buildApp } from '../../api/server.ts';
import { createServices, type Services } from '../../api/services.ts';
import { ferretTables } from '../../embedded-db/indexes.ts';
import { startEmbeddedDb, tempDataDir, type EmbeddedDb } from '../../embedded-db/launcher.ts';
import { connectDatabase, equalityFields, type Database } from '../../storage/connection.ts';
import { fullJourney } from '../fixtures/journey.ts';
import { testConfig } from '../setup/app.ts';

/**
 * Collections that hold reference data of operator scale (tens to hundreds of documents, read
 * whole and cached): a full read of one is the query, not a missing index.
 */
const READ_WHOLE = new Set(['institutions', 'recognition_rules', 'programmes']);

interface Plan {
  'Node Type': string;
  'Relation Name'?: string;
  Filter?: string;
  Plans?: Plan[];
}
interface Explained {
  step: string;
  query: string;
  plan: Plan;
}

const dbName = 'plans';
let embedded: EmbeddedDb | undefined;
let dataDir = '';
let db: Database | undefined;
let services: Services | undefined;
let log = '';

/** auto_explain's records, each attributed to the journey step whose marker query preceded it. */
function explained(): Explained[] {
  const records = log.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  const out: Explained[] = [];
  let step = '(start)';
  for (const r of records) {
    const at = r.indexOf('plan:');
    if (at < 0) continue;
    const doc = JSON.parse(r.slice(at + 'plan:'.length)) as { 'Query Text': string; Plan: Plan };
    const mark = /^SELECT 'journey-step:(.*)'$/.exec(doc['Query Text'].trim());
    if (mark) step = mark[1]!;
    else out.push({ step, query: doc['Query Text'], plan: doc.Plan });
  }
  return out;
}

/** Conditions checked on fetched rows rather than found in an index. */
function filters(p: Plan): string[] {
  return [...(p.Filter ? [p.Filter] : []), ...(p.Plans ?? []).flatMap(filters)];
}

function seqScans(p: Plan): string[] {
  return [
    ...(p['Node Type'] === 'Seq Scan' && p['Relation Name'] ? [p['Relation Name']] : []),
    ...(p.Plans ?? []).flatMap(seqScans),
  ];
}

beforeAll(async () => {
  if (process.env['MONGODB_URI']) return;
  dataDir = await tempDataDir('creditbank-plans-');
  embedded = await startEmbeddedDb({
    dataDir,
    ephemeral: true,
    // Every statement's plan is logged; with sequential scans priced out, one still chosen means
    // no index can serve that query at any table size.
    pgSettings: {
      shared_preload_libraries: 'auto_explain',
      'auto_explain.log_min_duration': '0',
      'auto_explain.log_format': 'json',
      enable_seqscan: 'off',
    },
    onPgOutput: (text) => (log += text),
  });
  db = await connectDatabase(embedded.uri, dbName);
  await embedded.ensureIndexes(dbName, equalityFields(db.models));
  services = createServices(db, testConfig({ VERIFY_WORKERS: '0' }));
  buildApp(services, createLogger('silent'));
}, 120_000);

afterAll(async () => {
  await services?.close();
  await db?.close();
  await embedded?.stop();
  if (dataDir) await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe.skipIf(!!process.env['MONGODB_URI'])('query plans on the embedded engine', () => {
  it('uses an index for every query of every hot path in a full journey', async () => {
    const marker = new pg.Client({ connectionString: embedded!.pgUrl });
    await marker.connect();
    try {
      await fullJourney(services!, async (step) => {
        await marker.query(`SELECT 'journey-step:${step}'`);
      });
      await marker.query(`SELECT 'journey-step:end'`);
      // auto_explain writes asynchronously to stderr: wait for the last marker to arrive.
      for (let i = 0; i < 100 && !log.includes('journey-step:end'); i++)
        await new Promise((r) => setTimeout(r, 50));
      const collections = new Map(
        [...(await ferretTables(marker, dbName))].map(([c, t]) => [t, c] as const),
      );
      const hot = explained().filter((e) => e.step !== 'seed' && e.step !== '(start)');
      expect(hot.length).toBeGreaterThan(30);
      const offenders = hot.flatMap((e) =>
        seqScans(e.plan)
          .map((table) => collections.get(table) ?? table)
          .filter((c) => !READ_WHOLE.has(c) && !c.startsWith('_ferretdb_'))
          .map((c) => `${e.step}: ${c}: ${e.query.replace(/\s+/g, ' ').slice(0, 200)}`),
      );
      expect([...new Set(offenders)]).toEqual([]);
      // A learner's entries are found by the index alone: a block of the chain, or one entry by
      // seq, is not picked out of all of the learner's entries after fetching them.
      const ledger = [...collections].find(([, c]) => c === 'ledger_entries')![0];
      const picked = hot.flatMap((e) =>
        e.query.includes(`"${ledger}"`) && JSON.stringify(e.plan).includes("'learnerId'")
          ? filters(e.plan).map((f) => `${e.step}: ${f}`)
          : [],
      );
      expect([...new Set(picked)]).toEqual([]);
    } finally {
      await marker.end();
    }
  }, 300_000);
});

describe.skipIf(!!process.env['MONGODB_URI'])('prepared lookups on the embedded engine', () => {
  // FerretDB sends a lookup as a prepared `_jsonb->$1 @> $2`; a generic plan (which PostgreSQL
  // may adopt after five runs) cannot match `_jsonb->'_id'` and scans the table. The tables here
  // were analysed while empty, as at every first start, and then grow: the state in which
  // PostgreSQL had switched most of an import's lookups to scans.
  it('keeps every repeated lookup on its index while a table grows', async () => {
    const dir = await tempDataDir('creditbank-generic-');
    let plans = '';
    const edb = await startEmbeddedDb({
      dataDir: dir,
      ephemeral: true,
      pgSettings: {
        shared_preload_libraries: 'auto_explain',
        'auto_explain.log_min_duration': '0',
        'auto_explain.log_format': 'json',
      },
      onPgOutput: (text) => (plans += text),
    });
    const name = 'generic';
    const gdb = await connectDatabase(edb.uri, name);
    try {
      await edb.ensureIndexes(name, equalityFields(gdb.models));
      const learners = gdb.models.Learner.collection;
      const ids: string[] = [];
      for (let round = 0; round < 4; round++) {
        const docs = Array.from({ length: 500 }, (_, i) => ({
          _id: `learner-${round}-${i}`,
          idHash: `hash-${round}-${i}`,
          name: 'L',
          createdAt: '2026-01-01T00:00:00Z',
          createdBy: { kind: 'system', id: 'test' },
        }));
        await learners.insertMany(docs as never[]);
        ids.push(...docs.map((d) => d._id));
        for (let i = 0; i < 30; i++) {
          const id = ids[(i * 37) % ids.length]!;
          expect(await learners.findOne({ _id: id } as never)).not.toBeNull();
        }
      }
      const tables = new Map(
        [
          ...(await (async () => {
            const c = new pg.Client({ connectionString: edb.pgUrl });
            await c.connect();
            try {
              return await ferretTables(c, name);
            } finally {
              await c.end();
            }
          })()),
        ].map(([coll, table]) => [table, coll] as const),
      );
      const lookups = plans.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/).flatMap((r) => {
        const at = r.indexOf('plan:');
        if (at < 0) return [];
        const doc = JSON.parse(r.slice(at + 'plan:'.length)) as {
          'Query Text': string;
          Plan: Plan;
        };
        return /learners_\w+" WHERE/.test(doc['Query Text']) ? [doc.Plan] : [];
      });
      expect(lookups.length).toBeGreaterThanOrEqual(120);
      const scanned = lookups.filter((p) => seqScans(p).some((t) => tables.get(t) === 'learners'));
      expect(scanned.length).toBe(0);

      // No pending list: with GIN's fastupdate on, every lookup read all the entries not yet
      // merged (up to 4 MB). An index made before (fastupdate on, entries pending) is set right.
      const c = new pg.Client({ connectionString: edb.pgUrl });
      await c.connect();
      try {
        await c.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
        const options = async () =>
          (
            await c.query<{
              name: string;
              tbl: string;
              options: string[] | null;
              pending: number;
            }>(
              `SELECT c.relname AS name, c.reloptions AS options, i.indrelid::regclass::text AS tbl,
                      (SELECT pending_tuples FROM pgstatginindex(c.oid))::int AS pending
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 JOIN pg_index i ON i.indexrelid = c.oid
                WHERE n.nspname = $1 AND c.relname LIKE 'cb_gin_%'`,
              [name],
            )
          ).rows;
        const before = await options();
        expect(before.length).toBeGreaterThan(20);
        for (const i of before) expect(i.options).toContain('fastupdate=off');
        const old = before.find((i) => i.tbl.includes('learners_'))!.name;
        await c.query(`ALTER INDEX "${name}"."${old}" SET (fastupdate = on)`);
        await learners.insertOne({
          _id: 'learner-late',
          idHash: 'hash-late',
          name: 'L',
          createdAt: '2026-01-01T00:00:00Z',
          createdBy: { kind: 'system', id: 'test' },
        } as never);
        expect((await options()).find((i) => i.name === old)!.pending).toBe(1);
        await edb.ensureIndexes(name, equalityFields(gdb.models));
        const after = (await options()).find((i) => i.name === old)!;
        expect(after.options).toContain('fastupdate=off');
        expect(after.pending).toBe(0);

        // A field's own index, made before a multicolumn index it leads served it, is dropped.
        const ledgerIndexes = async () =>
          (await options()).filter((i) => i.tbl.includes('ledger_entries_')).length;
        const fields = equalityFields(gdb.models);
        const wanted = await ledgerIndexes();
        expect(fields['ledger_entries']).not.toContain('learnerId');
        await edb.ensureIndexes(name, {
          ...fields,
          ledger_entries: [...fields['ledger_entries']!, 'learnerId'],
        });
        expect(await ledgerIndexes()).toBe(wanted + 1);
        await edb.ensureIndexes(name, fields);
        expect(await ledgerIndexes()).toBe(wanted);
      } finally {
        await c.end();
      }
    } finally {
      await gdb.connection.dropDatabase().catch(() => {});
      await gdb.close();
      await edb.stop();
      await fs.rm(path.dirname(dir), { recursive: true, force: true });
    }
  }, 120_000);
});
