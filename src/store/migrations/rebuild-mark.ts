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
