/**
 * What a dishonest operator with database access can do: rewrite entries and rebuild the tiles
 * so that the stored log is self-consistent again. Only signed checkpoints remember the truth.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../src/store/transactions.js';
import { appendEntries } from '../../src/store/record-log.js';
import type { Database } from '../../src/store/schema.js';

/**
 * Replaces every entry's stored JSON with `rewrite(data, index)` and recomputes the tiles.
 * Returns how many entries changed.
 */
export async function forgeRecord(
  db: Kysely<Database>,
  isPostgres: boolean,
  rewrite: (data: string, index: number) => string,
): Promise<number> {
  const rows = await db.selectFrom('record_entries').selectAll().orderBy('idx').execute();
  const forged = rows.map((row) => ({ ...row, data: rewrite(row.data, Number(row.idx)) }));
  await db.deleteFrom('record_tiles').execute();
  await db.deleteFrom('record_entries').execute();
  await inTransaction(db, (tx) =>
    appendEntries(
      tx,
      forged.map((r) => ({
        eventId: r.event_id,
        type: r.type,
        bytes: new TextEncoder().encode(r.data),
      })),
      isPostgres,
    ),
  );
  return forged.filter((row, i) => row.data !== rows[i]?.data).length;
}
