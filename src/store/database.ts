/**
 * Opens the database a URL names: embedded SQLite (`sqlite:./data/truce.db`, `sqlite::memory:`)
 * or PostgreSQL (`postgres://user@host:5432/db`, optionally `?schema=name`), and runs migrations.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type DatabaseConnection,
  type Dialect as KyselyDialect,
  type MigrationProvider,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations/index.js';
import { SchemaPostgresDialect } from './schema-introspector.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open database with its dialect. `close()` ends every connection. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The URL without its password, safe to print. */
  readonly displayUrl: string;
  /** PostgreSQL: the schema Truce's tables live in (migrations are tracked there too). */
  readonly schema?: string;
  close(): Promise<void>;
}

/** The database could not be opened or reached; the message says which and why. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** A parsed database URL. */
export type DatabaseLocation =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; connectionString: string; schema: string | null };

/**
 * Parses a database URL; returns a message instead when it is not one Truce can use.
 * Accepts `sqlite:PATH`, `sqlite::memory:`, `postgres://...` and `postgresql://...`.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation | { error: string } {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      return { error: 'a sqlite: URL needs a file path, e.g. sqlite:./data/truce.db' };
    return { dialect: 'sqlite', path };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { error: `"${redactUrl(url)}" is not a valid URL` };
    }
    if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
      return { error: 'a postgres:// URL needs a host, e.g. postgres://127.0.0.1:5432/truce' };
    }
    const schema = parsed.searchParams.get('schema');
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      return { error: `schema "${schema}" must be lowercase letters, digits and "_"` };
    }
    parsed.searchParams.delete('schema');
    return { dialect: 'postgres', connectionString: parsed.toString(), schema };
  }
  return {
    error: `"${redactUrl(url)}" is not a database URL; use sqlite:PATH or postgres://HOST/DB`,
  };
}

/** The URL with any password (in the authority or a `password` parameter) replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString().replace('%2A%2A%2A', '***');
  } catch {
    // Not parseable: hide everything between "//" and the last "@".
    return url.replace(/\/\/[^/]*@/, '//***@').replace(/\/\/([^:/@]+):.*@/, '//$1:***@');
  }
}

/**
 * Opens the database and checks that it answers. Throws StoreUnavailableError with a clear
 * message when the file cannot be created or the server cannot be reached.
 */
export async function openStore(url: string): Promise<Store> {
  const location = parseDatabaseUrl(url);
  if ('error' in location) throw new StoreUnavailableError(location.error);
  const displayUrl = redactUrl(url);
  if (location.dialect === 'sqlite') return openSqlite(location.path, displayUrl);
  return openPostgres(location.connectionString, location.schema, displayUrl);
}

function openSqlite(path: string, displayUrl: string): Store {
  let handle: SqliteDatabase.Database;
  try {
    const isFile = path !== ':memory:';
    if (isFile) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    handle = new SqliteDatabase(path);
    // The file holds password hashes: readable by the owner only.
    if (isFile) chmodSync(path, 0o600);
    handle.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives power loss, not only a process crash.
    handle.pragma('synchronous = FULL');
    handle.pragma('busy_timeout = 5000');
    handle.pragma('foreign_keys = ON');
    // 64 MiB of page cache (the default is 2 MiB): intake updates several indexes per report,
    // and with a small cache every batch reads the same index pages again.
    handle.pragma('cache_size = -65536');
  } catch (error) {
    throw new StoreUnavailableError(`cannot open SQLite database ${path}: ${describe(error)}`);
  }
  const db = new Kysely<Database>({
    dialect: immediateSqliteDialect({ database: withStatementCache(handle) }),
  });
  return { db, dialect: 'sqlite', displayUrl, close: () => db.destroy() };
}

/** How many prepared statements the SQLite handle keeps, by SQL text. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The handle with its prepared statements kept by SQL text (least recently prepared dropped
 * first). Kysely prepares every query anew; preparing was the largest single cost of a write.
 * Safe because Kysely runs one query at a time on the one SQLite connection, and SQLite
 * re-prepares a cached statement by itself after a schema change.
 */
function withStatementCache(handle: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string): SqliteDatabase.Statement {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = handle.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(sql, statement);
      }
      return statement;
    },
    close: () => {
      handle.close();
    },
  };
}

async function openPostgres(
  connectionString: string,
  schema: string | null,
  displayUrl: string,
): Promise<Store> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 5000,
    // bigint columns (record indexes, sizes) stay far below 2^53: read them as numbers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8
          ? Number
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  let current: string;
  try {
    const client = await pool.connect();
    try {
      if (schema !== null) {
        // Two processes creating the schema at once race inside PostgreSQL: serialise them.
        await client.query('select pg_advisory_lock(7365)');
        try {
          await client.query(`create schema if not exists "${schema}"`);
        } finally {
          await client.query('select pg_advisory_unlock(7365)');
        }
      }
      const result = await client.query<{ schema: string }>('select current_schema() as schema');
      current = result.rows[0]?.schema ?? 'public';
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreUnavailableError(`cannot reach PostgreSQL at ${displayUrl}: ${describe(error)}`);
  }
  const db = new Kysely<Database>({ dialect: new SchemaPostgresDialect({ pool }, current) });
  return { db, dialect: 'postgres', displayUrl, schema: current, close: () => db.destroy() };
}

/**
 * Kysely's SQLite dialect, except that transactions begin IMMEDIATE: they take the write lock
 * at once (waiting up to the busy timeout) instead of failing with SQLITE_BUSY when a second
 * process writes the same file and the lock has to be upgraded mid-transaction.
 */
function immediateSqliteDialect(config: SqliteDialectConfig): KyselyDialect {
  class ImmediateDriver extends SqliteDriver {
    override async beginTransaction(connection: DatabaseConnection): Promise<void> {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    }
  }
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateDriver(config),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

function migratorFor(store: Store): Migrator {
  // Kysely's bookkeeping tables live in our schema, which is the only one the introspector
  // of a PostgreSQL store reads (schema-introspector.ts).
  return new Migrator({
    db: store.db,
    provider,
    ...(store.schema === undefined ? {} : { migrationTableSchema: store.schema }),
  });
}

/** Applies every pending migration; returns the names applied. Throws when one fails. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  let { error, results } = await migratorFor(store).migrateToLatest();
  // Kysely cannot lock SQLite migrations across processes: when another process is applying
  // them at the same time, ours fails on "already exists". Its transaction rolled back, so
  // trying again continues from where the other process got to. (PostgreSQL migrations are
  // serialised by Kysely's advisory lock.)
  for (let retry = 0; error !== undefined && store.dialect === 'sqlite' && retry < 10; retry += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    ({ error, results } = await migratorFor(store).migrateToLatest());
  }
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreUnavailableError(`migration ${failed} failed: ${describe(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const all = await migratorFor(store).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Resolves when the database answers a trivial query; rejects otherwise. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
