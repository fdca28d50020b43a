/**
 * Monitoring: reports as received (immutable; corrections are new reports), incidents grouped
 * from them, and the grouping links that explain each grouping or suggestion. All three are
 * projections of the record.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // `<submitter>:<clientId>`: a client re-sending the same id is a no-op.
    .addColumn('client_key', 'text', (c) => c.unique())
    // `<source name>:<id in the source data set>`: a re-import updates instead of duplicating.
    .addColumn('source_key', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('observed_from', 'text', (c) => c.notNull())
    .addColumn('observed_to', 'text', (c) => c.notNull())
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('radius_m', 'double precision')
    // Which band of precision radii (report-rows.ts RADIUS_BANDS) the radius falls in: grouping
    // looks for candidates band by band, each with its own reach, through one index.
    .addColumn('radius_class', 'integer')
    .addColumn('incident_id', 'text')
    .addColumn('superseded_by', 'text')
    // Public submissions: pending until triaged, then accepted or rejected; null otherwise.
    .addColumn('triage', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_by_triage').on('reports').column('triage').execute();
  await db.schema.createIndex('reports_by_source_key').on('reports').column('source_key').execute();
  await db.schema.createIndex('reports_by_incident').on('reports').column('incident_id').execute();
  await db.schema
    .createIndex('reports_by_place_time')
    .on('reports')
    .columns(['radius_class', 'lat', 'observed_from'])
    .execute();
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('observed_from', 'text', (c) => c.notNull())
    .addColumn('observed_to', 'text', (c) => c.notNull())
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('radius_m', 'double precision')
    .addColumn('report_count', 'integer', (c) => c.notNull())
    .addColumn('source_count', 'integer', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incidents_by_time')
    .on('incidents')
    .columns(['observed_from', 'id'])
    .execute();
  await db.schema
    .createIndex('incidents_by_place')
    .on('incidents')
    .columns(['lon', 'lat'])
    .execute();
  await db.schema
    .createTable('grouping_links')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('other_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('grouping_links_by_report')
    .on('grouping_links')
    .column('report_id')
    .execute();
  await db.schema
    .createIndex('grouping_links_by_other')
    .on('grouping_links')
    .column('other_id')
    .execute();
  // Pairs of reports a person split apart: automatic grouping never joins their incidents.
  await db.schema
    .createTable('grouping_apart')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('other_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('grouping_apart_by_report')
    .on('grouping_apart')
    .column('report_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['grouping_apart', 'grouping_links', 'incidents', 'reports']) {
    await db.schema.dropTable(table).execute();
  }
}
