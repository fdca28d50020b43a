/**
 * Transactions: the one way to write (`inTransaction`, serialised on both databases), the one
 * way to read a consistent view while writers carry on (`inReadSnapshot`), and the database a
 * transaction belongs to (`rootOf`), which state kept in memory beside the tables is keyed by.
 */
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/** A transaction handle; every store write takes one so a service controls atomicity. */
export type Tx = Transaction<Database>;

/** A database handle or a transaction: what store reads (and projectors) take. */
export type Db = Kysely<Database> | Tx;

const roots = new WeakMap<Tx, Kysely<Database>>();

/**
 * The database a transaction of inTransaction belongs to (the handle itself for a handle): what
 * state kept in memory beside the tables (the grouping index) is keyed by.
 */
export function rootOf(db: Tx | Kysely<Database>): Kysely<Database> {
  return roots.get(db as Tx) ?? db;
}

/** The PostgreSQL advisory lock that serialises writers (SQLite has one writer anyway). */
const WRITE_LOCK = 0x7472_7563; // "truc"

/**
 * Takes the writers' lock for the rest of the transaction. PostgreSQL only (SQLite has one
 * writer anyway); taking it again in the same transaction is a no-op.
 */
export async function lockWrites(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${WRITE_LOCK})`.execute(tx);
}

/**
 * Runs `work` in one transaction: all of its writes land, or none. Write transactions are
 * serialised, so a check made inside one (the last admin, a free name, the record's size) still
 * holds when it commits, on PostgreSQL as on SQLite.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    roots.set(tx, db);
    if (tx.getExecutor().adapter instanceof PostgresAdapter) await lockWrites(tx);
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
