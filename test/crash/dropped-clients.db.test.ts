// Field phones time out: clients that send a report and hang up before the answer. After 1,000
// of them, 50 at a time, no transaction is left open, the server still answers and takes
// reports, and SIGTERM stops it cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { createTestDatabase, describeEachDialect } from '../support/dialects.js';
import { startServer } from '../support/server-process.js';

const DROPPED = 1000;
const AT_ONCE = 50;

const report = (i: number) => ({
  clientId: `dropped-${i}`,
  observedFrom: '2022-04-08T07:25:00Z',
  location: { lon: 37 + (i % 100) / 100, lat: 48, precision: 'vicinity' },
  mode: 'reported',
  type: 'shelling',
  source: { kind: 'monitor', name: `phone ${i % 7}` },
});

/** Sends a complete POST and closes the socket as soon as the body is written. */
function sendAndHangUp(port: number, cookie: string, body: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /api/v1/reports HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncookie: ${cookie}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        () => {
          socket.destroy();
          resolve();
        },
      );
    });
    socket.on('error', () => resolve());
  });
}

describeEachDialect('clients that hang up before the answer', (dialect) => {
  it('leave no open transaction and a server that still answers and stops cleanly', async () => {
    const database = await createTestDatabase(dialect);
    const dataDir = mkdtempSync(join(tmpdir(), 'truce-dropped-'));
    const { child, url, password } = await startServer(database.url, dataDir);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const login = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const port = Number(new URL(url).port);
      for (let i = 0; i < DROPPED; i += AT_ONCE) {
        await Promise.all(
          Array.from({ length: AT_ONCE }, (_, j) =>
            sendAndHangUp(port, cookie, JSON.stringify(report(i + j))),
          ),
        );
      }
      // The server still answers, and still takes reports.
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const after = await fetch(`${url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(report(DROPPED + 1)),
      });
      expect(after.status).toBe(201);
      // Nothing is left holding the database: another connection can write at once.
      const store = await openStore(database.url);
      try {
        if (dialect === 'postgres') {
          // A transaction is briefly idle between its statements (the checkpoint signer runs
          // every second, other tests share the database): none may stay that way.
          const idleInTransaction = async () =>
            (
              await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and state like 'idle in transaction%'
                and state_change < now() - interval '2 seconds'`.execute(store.db)
            ).rows[0]?.n;
          await expect.poll(idleInTransaction, { timeout: 10_000 }).toBe(0);
        }
        // A hung-up request is handled or not, depending on whether the server saw the hang-up
        // before it read the body (on SQLite most are, on PostgreSQL few): never half-way.
        // Every stored report is whole, and the last, answered one is there.
        const stored = await store.db.selectFrom('reports').select(['id', 'body']).execute();
        expect(stored.length).toBeGreaterThanOrEqual(1);
        expect(stored.length).toBeLessThanOrEqual(DROPPED + 1);
        for (const row of stored) expect(() => JSON.parse(row.body) as unknown).not.toThrow();
        await store.db
          .insertInto('instance_settings')
          .values({ key: 'dropped-clients-probe', value: 'ok' })
          .execute();
      } finally {
        await store.close();
      }
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
