import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describeEachDialect('user administration over the API', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin', 'demo-admin-pass');
  });
  afterEach(() => t.close());

  const add = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin }, payload });
  const patch = (name: string, payload: object) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${name}`,
      headers: { cookie: admin },
      payload,
    });

  it('adds a user with a generated password that works once shown', async () => {
    const response = await add({ name: 'olena', role: 'verifier' });
    expect(response.statusCode).toBe(201);
    const { user, password } = response.json();
    expect(user).toMatchObject({ name: 'olena', role: 'verifier', actor: null, disabledAt: null });
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'olena', password },
    });
    expect(login.statusCode).toBe(200);
  });

  it('does not return a password that was chosen by the admin', async () => {
    const response = await add({ name: 'taras', role: 'monitor', password: 'chosen-password-1' });
    expect(response.statusCode).toBe(201);
    expect(response.json().password).toBeUndefined();
  });

  it('binds a guarantor to exactly one actor', async () => {
    const missing = await add({ name: 'fr-desk', role: 'guarantor' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      { path: 'actor', message: 'a guarantor user must be bound to an actor' },
    ]);
    const stray = await add({ name: 'x-analyst', role: 'analyst', actor: 'FRA' });
    expect(stray.statusCode).toBe(400);
    const ok = await add({ name: 'fr-desk', role: 'guarantor', actor: 'FRA' });
    expect(ok.json().user).toMatchObject({ role: 'guarantor', actor: 'FRA' });
  });

  it('rejects a taken name, a bad name, an unknown role and a short password, naming the field', async () => {
    const taken = await add({ name: 'admin', role: 'viewer' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('NAME_TAKEN');
    const bad = await add({ name: 'Bad Name', role: 'wizard', password: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'name',
      'role',
      'password',
    ]);
  });

  it('changes a role, disables and enables', async () => {
    expect((await patch('viewer', { role: 'analyst' })).json().user.role).toBe('analyst');
    expect((await patch('viewer', { disabled: true })).json().user.disabledAt).not.toBeNull();
    expect((await patch('viewer', { disabled: false })).json().user.disabledAt).toBeNull();
    expect((await patch('nobody', { disabled: true })).statusCode).toBe(404);
    expect((await patch('viewer', {})).statusCode).toBe(400);
  });

  it('never leaves the instance without an enabled admin', async () => {
    const demote = await patch('admin', { role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMIN');
    expect((await patch('admin', { disabled: true })).statusCode).toBe(409);
    await add({ name: 'second-admin', role: 'admin', password: 'second-admin-pass' });
    expect((await patch('admin', { disabled: true })).statusCode).toBe(200);
  });

  it('lists roles with their verbs for the admin screen', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/roles',
      headers: { cookie: admin },
    });
    const roles = response.json().roles as { role: string; verbs: string[] }[];
    expect(roles.map((r) => r.role)).toEqual([
      'admin',
      'coordinator',
      'monitor',
      'analyst',
      'verifier',
      'guarantor',
      'viewer',
    ]);
    expect(roles.find((r) => r.role === 'admin')?.verbs).toContain('user.manage');
  });

  it('records every change as an event with the acting user', async () => {
    await add({ name: 'recorded', role: 'viewer' });
    await patch('recorded', { disabled: true });
    const rows = await t.services.store.db
      .selectFrom('record_entries')
      .select('data')
      .orderBy('idx')
      .execute();
    const events = rows.map((r) => JSON.parse(r.data) as { type: string; by: string });
    const adminUser = await t.services.users.find('admin');
    const tail = events.slice(-3);
    expect(tail.map((e) => e.type)).toEqual(['user.added', 'user.password_set', 'user.disabled']);
    for (const event of tail) expect(event.by).toBe(`user:${adminUser?.id}`);
    for (const row of rows) expect(row.data).not.toMatch(/argon2|demo-.*-pass/);
  });

  it('applies a combined change in one transaction: all of it, or none of it', async () => {
    const before = await t.services.record.size();
    const refused = await patch('admin', { role: 'viewer', disabled: true });
    expect(refused.statusCode).toBe(409);
    expect(await t.services.record.size()).toBe(before);
    expect((await t.services.users.find('admin'))?.role).toBe('admin');
    const both = await patch('monitor', { role: 'analyst', disabled: true });
    expect(both.json().user).toMatchObject({ role: 'analyst', disabledAt: expect.any(String) });
    expect(await t.services.record.size()).toBe(before + 2);
    // A change to nothing records nothing.
    await patch('monitor', { role: 'analyst' });
    expect(await t.services.record.size()).toBe(before + 2);
  });

  it('keeps an enabled admin when two admins are disabled at the same moment', async () => {
    await add({ name: 'second-admin', role: 'admin', password: 'second-admin-pass' });
    const results = await Promise.all([
      patch('admin', { disabled: true }),
      patch('second-admin', { disabled: true }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const admins = (await t.services.users.list()).filter(
      (u) => u.role === 'admin' && u.disabledAt === null,
    );
    expect(admins).toHaveLength(1);
  });
});
