/**
 * `record(tx, events)`: the one write path for state. In the caller's transaction it appends
 * each event to the record (the Merkle tree log, record-log.ts) and applies it to the
 * projections (projections/, whose tables.ts lists them). Nothing else writes those tables.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import { encodeEntry } from '../core/record/entry.js';
import type { RecordedEvent } from '../core/events.js';
import { appendEntries } from './record-log.js';
import { projectEvent } from './projections/index.js';
import type { Database } from './schema.js';
import type { Tx } from './transactions.js';

/**
 * Appends the events to the record and applies them to the projections, in order. Returns the
 * record index of the first event. Throws (rolling back the caller's transaction) when an event
 * exceeds the entry size limit.
 */
export async function record(tx: Tx, events: readonly RecordedEvent[]): Promise<number> {
  const entries = events.map((event) => ({
    eventId: event.id,
    type: event.type,
    bytes: encodeEntry(event),
  }));
  const first = await appendEntries(
    tx,
    entries,
    tx.getExecutor().adapter instanceof PostgresAdapter,
  );
  await applyEvents(tx, events);
  return first;
}

/** Applies events to the projections only: for replaying the record into fresh tables. */
export async function applyEvents(
  tx: Tx | Kysely<Database>,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events) await projectEvent(tx, event);
}
