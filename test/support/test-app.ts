/**
 * An app on a fresh database with a controllable clock, for HTTP tests through `app.inject()`.
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/app-instance.js';
import type { Dialect } from '../../src/store/database.js';
import { createServices, type ServiceOptions, type Services } from '../../src/services.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

/** A clock tests move by hand. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function createTestClock(start = '2026-01-06T12:00:00.000Z'): TestClock {
  let current = Date.parse(start);
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}

export interface TestApp {
  readonly app: App;
  /** The database URL, to open a second connection (another process, in effect). */
  readonly databaseUrl: string;
  readonly services: Services;
  readonly clock: TestClock;
  /** Signs in with a password and returns the Cookie header value. */
  login(name: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds services and app on a fresh database of the dialect, with the demo users loaded (and
 * the built-in scenarios when `scenarios` is true).
 */
export async function createTestApp(
  dialect: Dialect,
  options: ServiceOptions & { demo?: boolean; scenarios?: boolean } = {},
): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase(dialect);
  const clock = createTestClock();
  const services = await createServices(database.url, { now: clock.now, ...options });
  if (options.demo !== false) {
    await services.instance.bootstrap(true, { scenarios: options.scenarios ?? false });
  }
  const app = await buildApp(services, { logLevel: 'silent' });
  await app.ready();
  return {
    app,
    databaseUrl: database.url,
    services,
    clock,
    async login(name, password) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: name, password },
      });
      if (response.statusCode !== 200) throw new Error(`login as ${name} failed: ${response.body}`);
      return sessionCookie(response);
    },
    async close() {
      await app.close();
      await services.close();
      await database.drop();
    },
  };
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'truce_session');
  if (cookie === undefined) throw new Error('no session cookie set');
  return `truce_session=${cookie.value}`;
}
