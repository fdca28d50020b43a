/**
 * Incidents get the map cell of their place (core/geo/cells.ts: a quarter degree), indexed with
 * their time, id and place (a covering index), so a list for a small map area finds its page in
 * the index instead of reading a strip of longitude across the whole map. Existing incidents get
 * theirs in one statement, computed as cellOf does. Safe to run again after an interruption
 * (SQLite runs migrations outside a transaction).
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`alter table incidents add column if not exists cell integer`.execute(db);
  } else {
    // SQLite has no "if not exists" for a column; its catalog holds this database only.
    const columns = await sql<{ name: string }>`pragma table_info(incidents)`.execute(db);
    if (!columns.rows.some((c) => c.name === 'cell')) {
      await db.schema.alterTable('incidents').addColumn('cell', 'integer').execute();
    }
  }
  // cellOf: row (clamped to 719) * 1440 + column (clamped to 1439), both floored; the operands
  // are never negative, so SQLite's cast (which truncates) floors too.
  await sql`update incidents set cell = ${
    postgres
      ? sql`least(719, floor((lat + 90) * 4))::integer * 1440 + least(1439, floor((lon + 180) * 4))::integer`
      : sql`min(719, cast((lat + 90) * 4 as integer)) * 1440 + min(1439, cast((lon + 180) * 4 as integer))`
  } where lat is not null and lon is not null`.execute(db);
  await db.schema
    .createIndex('incidents_by_cell')
    .ifNotExists()
    .on('incidents')
    .columns(['cell', 'observed_from', 'id', 'lat', 'lon'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_by_cell').execute();
  await db.schema.alterTable('incidents').dropColumn('cell').execute();
}
