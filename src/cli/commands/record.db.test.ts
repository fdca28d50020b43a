import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/cli-io.js';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../test/support/dialects.js';
import { buildApp } from '../../http/app.js';
import { listen, shutdown } from '../../http/server.js';
import { createServices } from '../../services.js';
import { loadOrCreateRecordKey } from '../../services/record-key.js';
import { main } from '../main.js';

describeEachDialect('truce record and truce rebuild', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    dataDir = mkdtempSync(join(tmpdir(), 'truce-rec-'));
    const services = await createServices(database.url, {
      recordSigner: loadOrCreateRecordKey(dataDir, 'test.example/record', false),
    });
    await services.instance.bootstrap(true, { scenarios: false });
    await services.record.signCheckpoint();
    await services.close();
  });
  afterEach(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (...argv: string[]) => {
    const c = captureIo();
    const code = await main([...argv, '--db', database.url, '--data-dir', dataDir], c.io);
    return { code, out: c.stdout(), err: c.stderr() };
  };

  it('verifies the record locally with the data directory’s key', async () => {
    const result = await run('record', 'verify');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(
      /^Record verified: 15 entries, 1 checkpoint\(s\) signed by test\.example\/record, 8 projection rows match a replay\.\n$/,
    );
  });

  it('fails with exit 1 naming the row when a projection was edited, and rebuild repairs it', async () => {
    const services = await createServices(database.url);
    await services.store.db
      .updateTable('users')
      .set({ actor: 'FRA' })
      .where('name', '=', 'guarantor')
      .execute();
    await services.close();
    const failed = await run('record', 'verify');
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(
      /^Record verification FAILED: table users, row id=[0-9a-f-]+: actor is "FRA", the record says "GBR"\n$/,
    );
    expect((await run('rebuild')).out).toBe(
      'Rebuilt the projections from 15 record entries: 8 rows.\n',
    );
    expect((await run('record', 'verify')).code).toBe(0);
  });

  it('refuses a checkpoint signed by another key', async () => {
    const other = mkdtempSync(join(tmpdir(), 'truce-other-'));
    const key = loadOrCreateRecordKey(other, 'test.example/record', false);
    const { encodeVerifierKey } = await import('../../core/record/note.js');
    const result = await run('record', 'verify', '--key', encodeVerifierKey(key));
    expect(result.code).toBe(1);
    expect(result.err).toContain('checkpoint of size 15: no signature by a trusted key');
    rmSync(other, { recursive: true, force: true });
  });

  it('shows an entry and signs a checkpoint on demand', async () => {
    const shown = await run('record', 'show', '0');
    expect(JSON.parse(shown.out)).toMatchObject({
      index: 0,
      event: { type: 'user.added', payload: { name: 'admin' } },
    });
    expect((await run('record', 'show', '99')).code).toBe(1);
    expect((await run('record', 'show', 'first')).code).toBe(2);
    const services = await createServices(database.url);
    await services.users.add({ name: 'late', role: 'viewer' }, { kind: 'system', what: 'test' });
    await services.close();
    const signed = await run('record', 'checkpoint');
    expect(signed.out.split('\n').slice(0, 2)).toEqual(['test.example/record', '17']);
  });

  it('verifies a running server from outside and keeps the trusted checkpoint', async () => {
    const recordSigner = loadOrCreateRecordKey(dataDir, 'test.example/record', false);
    const services = await createServices(database.url, { recordSigner });
    const app = await buildApp(services, { logLevel: 'silent' });
    const url = await listen(app, '127.0.0.1', 0);
    const trusted = join(dataDir, 'trusted-checkpoint.txt');
    try {
      const c = captureIo();
      expect(
        await main(
          [
            'record',
            'verify',
            '--url',
            url,
            '--trusted',
            trusted,
            '--key',
            services.record.verifierKey,
          ],
          c.io,
        ),
      ).toBe(0);
      expect(c.stdout()).toContain(`Record at ${url} verified: 15 entries`);
      expect(readFileSync(trusted, 'utf8')).toMatch(/^test\.example\/record\n15\n/);
      await services.users.add({ name: 'later', role: 'viewer' }, { kind: 'system', what: 'test' });
      await services.record.signCheckpoint();
      const again = captureIo();
      expect(
        await main(
          [
            'record',
            'verify',
            '--url',
            url,
            '--trusted',
            trusted,
            '--key',
            services.record.verifierKey,
          ],
          again.io,
        ),
      ).toBe(0);
      expect(again.stdout()).toContain('17 entries');
      expect(again.stdout()).toContain('consistent with the trusted checkpoint of size 15');
    } finally {
      await shutdown(app, services);
    }
  });

  it('rejects bad record arguments with exit 2', async () => {
    expect((await run('record', 'verify', '--trusted', 'x.txt')).err).toContain(
      '--trusted needs --url',
    );
    expect((await run('record', 'verify', '--key', 'nonsense')).code).toBe(2);
    expect((await run('record', 'verify', '--url', 'ftp://x')).code).toBe(2);
  });
});
