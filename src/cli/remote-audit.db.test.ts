import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { stampEvents } from '../core/events.js';
import { parseVerifierKey } from '../core/record/note.js';
import { record } from '../store/record.js';
import { inTransaction } from '../store/transactions.js';
import { auditRemote, type Fetcher } from './remote-audit.js';

describeEachDialect('an outside audit of a log with full tiles', (dialect) => {
  let t: TestApp;
  const fetcher: Fetcher = async (url) => {
    const response = await t.app.inject({
      method: 'GET',
      url: url.replace('http://truce.test', ''),
    });
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}`);
    const raw = response.rawPayload;
    return new Uint8Array(response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw);
  };
  const key = () => {
    const parsed = parseVerifierKey(t.services.record.verifierKey);
    if ('error' in parsed) throw new Error(parsed.error);
    return parsed;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const user = await t.services.users.find('admin');
    const events = stampEvents(
      Array.from({ length: 600 }, () => ({
        type: 'user.password_set' as const,
        payload: { userId: user?.id ?? '' },
      })),
      { at: '2026-01-06T12:00:00.000Z', by: 'system:test', newId: randomUUID },
    );
    await inTransaction(t.services.store.db, (tx) => record(tx, events));
    await t.services.record.signCheckpoint();
  });
  afterAll(() => t.close());

  it('verifies entries, level-0 and level-1 tiles and the root', async () => {
    expect(await auditRemote('http://truce.test', key(), undefined, fetcher)).toMatchObject({
      ok: true,
      checkpoint: { size: 615 },
    });
  });

  it('catches an upper tile that does not match the tiles below it', async () => {
    const db = t.services.store.db;
    const row = await db
      .selectFrom('record_tiles')
      .selectAll()
      .where('level', '=', 1)
      .executeTakeFirstOrThrow();
    const forged = new Uint8Array(row.hashes);
    forged[0] = (forged[0] ?? 0) ^ 1;
    await db.updateTable('record_tiles').set({ hashes: forged }).where('level', '=', 1).execute();
    expect(await auditRemote('http://truce.test', key(), undefined, fetcher)).toEqual({
      ok: false,
      problem: 'tile 1/0 does not match the tiles below it',
    });
  });
});
