/**
 * People's merges and splits as decisions: what was decided, why, by whom and when, with the
 * record event, and the reports each one concerned (so an incident, whose id may change as its
 * reports regroup, finds the decisions about its reports). Filled from the record by the
 * rebuild that follows this migration on a database that has one.
 */
import type { Kysely } from 'kysely';
import { markRebuildPending } from './rebuild-mark.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('grouping_decisions')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    // merge | split
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON: the incidents as the decision named them.
    .addColumn('incident_ids', 'text', (c) => c.notNull())
    // JSON: for a split, the reports taken out; empty for a merge.
    .addColumn('moved_report_ids', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('grouping_decision_reports')
    // `<event>/<report>`
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('grouping_decision_reports_by_report')
    .on('grouping_decision_reports')
    .column('report_id')
    .execute();
  await markRebuildPending(db, '0011-grouping-decisions');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('grouping_decision_reports').ifExists().execute();
  await db.schema.dropTable('grouping_decisions').ifExists().execute();
}
