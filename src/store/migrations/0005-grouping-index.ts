/**
 * Grouping moves its candidate search into memory (core/incidents/grouping-index.ts), so the
 * place-and-time index of reports goes; the indexes on triage and source key hold only the rows
 * that have one. `projection_marks` holds a token per in-memory index, changed by every write
 * that changes what the index holds, so a process sees when another one wrote (or its own
 * transaction rolled back) and rebuilds its index from the tables.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Each step may run again after an interruption (SQLite runs migrations outside a transaction).
  await db.schema.dropIndex('reports_by_place_time').ifExists().execute();
  await db.schema.dropIndex('reports_by_triage').ifExists().execute();
  await db.schema.dropIndex('reports_by_source_key').ifExists().execute();
  await db.schema
    .createIndex('reports_by_triage')
    .ifNotExists()
    .on('reports')
    .column('triage')
    .where(sql.ref('triage'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('reports_by_source_key')
    .ifNotExists()
    .on('reports')
    .column('source_key')
    .where(sql.ref('source_key'), 'is not', null)
    .execute();
  await db.schema
    .createTable('projection_marks')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('projection_marks').execute();
  await db.schema.dropIndex('reports_by_source_key').execute();
  await db.schema.dropIndex('reports_by_triage').execute();
  await db.schema.createIndex('reports_by_triage').on('reports').column('triage').execute();
  await db.schema.createIndex('reports_by_source_key').on('reports').column('source_key').execute();
  await db.schema
    .createIndex('reports_by_place_time')
    .on('reports')
    .columns(['radius_class', 'lat', 'observed_from'])
    .execute();
}
