/**
 * `record(tx, events)`: the one write path for state. In the caller's transaction it appends
 * each event to the record (the Merkle tree log) and applies it to the projections (users,
 * api_tokens, instance_settings, actors, documents, document_parts). Nothing else writes
 * those tables.
 */
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { encodeEntry } from '../core/record/entry.js';
import type { RecordedEvent } from '../core/events.js';
import { projectAccountabilityEvent } from './accountability-store.js';
import { projectAgreementEvent } from './agreement-store.js';
import { appendEntries } from './record-log.js';
import { projectReportEvent } from './report-store.js';
import type { Database } from './schema.js';

/** A transaction handle; every store write takes one so a service controls atomicity. */
export type Tx = Transaction<Database>;

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

const roots = new WeakMap<Tx, Kysely<Database>>();

/**
 * The database a transaction of inTransaction belongs to (the handle itself for a handle): what
 * state kept in memory beside the tables (the grouping index) is keyed by.
 */
export function rootOf(db: Tx | Kysely<Database>): Kysely<Database> {
  return roots.get(db as Tx) ?? db;
}

/** The PostgreSQL advisory lock that serialises writers (SQLite has one writer anyway). */
export const WRITE_LOCK = 0x7472_7563; // "truc"

/**
 * Runs `work` in one transaction: all of its writes land, or none. Write transactions are
 * serialised, so a check made inside one (the last admin, a free name, the record's size) still
 * holds when it commits, on PostgreSQL as on SQLite.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    roots.set(tx, db);
    if (tx.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`select pg_advisory_xact_lock(${WRITE_LOCK})`.execute(tx);
    }
    return work(tx);
  });
}

/**
 * Runs `work` on one connection inside a read-only snapshot: every query sees the database as
 * it was when the snapshot began, while writers carry on (SQLite WAL read transaction;
 * PostgreSQL REPEATABLE READ READ ONLY).
 */
export function inReadSnapshot<T>(
  db: Kysely<Database>,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    const isPostgres = connection.getExecutor().adapter instanceof PostgresAdapter;
    await sql
      .raw(isPostgres ? 'begin isolation level repeatable read read only' : 'begin')
      .execute(connection);
    // SQLite fixes the snapshot at the first read, not at "begin".
    if (!isPostgres) await sql`select count(*) from record_entries`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql.raw(isPostgres ? 'rollback' : 'rollback').execute(connection);
    }
  });
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
