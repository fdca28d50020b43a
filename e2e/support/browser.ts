/**
 * Chromium for browser tests: launching it, opening a fresh tab that records every console
 * error and uncaught page error, saving screenshots under test-artifacts/screenshots, and the
 * server-plus-browser fixture every browser-test file shares.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../test/support/chromium.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import type { App } from '../../src/http/app-instance.js';

const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/** Launches headless Chromium (CHROMIUM_PATH, else the Debian package's binary). */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return launchChromium();
}

/**
 * Chromium logs every HTTP error answer as a console error. Two are the API contract working
 * as designed: asking for the session while signed out, and a refused sign-in, both 401 on
 * /api/v1/session. Every other console error counts as a problem.
 */
function isExpectedSessionRefusal(message: ConsoleMessage): boolean {
  return (
    message
      .text()
      .startsWith('Failed to load resource: the server responded with a status of 401') &&
    new URL(message.location().url).pathname === '/api/v1/session'
  );
}

/** A page in its own browser context (own cookies), with the problems it reported. */
export interface Tab {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far; a passing test expects none. */
  readonly problems: string[];
}

/** Opens a fresh 1280x800 tab that records console errors and page errors. */
export async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpectedSessionRefusal(message)) {
      problems.push(`console error: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, context, problems };
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** The server and browser a browser-test file shares, started once for the file. */
export interface BrowserFixture {
  /** The test server's base URL. */
  baseUrl(): string;
  /** A fresh tab (own cookies), closed after the file's tests. */
  openTab(): Promise<Tab>;
  /** Drops every connection to the server, which listens again after `meanwhile` (TestServer.interrupt). */
  interruptServer(meanwhile?: (app: App) => Promise<void>): Promise<void>;
}

const BUILT_APP = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

/**
 * Registers beforeAll/afterAll hooks that start the real server (demo data, built web app) and
 * chromium, and close both and every tab afterwards. Call inside a describe block.
 */
export function useServerAndBrowser(): BrowserFixture {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const tabs: Tab[] = [];

  beforeAll(async () => {
    if (!existsSync(BUILT_APP)) {
      throw new Error(
        'web/dist is missing: run `npx vite build --config web/vite.config.ts` first',
      );
    }
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    for (const tab of tabs) await tab.context.close();
    await browser?.close();
    await server?.close();
  });

  return {
    baseUrl() {
      if (server === undefined) throw new Error('the test server did not start');
      return server.url;
    },
    async interruptServer(meanwhile) {
      if (server === undefined) throw new Error('the test server did not start');
      await server.interrupt(meanwhile);
    },
    async openTab() {
      if (browser === undefined) throw new Error('chromium did not start');
      const tab = await openTab(browser);
      tabs.push(tab);
      return tab;
    },
  };
}
