/**
 * A migration that adds projection data the record already holds (the event id of each
 * decision, merges and splits as decisions) leaves this mark in `projection_marks`, in its own
 * transaction. The next start (or `truce migrate`) rebuilds the projections from the record and
 * only then removes the mark, so an upgrade interrupted during the rebuild is finished later.
 */
import { sql, type Kysely } from 'kysely';

export const REBUILD_MARK = 'projections_rebuild_pending';

/** Leaves the mark, naming the migration that asks for the rebuild. */
export async function markRebuildPending(db: Kysely<unknown>, migration: string): Promise<void> {
  await sql`insert into projection_marks (name, token) values (${REBUILD_MARK}, ${migration})
    on conflict (name) do update set token = excluded.token`.execute(db);
}

/** Whether a migration left the mark and the rebuild has not finished since. */
export async function isRebuildPending<DB>(db: Kysely<DB>): Promise<boolean> {
  const { rows } =
    await sql`select token from projection_marks where name = ${REBUILD_MARK}`.execute(db);
  return rows.length > 0;
}

/** Removes the mark, once the projections were rebuilt. */
export async function clearRebuildMark<DB>(db: Kysely<DB>): Promise<void> {
  await sql`delete from projection_marks where name = ${REBUILD_MARK}`.execute(db);
}
