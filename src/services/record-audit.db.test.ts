import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { PROJECTIONS, readProjection } from '../store/projections/tables.js';
import { randomUUID } from 'node:crypto';
import { stampEvents } from '../core/events.js';
import { record } from '../store/record.js';
import { inTransaction } from '../store/transactions.js';
import { forgeRecord } from '../../test/support/forge.js';

describeEachDialect('auditing and rebuilding the record', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    const admin = await t.login('admin', 'demo-admin-pass');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: admin },
      payload: { label: 'bot' },
    });
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/viewer',
      headers: { cookie: admin },
      payload: { disabled: true },
    });
    await t.services.record.signCheckpoint();
  });
  afterEach(() => t.close());

  const db = () => t.services.store.db;
  const audit = () => t.services.record.audit();

  it('verifies an untouched record', async () => {
    const report = await audit();
    expect(report.problems).toEqual([]);
    expect(report.size).toBe(await t.services.record.size());
    expect(report.size).toBeGreaterThan(15);
    expect(report.checkpoints).toBe(1);
  });

  it('names the row when a projection is edited outside the record', async () => {
    const viewer = await t.services.users.find('viewer');
    await db().updateTable('users').set({ role: 'admin' }).where('name', '=', 'viewer').execute();
    expect((await audit()).problems[0]).toBe(
      `table users, row id=${viewer?.id}: role is "admin", the record says "viewer"`,
    );
  });

  it('names a row added or removed outside the record', async () => {
    await db().insertInto('instance_settings').values({ key: 'sneaky', value: 'x' }).execute();
    expect((await audit()).problems[0]).toBe(
      'table instance_settings, row key=sneaky: not produced by the record (added outside it)',
    );
    await db().deleteFrom('instance_settings').execute();
    expect((await audit()).problems[0]).toBe(
      'table instance_settings, row key=demo: missing (the record has it)',
    );
  });

  it('names the entry when an entry is changed', async () => {
    const [row] = await db()
      .selectFrom('record_entries')
      .select('data')
      .where('idx', '=', 5)
      .execute();
    await db()
      .updateTable('record_entries')
      .set({ data: (row?.data ?? '').replace('"user.', '"user.x') })
      .where('idx', '=', 5)
      .execute();
    expect((await audit()).problems[0]).toMatch(/^entry 5: /);
  });

  it('names the entry when one is deleted', async () => {
    await db().deleteFrom('record_entries').where('idx', '=', 7).execute();
    expect((await audit()).problems[0]).toBe('entry 7 is missing (the next stored entry is 8)');
  });

  it('names the first entry when two are swapped', async () => {
    const rows = await db()
      .selectFrom('record_entries')
      .selectAll()
      .where('idx', 'in', [3, 4])
      .orderBy('idx')
      .execute();
    const [a, b] = rows;
    if (!a || !b) throw new Error('missing rows');
    await db().deleteFrom('record_entries').where('idx', 'in', [3, 4]).execute();
    await db()
      .insertInto('record_entries')
      .values([
        { ...b, idx: 3 },
        { ...a, idx: 4 },
      ])
      .execute();
    expect((await audit()).problems[0]).toMatch(
      /^entry 3: its hash .* is not the one in tile 0\/0/,
    );
  });

  it('detects a rewritten history even when the tiles are recomputed to match it', async () => {
    // The operator rewrites entry 2 and rebuilds a self-consistent log; only the signed
    // checkpoint still remembers the original root.
    const changed = await forgeRecord(db(), dialect === 'postgres', (data, index) =>
      index === 2 ? data.replace(/"name":"[a-z]+"/, '"name":"mallory"') : data,
    );
    expect(changed).toBe(1);
    expect((await audit()).problems[0]).toMatch(
      /^checkpoint of size \d+: root .* is not the entries' root/,
    );
  });

  it('rebuilds the projections from the record alone, equal to the live state table by table', async () => {
    const live = Object.fromEntries(
      await Promise.all(
        PROJECTIONS.map(async (p) => [p.table, await readProjection(db(), p.table)]),
      ),
    );
    await db().updateTable('users').set({ role: 'admin' }).where('name', '=', 'viewer').execute();
    await db().deleteFrom('instance_settings').execute();
    await db().insertInto('instance_settings').values({ key: 'sneaky', value: 'x' }).execute();
    const result = await t.services.record.rebuild();
    expect(result.events).toBe(await t.services.record.size());
    for (const { table } of PROJECTIONS)
      expect(await readProjection(db(), table), table).toEqual(live[table]);
    expect((await audit()).problems).toEqual([]);
    // Secrets kept outside the record survive the rebuild: people can still sign in.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'admin', password: 'demo-admin-pass' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('tells a NULL from the text "null"', async () => {
    await db()
      .updateTable('users')
      .set({ disabled_at: 'null' })
      .where('name', '=', 'admin')
      .execute();
    expect((await audit()).problems[0]).toMatch(
      /^table users, row id=.*: disabled_at is "null", the record says null$/,
    );
  });

  it('fails a record that has entries but no signed checkpoint', async () => {
    await db().deleteFrom('record_checkpoints').execute();
    expect((await audit()).problems).toEqual([
      `the record has ${await t.services.record.size()} entries but no signed checkpoint`,
    ]);
  });

  it('names the entry when the last one is deleted', async () => {
    const size = await t.services.record.size();
    await db()
      .deleteFrom('record_entries')
      .where('idx', '=', size - 1)
      .execute();
    expect((await audit()).problems[0]).toBe(
      `entry ${size - 1} is missing (tile 0/0 holds its leaf hash)`,
    );
  });

  it('names a changed entry inside a full tile, and finds tampered inner nodes', async () => {
    const user = await t.services.users.find('admin');
    const events = stampEvents(
      Array.from({ length: 600 }, () => ({
        type: 'user.password_set' as const,
        payload: { userId: user?.id ?? '' },
      })),
      { at: '2026-01-06T12:00:00.000Z', by: 'system:test', newId: randomUUID },
    );
    await inTransaction(db(), (tx) => record(tx, events));
    await t.services.record.signCheckpoint();
    expect((await audit()).problems).toEqual([]);
    const [row] = await db()
      .selectFrom('record_entries')
      .select('data')
      .where('idx', '=', 300)
      .execute();
    await db()
      .updateTable('record_entries')
      .set({ data: (row?.data ?? '').replace('"v":1', '"v":1 ') })
      .where('idx', '=', 300)
      .execute();
    expect((await audit()).problems[0]).toMatch(
      /^entry 300: its hash .* is not the one in tile 0\/1/,
    );
    await db()
      .updateTable('record_entries')
      .set({ data: row?.data ?? '' })
      .where('idx', '=', 300)
      .execute();
    const tile = await db()
      .selectFrom('record_tiles')
      .selectAll()
      .where('level', '=', 0)
      .where('idx', '=', 1)
      .executeTakeFirstOrThrow();
    const inner = new Uint8Array(tile.inner ?? new Uint8Array(0));
    inner[40] = (inner[40] ?? 0) ^ 1;
    await db()
      .updateTable('record_tiles')
      .set({ inner })
      .where('level', '=', 0)
      .where('idx', '=', 1)
      .execute();
    expect((await audit()).problems[0]).toBe(
      'tile 0/1: its stored inner nodes do not match its hashes',
    );
  });

  it('verifies a live record while another writer appends', async () => {
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i += 1) {
        await t.services.users.add(
          { name: `live${i}`, role: 'viewer', password: 'live-password-1' },
          { kind: 'system', what: 'test' },
        );
        await t.services.record.signCheckpoint();
      }
    })();
    try {
      for (let i = 0; i < 3; i += 1) expect((await audit()).problems).toEqual([]);
    } finally {
      writing = false;
      await writer;
    }
  });

  it('refuses to rebuild over a gap in the record', async () => {
    await db().deleteFrom('record_entries').where('idx', '=', 4).execute();
    await expect(t.services.record.rebuild()).rejects.toThrow(
      'entry 4 is missing: refusing to rebuild from a broken record',
    );
    expect((await t.services.users.list()).length).toBe(7);
  });
});
