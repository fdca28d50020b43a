import { Migrator } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { activateGuarantee, importGuarantee } from '../../test/support/accountability.js';
import { describeEachDialect } from '../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { REBUILD_MARK } from '../store/migrations/rebuild-mark.js';
import { upgradeStore } from './record-rebuild.js';

describeEachDialect('upgrading a database whose record holds decisions', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(() => t.close());

  it('rebuilds the projections after a migration that adds what the record holds', async () => {
    await importGuarantee(t);
    const incidentId = await activateGuarantee(t);
    const { store } = t.services;
    // Back to the schema before decisions named their record events and merges were kept.
    const migrator = new Migrator({
      db: store.db,
      provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) },
      ...(store.schema === undefined ? {} : { migrationTableSchema: store.schema }),
    });
    const { error } = await migrator.migrateTo('0009-webhooks');
    expect(error).toBeUndefined();

    const upgraded = await upgradeStore(store);
    expect(upgraded).toEqual({
      applied: ['0010-decision-events', '0011-grouping-decisions', '0012-incident-radius-index'],
      rebuilt: true,
    });
    // The finding made before the upgrade now names its record event.
    const view = await t.services.accountability.incidentAccountability(incidentId);
    expect(view.findings[0]?.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(view.attributions[0]?.eventId).toMatch(/^[0-9a-f-]{36}$/);
    await t.services.record.signCheckpoint();
    expect((await t.services.record.audit()).problems).toEqual([]);
    // Nothing pending: a second upgrade applies and rebuilds nothing.
    expect(await upgradeStore(store)).toEqual({ applied: [], rebuilt: false });
  });

  it('finishes an upgrade whose rebuild was interrupted, at the next start', async () => {
    await importGuarantee(t);
    const incidentId = await activateGuarantee(t);
    const { store } = t.services;
    // As if the process died after migration 0010 committed and before its rebuild did.
    await store.db.updateTable('findings').set({ event_id: null }).execute();
    await store.db
      .insertInto('projection_marks')
      .values({ name: REBUILD_MARK, token: '0010-decision-events' })
      .execute();

    expect(await upgradeStore(store)).toEqual({ applied: [], rebuilt: true });
    const view = await t.services.accountability.incidentAccountability(incidentId);
    expect(view.findings[0]?.eventId).toMatch(/^[0-9a-f-]{36}$/);
    const marks = await store.db.selectFrom('projection_marks').select('name').execute();
    expect(marks.map((m) => m.name)).not.toContain(REBUILD_MARK);
  });
});
