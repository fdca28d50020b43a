/**
 * Starts the real server on a random loopback port with a fresh SQLite database, for browser
 * tests. The web app is served from web/dist (the test command builds it first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/app-instance.js';
import { listen, shutdown } from '../../src/http/server.js';
import { createServices } from '../../src/services.js';

export interface TestServer {
  readonly url: string;
  /**
   * Ends every connection (live streams too) and listens again on the same port with the same
   * database and sessions: what a server restart looks like to a browser. `meanwhile` runs
   * while no browser can reach the server, with the new app to inject requests into.
   */
  interrupt(meanwhile?: (app: App) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * `demo` (the default) loads what `truce serve --demo` loads: demo users, the scenarios and
 * their real events as reports.
 */
export async function startTestServer(options: { demo?: boolean } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-e2e-'));
  const services = await createServices(`sqlite:${join(dir, 'truce.db')}`);
  const demo = options.demo ?? true;
  await services.instance.bootstrap(demo, { reports: demo });
  let app = await buildApp(services, { logLevel: 'silent' });
  const url = await listen(app, '127.0.0.1', 0);
  // As `truce serve` does: a signed checkpoint within a second of every change.
  const stopCheckpointing = services.record.startCheckpointing(1000);
  return {
    url,
    async interrupt(meanwhile) {
      await app.close();
      app = await buildApp(services, { logLevel: 'silent' });
      await meanwhile?.(app);
      await listen(app, '127.0.0.1', Number(new URL(url).port));
    },
    async close() {
      stopCheckpointing();
      await shutdown(app, services);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
