// kill -9 of the server while events stream in: after restart the record verifies, every
// acknowledged event is there, and nothing half-written is visible.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createServices } from '../../src/services.js';
import { readRecordKey, recordKeyPath } from '../../src/services/record-key.js';
import { createTestDatabase, describeEachDialect } from '../support/dialects.js';
import { startServer } from '../support/server-process.js';

describeEachDialect('a server killed with SIGKILL mid-stream', (dialect) => {
  it('loses no acknowledged event and leaves a record that verifies', async () => {
    const database = await createTestDatabase(dialect);
    const dataDir = mkdtempSync(join(tmpdir(), 'truce-crash-'));
    const { child, url, password } = await startServer(database.url, dataDir);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const login = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const label = `crash-${sent++}`;
        try {
          const response = await fetch(`${url}/api/v1/tokens`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ label }),
          });
          if (response.status === 201) acknowledged.push(label);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(60);
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    await exited;

    const services = await createServices(database.url, {
      recordSigner: readRecordKey(recordKeyPath(dataDir)),
    });
    try {
      const report = await services.record.audit();
      expect(report.problems).toEqual([]);
      const labels = new Set((await services.tokens.list()).map((token) => token.label));
      for (const label of acknowledged) expect(labels.has(label), label).toBe(true);
      // Every token row came from a complete record entry (audit compares every row), and the
      // number of token entries equals the number of token rows.
      const entries = await services.store.db
        .selectFrom('record_entries')
        .select('idx')
        .where('type', '=', 'token.created')
        .execute();
      expect(entries.length).toBe(labels.size);
      expect(report.checkpoints).toBeGreaterThan(0);
    } finally {
      await services.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
