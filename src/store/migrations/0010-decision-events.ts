/**
 * The record entry of each decision: attributions, findings, activations (the entry that opened
 * them) and guarantor responses keep the id of the event that made them, so the web app can
 * prove each one is in the record. (Verification steps already have it: their id is the
 * event's.) Rows made before this migration have none until `truce rebuild` replays them.
 */
import type { Kysely } from 'kysely';
import { markRebuildPending } from './rebuild-mark.js';

const TABLES = ['attributions', 'findings', 'activations', 'guarantor_responses'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('event_id', 'text').execute();
  }
  await markRebuildPending(db, '0010-decision-events');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).dropColumn('event_id').execute();
  }
}
