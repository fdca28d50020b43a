/**
 * Runs database tests once per dialect: SQLite always, PostgreSQL when TRUCE_TEST_DATABASE_URL
 * is set. Each test gets a fresh database (a temporary SQLite file, or a fresh PostgreSQL schema
 * that is dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { Dialect } from '../../src/store/database.js';

export interface TestDatabase {
  readonly url: string;
  /** Removes the database; call after closing every connection. */
  drop(): Promise<void>;
}

/** The dialects this run covers. */
export function testDialects(): Dialect[] {
  return process.env['TRUCE_TEST_DATABASE_URL'] ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty database of the dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'truce-db-'));
    return {
      url: `sqlite:${join(dir, 'truce.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env['TRUCE_TEST_DATABASE_URL'];
  if (!base) throw new Error('TRUCE_TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const separator = base.includes('?') ? '&' : '?';
  return {
    url: `${base}${separator}schema=${schema}`,
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** `describe` once per dialect, with the dialect's name in the title. */
export function describeEachDialect(title: string, body: (dialect: Dialect) => void): void {
  for (const dialect of testDialects()) {
    describe(`${title} [${dialect}]`, () => body(dialect));
  }
}
