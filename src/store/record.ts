/**
 * `record(tx, events)`: the one write path for state. In the caller's transaction it appends
 * each event to the record (the Merkle tree log) and applies it to the projections (users,
 * api_tokens, instance_settings, actors, documents, document_parts). Nothing else writes
 * those tables.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import { encodeEntry } from '../core/record/entry.js';
import type { RecordedEvent } from '../core/events.js';
import { projectAccountabilityEvent } from './accountability-store.js';
import { projectAgreementEvent } from './agreement-store.js';
import { appendEntries } from './record-log.js';
import { projectReportEvent } from './projections/reports.js';
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
  for (const event of events) await project(tx, event);
}

async function project(tx: Tx | Kysely<Database>, event: RecordedEvent): Promise<void> {
  if (await projectAgreementEvent(tx, event)) return;
  if (await projectReportEvent(tx, event)) return;
  if (await projectAccountabilityEvent(tx, event)) return;
  switch (event.type) {
    case 'user.added': {
      const { userId, name, role, actor } = event.payload;
      await tx
        .insertInto('users')
        .values({ id: userId, name, role, actor, created_at: event.at, disabled_at: null })
        .execute();
      return;
    }
    case 'user.role_set': {
      const { userId, role, actor } = event.payload;
      await tx.updateTable('users').set({ role, actor }).where('id', '=', userId).execute();
      return;
    }
    case 'user.disabled':
      await tx
        .updateTable('users')
        .set({ disabled_at: event.at })
        .where('id', '=', event.payload.userId)
        .execute();
      return;
    case 'user.enabled':
      await tx
        .updateTable('users')
        .set({ disabled_at: null })
        .where('id', '=', event.payload.userId)
        .execute();
      return;
    case 'user.password_set':
      // The hash itself is a secret kept in user_passwords, outside the record.
      return;
    case 'token.created': {
      const { tokenId, userId, label, expiresAt } = event.payload;
      await tx
        .insertInto('api_tokens')
        .values({
          id: tokenId,
          user_id: userId,
          label,
          created_at: event.at,
          expires_at: expiresAt,
          revoked_at: null,
        })
        .execute();
      return;
    }
    case 'token.revoked':
      await tx
        .updateTable('api_tokens')
        .set({ revoked_at: event.at })
        .where('id', '=', event.payload.tokenId)
        .execute();
      return;
    case 'instance.demo_loaded':
      await tx
        .insertInto('instance_settings')
        .values({ key: 'demo', value: 'true' })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: 'true' }))
        .execute();
      return;
  }
}
