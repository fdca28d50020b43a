import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { signerFromSeed } from '../core/record/note.js';
import { createServices } from '../services.js';
import { forgeRecord } from '../../test/support/forge.js';

const signer = signerFromSeed('truce.test/record', new Uint8Array(32).fill(5));

describeEachDialect('signing checkpoints', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { recordSigner: signer });
  });
  afterEach(() => t.close());

  it('signs only when the record grew', async () => {
    const first = await t.services.record.signCheckpoint();
    expect(first?.size).toBe(15);
    expect(await t.services.record.signCheckpoint()).toBeUndefined();
    await t.services.users.add({ name: 'late', role: 'viewer' }, { kind: 'system', what: 'test' });
    expect((await t.services.record.signCheckpoint())?.size).toBe(17);
  });

  it('refuses to sign a record that no longer matches what it signed before', async () => {
    await t.services.record.signCheckpoint();
    const changed = await forgeRecord(t.services.store.db, dialect === 'postgres', (data) =>
      data.replace('"role":"coordinator"', '"role":"admin"'),
    );
    expect(changed).toBe(1);
    await t.services.users.add({ name: 'after', role: 'viewer' }, { kind: 'system', what: 'test' });
    // A server restarted on the rewritten database (no cached nodes) must not sign it.
    const restarted = await createServices(t.databaseUrl, { recordSigner: signer });
    try {
      await expect(restarted.record.signCheckpoint()).rejects.toThrow(
        /refusing to sign: the record no longer matches its checkpoint of size 15/,
      );
    } finally {
      await restarted.close();
    }
  });
});
