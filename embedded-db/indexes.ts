// GIN expression indexes in PostgreSQL for FerretDB's pushed-down equality filters (`_jsonb->'f' @> $1`).
import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Collection name → the fields its hot queries filter by equality (`a.b` for a nested field); a list
 * of fields is one multicolumn index, for queries that filter by all of them at once.
 */
export type EqualityFields = Record<string, readonly (string | readonly string[])[]>;

/** The SQL expression FerretDB filters on for a field: `_jsonb->'f'`, or `_jsonb#>'{a,b}'` for a path. */
export function jsonbExpression(field: string): string {
  const parts = field.split('.');
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return parts.length === 1
    ? `(_jsonb->${lit(field)})`
    : `(_jsonb#>${lit(`{${parts.map((p) => `"${p.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)})`;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Our name for the index of a table over these fields (`\0`-joined). */
const indexName = (table: string, key: string) =>
  `cb_gin_${createHash('sha256').update(`${table}\0${key}`).digest('hex').slice(0, 20)}`;

/** Maps each collection of a database to the PostgreSQL table FerretDB keeps it in. */
export async function ferretTables(
  client: pg.Client,
  dbName: string,
): Promise<Map<string, string>> {
  const exists = await client.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [
    `${ident(dbName)}._ferretdb_database_metadata`,
  ]);
  if (!exists.rows[0]?.ok) return new Map();
  const res = await client.query<{ coll: string; tbl: string }>(
    `SELECT _jsonb->>'_id' AS coll, _jsonb->>'table' AS tbl FROM ${ident(dbName)}._ferretdb_database_metadata`,
  );
  return new Map(res.rows.map((r) => [r.coll, r.tbl]));
}

/**
 * FerretDB pushes an equality filter down to PostgreSQL as `_jsonb->'field' @> $1`, which the btree
 * indexes it creates cannot serve: without these every lookup is a sequential scan. A multicolumn
 * GIN index serves a filter on all its fields at once (PostgreSQL intersects them in the index), so
 * a query for a few documents of a learner does not fetch all of the learner's to filter them.
 * Idempotent; collections FerretDB has not created yet are skipped (call again once they exist).
 * Indexes of ours on a listed collection that are no longer asked for are dropped.
 */
export async function ensureEqualityIndexes(
  pgUrl: string,
  dbName: string,
  fields: EqualityFields,
): Promise<number> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  let created = 0;
  try {
    const tables = await ferretTables(client, dbName);
    for (const [collection, list] of Object.entries(fields)) {
      const table = tables.get(collection);
      if (!table) continue;
      const wanted = new Map<string, readonly string[]>();
      for (const f of list) {
        const cols = typeof f === 'string' ? [f] : f;
        wanted.set(cols.join('\0'), cols);
      }
      for (const [key, cols] of wanted) {
        const name = indexName(table, key);
        const res = await client.query<{ options: string[] | null; partial: boolean }>(
          `SELECT c.reloptions AS options, i.indpred IS NOT NULL AS partial
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_index i ON i.indexrelid = c.oid
            WHERE n.nspname = $1 AND c.relname = $2`,
          [dbName, name],
        );
        let found = res.rows[0];
        // A one-field index made before they left out the documents without the field.
        if (found && cols.length === 1 && !found.partial) {
          await client.query(`DROP INDEX IF EXISTS ${ident(dbName)}.${ident(name)}`);
          found = undefined;
        }
        if (found) {
          // Made before fastupdate was turned off: turn it off, and merge what is pending.
          if (!found.options?.includes('fastupdate=off')) {
            await client.query(
              `ALTER INDEX ${ident(dbName)}.${ident(name)} SET (fastupdate = off)`,
            );
            await client.query(`SELECT gin_clean_pending_list($1::regclass)`, [
              `${ident(dbName)}.${ident(name)}`,
            ]);
          }
          continue;
        }
        try {
          // fastupdate off: with it on, new entries wait in a pending list (up to 4 MB) that
          // every lookup reads from end to end, 250 to 500 pages per lookup at 100,000 entries.
          // A one-field index leaves out the documents without the field (entries that correct
          // nothing, say): `@>` is strict, so PostgreSQL knows a lookup never wants those.
          const partial =
            cols.length === 1 ? ` WHERE ${jsonbExpression(cols[0]!)} IS NOT NULL` : '';
          await client.query(
            `CREATE INDEX IF NOT EXISTS ${ident(name)} ON ${ident(dbName)}.${ident(table)} USING gin (${cols.map((f) => `${jsonbExpression(f)} jsonb_path_ops`).join(', ')}) WITH (fastupdate = off)${partial}`,
          );
          created++;
        } catch (err) {
          // Another process created the same index at the same moment.
          if (!['42P07', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
        }
      }
      // Ours that are no longer wanted (a field now served by a multicolumn index it leads).
      const names = new Set([...wanted.keys()].map((key) => indexName(table, key)));
      const ours = await client.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes
          WHERE schemaname = $1 AND tablename = $2 AND indexname LIKE 'cb\\_gin\\_%'`,
        [dbName, table],
      );
      for (const { name } of ours.rows)
        if (!names.has(name))
          await client.query(`DROP INDEX IF EXISTS ${ident(dbName)}.${ident(name)}`);
      if (created) await client.query(`ANALYZE ${ident(dbName)}.${ident(table)}`);
    }
  } finally {
    await client.end();
  }
  return created;
}
