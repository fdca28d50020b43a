import { expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '../../test/support/dialects.js';
import { createServices } from '../services.js';
import { buildApp } from './app.js';
import { listen, shutdown } from './server.js';

describeEachDialect('graceful shutdown', (dialect) => {
  it('finishes a request in flight, refuses new ones, then closes the database', async () => {
    const database = await createTestDatabase(dialect);
    const services = await createServices(database.url);
    const app = await buildApp(services, { logLevel: 'silent' });
    let entered: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    app.get('/slow', { config: { access: { public: true } } }, async () => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { finished: true };
    });
    const url = await listen(app, '127.0.0.1', 0);

    const slow = fetch(`${url}/slow`);
    await inFlight;
    const closing = shutdown(app, services);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    expect(await closing).toBe(true);
    await expect(services.store.db.selectFrom('users').selectAll().execute()).rejects.toThrow();
    await database.drop();
  });

  it('gives up waiting after the time limit', async () => {
    const database = await createTestDatabase(dialect);
    const services = await createServices(database.url);
    const app = await buildApp(services, { logLevel: 'silent' });
    let entered: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    app.get('/stuck', { config: { access: { public: true } } }, async () => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      return {};
    });
    const url = await listen(app, '127.0.0.1', 0);
    const stuck = fetch(`${url}/stuck`).then(
      () => 'answered',
      () => 'cut',
    );
    await inFlight;
    expect(await shutdown(app, services, 100)).toBe(false);
    // The connection was cut rather than left to finish, and the database is closed.
    expect(await stuck).toBe('cut');
    await expect(services.store.db.selectFrom('users').selectAll().execute()).rejects.toThrow();
    await database.drop();
  });
});
