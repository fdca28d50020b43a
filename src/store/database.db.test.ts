import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  createTestDatabase,
  describeEachDialect,
  testDialects,
  type TestDatabase,
} from '../../test/support/dialects.js';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createServices } from '../services.js';
import { stampEvents } from '../core/events.js';
import { record } from './record.js';
import { inTransaction } from './transactions.js';
import { buildApp } from '../http/app.js';
import {
  migrateToLatest,
  openStore,
  parseDatabaseUrl,
  pendingMigrations,
  type Store,
} from './database.js';
import { MIGRATIONS } from './migrations/index.js';

describeEachDialect('migrations', (dialect) => {
  let database: TestDatabase;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await database.drop();
  });

  it('applies every numbered migration once, in order, and then has none pending', async () => {
    database = await createTestDatabase(dialect);
    store = await openStore(database.url);
    expect(await pendingMigrations(store)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(store)).toEqual(Object.keys(MIGRATIONS));
    expect(await pendingMigrations(store)).toEqual([]);
    expect(await migrateToLatest(store)).toEqual([]);
    // Every table answers a query in this database (no catalog-wide introspection: other
    // tests create and drop schemas in the same PostgreSQL database meanwhile).
    for (const table of [
      'api_token_secrets',
      'api_tokens',
      'instance_settings',
      'record_entries',
      'record_tiles',
      'record_checkpoints',
      'sessions',
      'user_passwords',
      'users',
    ]) {
      await expect(
        sql`select count(*) from ${sql.table(table)}`.execute(store.db),
        table,
      ).resolves.toBeDefined();
    }
  });

  it('numbers migrations so that their order is their name order', () => {
    const names = Object.keys(MIGRATIONS);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{4}-[a-z-]+$/);
  });

  it('reports not ready while migrations are pending, and ready after', async () => {
    database = await createTestDatabase(dialect);
    const services = await createServices(database.url, { migrate: false });
    try {
      const app = await buildApp(services, { logLevel: 'silent' });
      const before = await app.inject({ method: 'GET', url: '/readyz' });
      expect(before.statusCode).toBe(503);
      expect(before.json().error.message).toContain(
        'migrations pending: 0001-accounts, 0002-record',
      );
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      await migrateToLatest(services.store);
      expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
        status: 'ready',
      });
      await app.close();
    } finally {
      await services.close();
    }
  });

  it('rolls back a failed write completely: entries, tiles and projections', async () => {
    database = await createTestDatabase(dialect);
    const services = await createServices(database.url);
    try {
      await services.instance.bootstrap(true);
      const snapshot = async () => ({
        entries: await services.store.db
          .selectFrom('record_entries')
          .select('event_id')
          .orderBy('idx')
          .execute(),
        tiles: await services.store.db
          .selectFrom('record_tiles')
          .selectAll()
          .orderBy('level')
          .orderBy('idx')
          .execute(),
        users: await services.store.db.selectFrom('users').selectAll().orderBy('id').execute(),
      });
      const before = await snapshot();
      const event = (name: string, userId: string) =>
        stampEvents(
          [{ type: 'user.added', payload: { userId, name, role: 'viewer', actor: null } }],
          {
            at: '2026-01-06T12:00:00.000Z',
            by: 'system:test',
            newId: randomUUID,
          },
        );
      // The first event is written (entry, tiles, users row); the second violates the unique
      // user name after record() has appended its entry. Nothing of either may remain.
      await expect(
        inTransaction(services.store.db, async (tx) => {
          await record(tx, event('fresh', randomUUID()));
          await record(tx, event('admin', randomUUID()));
        }),
      ).rejects.toThrow();
      expect(await snapshot()).toEqual(before);
    } finally {
      await services.close();
    }
  });

  it('bootstraps once even when two servers start on the same empty database', async () => {
    database = await createTestDatabase(dialect);
    const [a, b] = await Promise.all([createServices(database.url), createServices(database.url)]);
    try {
      const results = await Promise.all([a.instance.bootstrap(true), b.instance.bootstrap(true)]);
      expect(results.map((r) => r.kind).sort()).toEqual(['demo', 'existing']);
      expect(await a.users.list()).toHaveLength(7);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe.runIf(testDialects().includes('postgres'))('PostgreSQL introspection', () => {
  let database: TestDatabase;
  let store: Store | undefined;
  const other = `test_other_${randomUUID().slice(0, 8)}`;
  /** How many schemas the churn creates and drops. */
  const CHURN = 20;
  const admin = () => new pg.Client({ connectionString: process.env['TRUCE_TEST_DATABASE_URL'] });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await database.drop();
    const client = admin();
    await client.connect();
    // The churn's schemas too, should it have stopped halfway.
    for (const schema of [other, ...Array.from({ length: CHURN }, (_, i) => `${other}_${i}`)]) {
      await client.query(`drop schema if exists "${schema}" cascade`);
    }
    await client.end();
  });

  it('reads its own schema only, so schemas dropped meanwhile cannot fail a migration check', async () => {
    database = await createTestDatabase('postgres');
    store = await openStore(database.url);
    await migrateToLatest(store);
    const client = admin();
    await client.connect();
    try {
      await client.query(`create schema "${other}"`);
      await client.query(`create table "${other}".users (name text primary key)`);
      const tables = await store.db.introspection.getTables();
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([store.schema]));
      expect(tables.filter((t) => t.name === 'users')).toHaveLength(1);
      // Kysely's own tables only when asked for, as Kysely's introspector does.
      expect(tables.map((t) => t.name)).not.toContain('kysely_migration');
      const internal = await store.db.introspection.getTables({ withInternalKyselyTables: true });
      expect(internal.map((t) => t.name)).toContain('kysely_migration');
      const users = tables.find((t) => t.name === 'users');
      expect(users?.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['id', 'name']));
      expect(users?.columns.find((c) => c.name === 'id')?.isNullable).toBe(false);
      // Schemas appear and vanish while the migrator reads the catalog, as in parallel tests.
      const churn = (async () => {
        for (let i = 0; i < CHURN; i += 1) {
          await client.query(
            `create schema "${other}_${i}"; create table "${other}_${i}".t (a int)`,
          );
          await client.query(`drop schema "${other}_${i}" cascade`);
        }
      })();
      const checks = Array.from({ length: 20 }, () => pendingMigrations(store as Store));
      const [answers] = await Promise.allSettled([Promise.all(checks), churn]);
      expect(answers).toEqual({ status: 'fulfilled', value: Array.from({ length: 20 }, () => []) });
    } finally {
      await client.end();
    }
  });
});

it('parses database URLs and explains the ones it cannot use', () => {
  expect(parseDatabaseUrl('sqlite:./data/truce.db')).toEqual({
    dialect: 'sqlite',
    path: './data/truce.db',
  });
  expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
  expect(parseDatabaseUrl('postgres://u:p@db:5432/truce?schema=ops')).toEqual({
    dialect: 'postgres',
    connectionString: 'postgres://u:p@db:5432/truce',
    schema: 'ops',
  });
  expect(parseDatabaseUrl('mysql://x')).toMatchObject({
    error: expect.stringContaining('not a database URL'),
  });
  expect(parseDatabaseUrl('sqlite:')).toMatchObject({
    error: expect.stringContaining('needs a file path'),
  });
  expect(parseDatabaseUrl('postgres://u:secret@db/x?schema=Bad-Name')).toMatchObject({
    error: expect.stringContaining('schema'),
  });
});

it('says which PostgreSQL server it could not reach, without the password', async () => {
  await expect(openStore('postgres://u:hunter2@127.0.0.1:1/truce')).rejects.toThrow(
    /^cannot reach PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/truce: .*ECONNREFUSED/,
  );
});
