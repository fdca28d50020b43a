/**
 * Every screen a person works in, checked by axe-core for the WCAG 2.1 A and AA rules a machine
 * can decide (serious and critical violations fail), as each role sees it: the analyst's
 * operations screen, incident list and workbench, import, agreements and record; the
 * guarantor's board and activation page. Also: no console errors on the way, and no sideways
 * scrolling on a tablet held upright (768 px).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './support/accessibility.js';
import { useServerAndBrowser, type Tab } from './support/browser.js';

const TEST_TIMEOUT = 180_000;

describe('accessibility of every screen', () => {
  const { baseUrl, openTab } = useServerAndBrowser();

  /** A tab signed in as a demo user through the API (the sign-in page is checked on its own). */
  async function signedIn(role: string): Promise<Tab> {
    const tab = await openTab();
    const answer = await tab.context.request.post(`${baseUrl()}/api/v1/session`, {
      data: { username: role, password: `demo-${role}-pass` },
    });
    expect(answer.ok()).toBe(true);
    return tab;
  }

  /** Opens `path` and waits until its heading is there and nothing says it is loading. */
  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${baseUrl()}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(
      `!document.querySelector('main')?.textContent?.includes('Loading…')`,
      undefined,
      { timeout: 20_000 },
    );
  }

  async function check(page: Page, path: string): Promise<[string, unknown][]> {
    await open(page, path);
    const problems = await accessibilityProblems(page);
    return problems.length === 0 ? [] : [[path, problems]];
  }

  it(
    'finds no serious or critical violation on the analyst’s screens',
    async () => {
      const sign = await openTab();
      await sign.page.goto(`${baseUrl()}/login`);
      await sign.page.locator('main h1').waitFor();
      const found: [string, unknown][] = [
        ...(await accessibilityProblems(sign.page)).map((p): [string, unknown] => ['/login', p]),
      ];

      const { page, problems } = await signedIn('analyst');
      const incidents = await page.context().request.get(`${baseUrl()}/api/v1/incidents?limit=1`);
      const [incident] = ((await incidents.json()) as { incidents: { id: string }[] }).incidents;
      expect(incident).toBeDefined();
      for (const path of [
        '/operations',
        '/incidents',
        `/incidents/${incident?.id ?? ''}`,
        '/incidents/import',
        '/agreements',
        '/agreements/minsk-ii-2015',
        '/log',
        '/account',
      ]) {
        found.push(...(await check(page, path)));
      }
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'fits a tablet held upright: no sideways scrolling on the screens people work in',
    async () => {
      const { page, problems } = await signedIn('analyst');
      await page.setViewportSize({ width: 768, height: 1024 });
      const overflow: Record<string, number> = {};
      for (const path of ['/operations', '/board', '/incidents', '/activations', '/agreements']) {
        await open(page, path);
        overflow[path] = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
      }
      expect(overflow).toEqual({
        '/operations': 0,
        '/board': 0,
        '/incidents': 0,
        '/activations': 0,
        '/agreements': 0,
      });
      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'finds no serious or critical violation on the guarantor’s screens',
    async () => {
      const { page, problems } = await signedIn('guarantor');
      const found: [string, unknown][] = [];
      for (const path of ['/board', '/activations']) found.push(...(await check(page, path)));
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
