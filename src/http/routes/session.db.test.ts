import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, sessionCookie, type TestApp } from '../../../test/support/test-app.js';
import { DEFAULT_SESSION_POLICY } from '../../services/auth-service.js';

const login = (t: TestApp, username: string, password: string, remoteAddress = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
    remoteAddress,
  });

const me = (t: TestApp, headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: '/api/v1/session', headers });

describeEachDialect('signing in and out', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(() => t.close());

  it('signs in with the right password and sets a strict, HttpOnly session cookie', async () => {
    const response = await login(t, 'verifier', 'demo-verifier-pass');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { name: 'verifier', role: 'verifier' },
      verbs: [
        'account.use',
        'agreement.read',
        'incident.read',
        'incident.verify',
        'incident.attribute',
        'finding.record',
      ],
    });
    const cookie = response.cookies.find((c) => c.name === 'truce_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    const who = await me(t, { cookie: sessionCookie(response) });
    expect(who.statusCode).toBe(200);
    expect(who.json().user.name).toBe('verifier');
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const { buildApp } = await import('../app.js');
    const app = await buildApp(t.services, { logLevel: 'silent', trustProxy: 1 });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'admin', password: 'demo-admin-pass' },
      });
      expect(response.cookies.find((c) => c.name === 'truce_session')?.secure).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrong = await login(t, 'admin', 'not-the-password');
    const unknown = await login(t, 'nobody', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.cookies).toEqual([]);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const cookie = await t.login('admin', 'demo-admin-pass');
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'truce_session')?.value).toBe('');
    expect((await me(t, { cookie })).statusCode).toBe(401);
  });

  it('ends a session after the idle time, and at the absolute limit however active', async () => {
    const cookie = await t.login('admin', 'demo-admin-pass');
    t.clock.advance(DEFAULT_SESSION_POLICY.idleMs + 1);
    expect((await me(t, { cookie })).statusCode).toBe(401);

    let current = await t.login('admin', 'demo-admin-pass');
    const step = DEFAULT_SESSION_POLICY.idleMs / 2;
    for (let elapsed = 0; elapsed + step < DEFAULT_SESSION_POLICY.absoluteMs; elapsed += step) {
      t.clock.advance(step);
      const response = await me(t, { cookie: current });
      expect(response.statusCode).toBe(200);
      const renewed = response.cookies.find((c) => c.name === 'truce_session');
      if (renewed) current = `truce_session=${renewed.value}`;
    }
    t.clock.advance(step);
    expect((await me(t, { cookie: current })).statusCode).toBe(401);
  });

  it('rotates the session id after a while; the old id serves requests in flight briefly, then stops', async () => {
    const first = await t.login('admin', 'demo-admin-pass');
    t.clock.advance(DEFAULT_SESSION_POLICY.rotateMs);
    // Two requests leave the browser at once with the old cookie (as the Users page does).
    const [a, b] = await Promise.all([me(t, { cookie: first }), me(t, { cookie: first })]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const renewed = [a, b].flatMap((r) => r.cookies.filter((c) => c.name === 'truce_session'));
    expect(renewed.length).toBeGreaterThanOrEqual(1);
    expect(renewed.every((c) => c.value !== '')).toBe(true);
    const second = `truce_session=${renewed[0]?.value}`;
    expect(second).not.toBe(first);
    t.clock.advance(DEFAULT_SESSION_POLICY.graceMs - 1000);
    expect((await me(t, { cookie: first })).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await me(t, { cookie: first })).statusCode).toBe(401);
    expect((await me(t, { cookie: second })).statusCode).toBe(200);
  });

  it('counts parallel wrong guesses before checking them, so a burst cannot pass the limit', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => login(t, 'admin', 'wrong-password', '10.7.7.7')),
    );
    const codes = burst.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('does not let an API token change the password or mint more tokens', async () => {
    const cookie = await t.login('monitor', 'demo-monitor-pass');
    const { secret } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: { cookie },
        payload: { label: 'bot' },
      })
    ).json();
    const bearer = { authorization: `Bearer ${secret}` };
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: bearer,
      payload: { currentPassword: 'demo-monitor-pass', newPassword: 'another-long-one' },
    });
    expect(change.statusCode).toBe(403);
    const mint = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: bearer,
      payload: { label: 'child' },
    });
    expect(mint.statusCode).toBe(403);
  });

  it('limits wrong current passwords on password change like sign-ins', async () => {
    const cookie = await t.login('analyst', 'demo-analyst-pass');
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/account/password',
        headers: { cookie },
        payload: { currentPassword, newPassword: 'another-long-one' },
        remoteAddress: '10.8.8.8',
      });
    for (let i = 0; i < 5; i += 1) expect((await change(`guess-number-${i}`)).statusCode).toBe(400);
    expect((await change('demo-analyst-pass')).statusCode).toBe(429);
  });

  it('limits failed sign-ins per account, answering 429 with Retry-After even for the right password', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await login(t, 'admin', 'wrong-password', `10.0.1.${i}`)).statusCode).toBe(401);
    const limited = await login(t, 'admin', 'demo-admin-pass', '10.0.2.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts are not affected from another address.
    expect((await login(t, 'viewer', 'demo-viewer-pass', '10.0.2.2')).statusCode).toBe(200);
    t.clock.advance(15 * 60_000 + 1);
    expect((await login(t, 'admin', 'demo-admin-pass', '10.0.2.1')).statusCode).toBe(200);
  });

  it('limits failed sign-ins per client address across accounts', async () => {
    for (let i = 0; i < 20; i += 1) await login(t, `guess${i}`, 'wrong-password', '10.9.9.9');
    expect((await login(t, 'viewer', 'demo-viewer-pass', '10.9.9.9')).statusCode).toBe(429);
    expect((await login(t, 'viewer', 'demo-viewer-pass', '10.9.9.10')).statusCode).toBe(200);
  });

  it('refuses sign-in to a disabled user, with the same answer as a wrong password', async () => {
    const cookie = await t.login('analyst', 'demo-analyst-pass');
    const admin = await t.login('admin', 'demo-admin-pass');
    const disable = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/analyst',
      headers: { cookie: admin },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect((await me(t, { cookie })).statusCode).toBe(401);
    const again = await login(t, 'analyst', 'demo-analyst-pass');
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('stores passwords only as argon2id hashes', async () => {
    const rows = await t.services.store.db.selectFrom('user_passwords').select('hash').execute();
    expect(rows).toHaveLength(7);
    for (const { hash } of rows) {
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(hash).not.toContain('demo-');
    }
  });

  it('changes one’s own password: the old one stops working and sessions end', async () => {
    const cookie = await t.login('monitor', 'demo-monitor-pass');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: { cookie },
      payload: { currentPassword: 'nope-nope-nope', newPassword: 'a-new-long-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { path: 'currentPassword', message: 'does not match' },
    ]);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: { cookie },
      payload: { currentPassword: 'demo-monitor-pass', newPassword: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await me(t, { cookie })).statusCode).toBe(401);
    expect((await login(t, 'monitor', 'demo-monitor-pass')).statusCode).toBe(401);
    expect((await login(t, 'monitor', 'a-new-long-password')).statusCode).toBe(200);
  });
});
