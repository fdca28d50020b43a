import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES, ROLE_VERBS } from '../core/auth/permissions.js';
import { DEMO_USERS } from '../services/bootstrap.js';
import { describeEachDialect } from '../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { listRoutes } from './access.js';

/** A concrete URL for a route pattern. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, 'admin').replace(/\*/g, 'x');

/** An empty JSON body for methods that carry one. */
const bodyFor = (method: string) => (method === 'GET' || method === 'HEAD' ? {} : { payload: {} });

const methodsOf = (method: string | string[]) => (Array.isArray(method) ? method : [method]);

describeEachDialect('access control on every route', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('declares access on every route, and only the expected API routes are public', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes)
      expect(route.config?.access, `${String(route.method)} ${route.url}`).toBeDefined();
    const publicApi = routes
      .filter((r) => r.config?.access && 'public' in r.config.access)
      .flatMap((r) => methodsOf(r.method as string).map((m) => `${m} ${r.url}`))
      .filter(
        (r) =>
          !/ \/(docs|openapi\.json|assets\/|[^/]+\.(js|css|svg|ico|html)$)|^HEAD |^GET \/$/.test(r),
      )
      .sort();
    expect(publicApi).toEqual([
      'GET /api/v1/agreements/schema',
      'GET /api/v1/instance',
      'GET /api/v1/record',
      'GET /api/v1/record/entries',
      'GET /api/v1/record/entries/:index',
      'GET /api/v1/record/events/:eventId',
      'GET /api/v1/record/proof/consistency',
      'GET /api/v1/record/proof/inclusion',
      'GET /healthz',
      'GET /readyz',
      'GET /record/checkpoint',
      'GET /record/key',
      'GET /record/tile/*',
      'POST /api/v1/public/reports',
      'POST /api/v1/session',
    ]);
  });

  it('answers 401 without credentials on every non-public route', async () => {
    const guarded = listRoutes(t.app).filter((r) => r.config?.access && 'verb' in r.config.access);
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      for (const method of methodsOf(route.method as string)) {
        const response = await t.app.inject({
          method: method as 'GET',
          url: concrete(route.url),
          ...bodyFor(method),
        });
        expect(response.statusCode, `${method} ${route.url}`).toBe(401);
        if (method !== 'HEAD') expect(response.json().error.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('answers 403 on every route to a role that lacks its verb', async () => {
    const cookies = new Map<string, string>();
    for (const demo of DEMO_USERS) cookies.set(demo.role, await t.login(demo.name, demo.password));
    let checked = 0;
    for (const route of listRoutes(t.app)) {
      const access = route.config?.access;
      if (!access || !('verb' in access)) continue;
      for (const role of ROLES.filter((r) => !ROLE_VERBS[r].includes(access.verb))) {
        for (const method of methodsOf(route.method as string)) {
          const response = await t.app.inject({
            method: method as 'GET',
            url: concrete(route.url),
            headers: { cookie: cookies.get(role) ?? '' },
            ...bodyFor(method),
          });
          expect(response.statusCode, `${role} ${method} ${route.url}`).toBe(403);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('refuses to start when a route declares no access', async () => {
    const other = await createTestApp(dialect, { demo: false });
    try {
      await expect(async () => {
        // A fresh, unready app is needed: build one and add a route without access.
        const { buildApp } = await import('./app.js');
        const app = await buildApp(other.services, { logLevel: 'silent' });
        app.get('/api/v1/forgotten', async () => ({}));
        await app.ready();
      }).rejects.toThrow(/routes without an access declaration: GET \/api\/v1\/forgotten/);
    } finally {
      await other.close();
    }
  });
});
