/**
 * Rebuilding the projections from the record alone, and the upgrade that applies migrations and
 * rebuilds when one of them asks for it.
 */
import { randomUUID } from 'node:crypto';
import { decodeEntry } from '../core/record/entry.js';
import { stampParts } from '../store/agreement-store.js';
import { migrateToLatest, openStore, type Store } from '../store/database.js';
import { clearRebuildMark, isRebuildPending } from '../store/migrations/rebuild-mark.js';
import { PROJECTIONS, readProjection, rewriteProjection } from '../store/projections/tables.js';
import { applyEvents } from '../store/record.js';
import { inTransaction } from '../store/transactions.js';
import { readEntries, recordSize } from '../store/record-log.js';
import { forgetGroupingIndex } from '../store/grouping-index-store.js';

/** Entries read from the record at a time. */
const PAGE = 5000;

/**
 * Applies the pending migrations, then, when one of them left the rebuild mark (it adds
 * projection data the record already holds) and there is a record, rebuilds the projections
 * from it, so decisions made before the upgrade get the new data too. The mark goes only after
 * the rebuild: an upgrade interrupted during it is finished at the next start.
 */
export async function upgradeStore(store: Store): Promise<{ applied: string[]; rebuilt: boolean }> {
  const applied = await migrateToLatest(store);
  if (!(await isRebuildPending(store.db))) return { applied, rebuilt: false };
  const rebuilt = (await recordSize(store.db)) > 0;
  if (rebuilt) await rebuildProjections(store);
  await clearRebuildMark(store.db);
  return { applied, rebuilt };
}

/**
 * Rewrites every projection to what replaying the record produces, in one transaction.
 * Returns how many events were replayed.
 */
export async function rebuildProjections(store: Store): Promise<{ events: number; rows: number }> {
  const replica = await openStore('sqlite::memory:');
  try {
    await migrateToLatest(replica);
    // Read and rewrite inside one write transaction: no event can commit in between and be
    // lost from the rewritten tables.
    return await inTransaction(store.db, async (tx) => {
      let events = 0;
      for (;;) {
        const rows = await readEntries(tx, events, events + PAGE);
        if (rows.length === 0) break;
        const decoded = rows.map((row, i) => {
          if (row.index !== events + i) {
            throw new Error(
              `entry ${events + i} is missing: refusing to rebuild from a broken record`,
            );
          }
          const event = decodeEntry(row.bytes);
          if ('error' in event) throw new Error(`entry ${row.index} is malformed: ${event.error}`);
          return event;
        });
        await inTransaction(replica.db, (rtx) => applyEvents(rtx, decoded));
        events += rows.length;
      }
      let total = 0;
      for (const { table } of PROJECTIONS) {
        const expected = await readProjection(replica.db, table);
        total += expected.length;
        await rewriteProjection(tx, table, expected);
      }
      // Reports, incidents and document parts were rewritten under every process's indexes.
      await forgetGroupingIndex(tx);
      await stampParts(tx, randomUUID());
      return { events, rows: total };
    });
  } finally {
    await replica.close();
  }
}
