import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describeEachDialect('API tokens', (dialect) => {
  let t: TestApp;
  let monitor: string;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    monitor = await t.login('monitor', 'demo-monitor-pass');
    admin = await t.login('admin', 'demo-admin-pass');
  });
  afterEach(() => t.close());

  const create = (cookie: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload });
  const whoami = (secret: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${secret}` },
    });

  it('creates a token whose secret is shown once and authenticates as its user', async () => {
    const response = await create(monitor, { label: 'patrol tablet 3' });
    expect(response.statusCode).toBe(201);
    const { token, secret } = response.json();
    expect(secret).toMatch(/^truce_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      user: 'monitor',
      label: 'patrol tablet 3',
      revokedAt: null,
      expiresAt: null,
    });
    const who = await whoami(secret);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ user: { name: 'monitor' }, expiresAt: null });

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: { cookie: monitor },
    });
    expect(JSON.stringify(listed.json())).not.toContain(secret.slice(-43));
    expect(
      listed.json().tokens.find((x: { id: string }) => x.id === token.id).lastUsedAt,
    ).not.toBeNull();
  });

  it('stores only the SHA-256 of the secret', async () => {
    const { secret, token } = (await create(monitor, { label: 'hash check' })).json();
    const row = await t.services.store.db
      .selectFrom('api_token_secrets')
      .selectAll()
      .where('token_id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('rejects a revoked token, an expired token and a forged one', async () => {
    const { secret, token } = (
      await create(monitor, { label: 'to revoke', expiresInDays: 1 })
    ).json();
    expect((await whoami(secret)).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${token.id}`,
      headers: { cookie: monitor },
    });
    expect(revoke.statusCode).toBe(204);
    expect((await whoami(secret)).statusCode).toBe(401);

    const live = (await create(monitor, { label: 'live' })).json().secret as string;
    const forged = `${live.slice(0, -4)}${live.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect((await whoami(forged)).statusCode).toBe(401);
    expect((await whoami('not-a-token')).statusCode).toBe(401);

    const expiring = (await create(monitor, { label: 'expiring', expiresInDays: 1 })).json();
    t.clock.advance(86_400_000 - 1000);
    expect((await whoami(expiring.secret)).statusCode).toBe(200);
    t.clock.advance(1001);
    expect((await whoami(expiring.secret)).statusCode).toBe(401);
    expect((await whoami(live)).statusCode).toBe(200);
  });

  it('does not let one user revoke another’s token, but lets an admin', async () => {
    const { token } = (await create(admin, { label: 'admin token' })).json();
    const viewer = await t.login('viewer', 'demo-viewer-pass');
    const denied = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${token.id}`,
      headers: { cookie: viewer },
    });
    expect(denied.statusCode).toBe(404);
    const mine = (await create(monitor, { label: 'monitor token' })).json().token;
    const byAdmin = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${mine.id}`,
      headers: { cookie: admin },
    });
    expect(byAdmin.statusCode).toBe(204);
  });

  it('rejects a bad expiry with the field named', async () => {
    const response = await create(monitor, { label: 'x', expiresInDays: 0 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body/expiresInDays');
  });

  it('stops a disabled user’s tokens', async () => {
    const analyst = await t.login('analyst', 'demo-analyst-pass');
    const { secret } = (await create(analyst, { label: 'analyst bot' })).json();
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/analyst',
      headers: { cookie: admin },
      payload: { disabled: true },
    });
    expect((await whoami(secret)).statusCode).toBe(401);
  });
});
