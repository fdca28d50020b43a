/**
 * The projection tables (read tables rebuilt from the record), read generically for comparing
 * them with a replay, and rewritten to match one.
 */
import type { Kysely } from 'kysely';
import type { Db, Tx } from '../transactions.js';
import type { Database } from '../schema.js';

export type ProjectionRow = Record<string, unknown>;

/** Every projection with its primary key column, in dependency order (parents first). */
export const PROJECTIONS = [
  { table: 'users', key: 'id' },
  { table: 'api_tokens', key: 'id' },
  { table: 'instance_settings', key: 'key' },
  { table: 'actors', key: 'id' },
  { table: 'documents', key: 'id' },
  { table: 'document_parts', key: 'key' },
  { table: 'reports', key: 'id' },
  { table: 'incidents', key: 'id' },
  { table: 'grouping_links', key: 'key' },
  { table: 'grouping_apart', key: 'key' },
  { table: 'grouping_decisions', key: 'event_id' },
  { table: 'grouping_decision_reports', key: 'key' },
  { table: 'verification_steps', key: 'id' },
  { table: 'incident_assignments', key: 'incident_id' },
  { table: 'attributions', key: 'key' },
  { table: 'findings', key: 'id' },
  { table: 'trigger_evaluations', key: 'key' },
  { table: 'activations', key: 'id' },
  { table: 'guarantor_responses', key: 'id' },
  { table: 'alerts', key: 'id' },
] as const satisfies readonly { table: keyof Database; key: string }[];

export type ProjectionTable = (typeof PROJECTIONS)[number]['table'];

/** All rows of a projection, ordered by primary key. */
export async function readProjection(db: Db, table: ProjectionTable): Promise<ProjectionRow[]> {
  const key = PROJECTIONS.find((p) => p.table === table)?.key ?? 'id';
  const rows = await (db as unknown as Kysely<Record<string, ProjectionRow>>)
    .selectFrom(table)
    .selectAll()
    .orderBy(key)
    .execute();
  return rows as ProjectionRow[];
}

/**
 * Makes a projection hold exactly `expected`: rows not expected are deleted (with whatever
 * cascades from them), the others inserted or updated.
 */
export async function rewriteProjection(
  tx: Tx,
  table: ProjectionTable,
  expected: readonly ProjectionRow[],
): Promise<void> {
  const key = PROJECTIONS.find((p) => p.table === table)?.key ?? 'id';
  const untyped = tx as unknown as Kysely<Record<string, ProjectionRow>>;
  const wanted = new Set(expected.map((row) => String(row[key])));
  const present = await readProjection(tx, table);
  for (const row of present) {
    if (!wanted.has(String(row[key])))
      await untyped.deleteFrom(table).where(key, '=', row[key]).execute();
  }
  const byKey = new Map(present.map((row) => [String(row[key]), row]));
  for (const row of expected) {
    const current = byKey.get(String(row[key]));
    if (current === undefined) await untyped.insertInto(table).values(row).execute();
    else if (JSON.stringify(current) !== JSON.stringify(row)) {
      await untyped.updateTable(table).set(row).where(key, '=', row[key]).execute();
    }
  }
}
