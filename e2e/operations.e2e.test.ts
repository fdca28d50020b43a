/**
 * Browser test of the operations screen against the real server with demo data: an analyst
 * opens it and sees incidents and zones on the map, narrows by type (address, map and list
 * follow), brushes the timeline by pointer and by keyboard (the list keeps to the range),
 * reloads the address and gets the same view, zooms in to the precision circles, and opens an
 * incident from the list. Fails on any console error or uncaught page error.
 */
import { request, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../web/src/strings.js';
import { accessibilityProblems } from './support/accessibility.js';
import { screenshot, useServerAndBrowser } from './support/browser.js';
import { sessionCookie } from '../test/support/test-app.js';
import { GUARANTEE } from './support/workbench.js';

const TEST_TIMEOUT = 120_000;

/** Reports to add when the demo holds too few incidents for the test (near Debaltseve, 2015). */
const EXTRA_REPORTS = Array.from({ length: 8 }, (_, i) => ({
  observedFrom: `2015-02-${String(10 + i * 2).padStart(2, '0')}T08:00:00Z`,
  observedTo: `2015-02-${String(10 + i * 2).padStart(2, '0')}T09:00:00Z`,
  location: { lon: 38.2 + i * 0.05, lat: 48.3, precision: i % 2 === 0 ? 'locality' : 'vicinity' },
  mode: 'heard',
  type: i % 2 === 0 ? 'shelling' : 'armed_clash',
  source: { kind: 'monitor', name: 'Patrol 4' },
  text: `Operations test report ${i}`,
}));

interface Row {
  readonly from: string;
  readonly to: string;
}

describe('operations screen', () => {
  const { baseUrl, openTab, interruptServer } = useServerAndBrowser();

  async function signIn(page: Page, name: string, password: string): Promise<void> {
    await page.goto(`${baseUrl()}/`);
    await page.getByLabel(t('login.username'), { exact: true }).fill(name);
    await page.getByLabel(t('login.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
    await page.getByRole('navigation', { name: t('nav.label') }).waitFor();
  }

  /** Waits until map, list and timeline have all drawn the view of `key`. */
  async function waitForView(page: Page, key: string): Promise<void> {
    const view = JSON.stringify(key);
    await page.locator(`[data-testid="operations"][data-filters=${view}]`).waitFor();
    for (const part of ['ops-map', 'ops-list', 'ops-timeline']) {
      await page.locator(`[data-testid="${part}"][data-view=${view}]`).waitFor();
    }
  }

  const filterKey = (page: Page) =>
    page.locator('[data-testid="operations"]').getAttribute('data-filters') as Promise<string>;
  const rendered = async (page: Page) =>
    Number(await page.locator('[data-testid="ops-map"]').getAttribute('data-rendered'));

  /** A fresh tab with the analyst on the operations screen, every part drawn. */
  async function openOperations() {
    const tab = await openTab();
    await signIn(tab.page, 'analyst', 'demo-analyst-pass');
    await tab.page.goto(`${baseUrl()}/operations`);
    await waitForView(tab.page, '');
    return tab;
  }

  /** A monitor sends a report from elsewhere, through the API. */
  async function reportAsMonitor(report: Record<string, unknown>): Promise<void> {
    const monitor = await request.newContext({ baseURL: baseUrl() });
    try {
      await monitor.post('/api/v1/session', {
        data: { username: 'monitor', password: 'demo-monitor-pass' },
      });
      const posted = await monitor.post('/api/v1/reports', { data: report });
      expect(posted.status()).toBe(201);
    } finally {
      await monitor.dispose();
    }
  }

  /** The observed windows of the list's rows. */
  async function rows(page: Page): Promise<Row[]> {
    return page.locator('[data-testid="ops-list"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        from: tr.getAttribute('data-observed-from') ?? '',
        to: tr.getAttribute('data-observed-to') ?? '',
      })),
    );
  }

  /** Every row's window overlaps the `from`/`to` range of the key. */
  function expectWithin(list: readonly Row[], key: string): void {
    const params = new URLSearchParams(key);
    const from = Date.parse(params.get('from') ?? '');
    const to = Date.parse(params.get('to') ?? '');
    for (const row of list) {
      expect(Date.parse(row.to)).toBeGreaterThanOrEqual(from);
      expect(Date.parse(row.from)).toBeLessThanOrEqual(to);
    }
  }

  it(
    'shows incidents and zones, filters by type and time, keeps the view in the address',
    async () => {
      const { page, problems } = await openTab();
      await signIn(page, 'monitor', 'demo-monitor-pass');
      // The demo holds incidents; a few more in one place make the brush and zoom meaningful.
      const posted = await page.request.post(`${baseUrl()}/api/v1/reports`, {
        data: { reports: EXTRA_REPORTS },
      });
      expect(posted.status()).toBe(200);
      await page.context().clearCookies();
      await signIn(page, 'analyst', 'demo-analyst-pass');

      // From the navigation to the screen: incidents and zones on the map.
      const nav = page.getByRole('navigation', { name: t('nav.label') });
      await nav.getByRole('link', { name: t('nav.operations'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t('ops.title') }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/operations');
      await waitForView(page, '');
      expect(await rendered(page)).toBeGreaterThan(0);
      await page.locator('[data-testid="ops-map"][data-zones]').waitFor();
      expect(
        Number(await page.locator('[data-testid="ops-map"]').getAttribute('data-zones')),
      ).toBeGreaterThan(0);
      const everything = await rows(page);
      expect(everything.length).toBeGreaterThan(0);
      await screenshot(page, 'operations');
      expect(await accessibilityProblems(page)).toEqual([]);

      // The type filter: address, map and list follow.
      const typeSelect = page.locator('[data-testid="ops-filters"] select[name="type"]');
      await typeSelect.selectOption('shelling');
      await waitForView(page, 'type=shelling');
      expect(new URL(page.url()).searchParams.get('type')).toBe('shelling');
      expect(await rendered(page)).toBeGreaterThan(0);
      const typeCells = await page
        .locator('[data-testid="ops-list"] tbody tr th a')
        .allTextContents();
      expect(typeCells.length).toBeGreaterThan(0);
      expect(new Set(typeCells)).toEqual(new Set([t('event.shelling')]));

      // Brushing by pointer: drag across the middle of the chart.
      const chart = page.getByRole('group', { name: t('ops.timelineLabel') });
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      if (box === null) throw new Error('the timeline is not drawn');
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.4);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4, { steps: 5 });
      await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.4, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => filterKey(page)).toMatch(/from=/);
      const brushed = await filterKey(page);
      expect(brushed).toMatch(/^from=.+&to=.+&type=shelling$/);
      await waitForView(page, brushed);
      expectWithin(await rows(page), brushed);

      // Brushing by keyboard: the start handle moves one bar per arrow key.
      const start = page.getByRole('slider', { name: t('ops.brushStart') });
      await start.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => filterKey(page)).not.toBe(brushed);
      const moved = await filterKey(page);
      expect(Date.parse(new URLSearchParams(moved).get('from') ?? '')).toBeGreaterThan(
        Date.parse(new URLSearchParams(brushed).get('from') ?? ''),
      );
      await waitForView(page, moved);
      expectWithin(await rows(page), moved);

      // The address holds the view: a reload shows the same one.
      await page.reload();
      await waitForView(page, moved);
      expect(await filterKey(page)).toBe(moved);
      expect(await page.locator('select[name="type"]').inputValue()).toBe('shelling');

      // Zoomed in on the added reports: each incident with its precision circle.
      await page.goto(`${baseUrl()}/operations?type=shelling&map=11/48.3/38.3`);
      await waitForView(page, 'type=shelling');
      expect(await rendered(page)).toBeGreaterThan(0);
      await page.getByText(t('ops.mapStatusIncidents', { count: await rendered(page) })).waitFor();
      await screenshot(page, 'operations-zoomed');

      // An incident opens from the list.
      const first = page.locator('[data-testid="ops-list"] tbody tr th a').first();
      await first.click();
      await page.waitForURL(/\/incidents\/[^/]+$/);

      await page
        .getByRole('heading', {
          level: 1,
          name: t('incident.titleOf', { type: t('event.shelling') }),
        })
        .waitFor();

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
  it(
    'draws new reports and zones on the map as they arrive, and the list on Refresh',
    async () => {
      const { page, problems } = await openOperations();
      const before = await rendered(page);
      const NOW = '2026-11-20T10:00:00.000Z'; // newer than every demo incident: the list's top row
      expect((await rows(page))[0]?.from).not.toBe(NOW);
      await page.evaluate('window.__stillTheSamePage = true');

      // A monitor reports from elsewhere.
      await reportAsMonitor({
        ...EXTRA_REPORTS[0],
        observedFrom: NOW,
        observedTo: NOW,
        location: { lon: 37.9, lat: 48.1, precision: 'exact' },
        text: 'Operations live report',
      });

      // The map counts it without a reload; the notice says what came.
      await expect.poll(() => rendered(page), { timeout: 15_000 }).toBe(before + 1);
      await page.getByRole('status').getByText(t('live.reportOne'), { exact: false }).waitFor();
      expect(await page.evaluate('window.__stillTheSamePage === true')).toBe(true);
      // The list waits for the person, then shows it on top.
      expect((await rows(page))[0]?.from).not.toBe(NOW);
      await page.getByRole('button', { name: t('live.refresh') }).click();
      await expect.poll(async () => (await rows(page))[0]?.from).toBe(NOW);

      // A document imported elsewhere draws its zones on the map without a reload.
      const map = page.locator('[data-testid="ops-map"]');
      const zonesDrawn = async () => Number(await map.getAttribute('data-zones'));
      const zonesBefore = await zonesDrawn();
      const imported = await page.request.post(`${baseUrl()}/api/v1/documents`, {
        data: GUARANTEE,
      });
      expect([200, 201]).toContain(imported.status());
      await expect.poll(zonesDrawn, { timeout: 15_000 }).toBeGreaterThan(zonesBefore);

      // A report without a place: the timeline counts it and says it is not on the map.
      const { location: _location, ...unplaced } = EXTRA_REPORTS[1] as (typeof EXTRA_REPORTS)[1];
      const noPlace = await page.request.post(`${baseUrl()}/api/v1/reports`, {
        data: { ...unplaced, text: 'Operations report from nowhere in particular' },
      });
      expect(noPlace.status()).toBe(201);
      await page
        .getByTestId('ops-timeline')
        .getByText(t('ops.unlocatedOne'))
        .waitFor({ timeout: 15_000 });
      expect(await page.evaluate('window.__stillTheSamePage === true')).toBe(true);
      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'draws what came while the live connection was down, once it is back, and says so',
    async () => {
      const { page, problems } = await openOperations();
      const before = await rendered(page);

      // The server drops every connection; while no browser can reach it, a monitor's report
      // arrives; then it listens again and the browser's stream reconnects.
      await interruptServer(async (app) => {
        const session = await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'monitor', password: 'demo-monitor-pass' },
        });
        const posted = await app.inject({
          method: 'POST',
          url: '/api/v1/reports',
          headers: { cookie: sessionCookie(session) },
          payload: {
            ...EXTRA_REPORTS[2],
            location: { lon: 37.7, lat: 48.2, precision: 'exact' },
            text: 'Operations report sent while the server was unreachable',
          },
        });
        expect(posted.statusCode).toBe(201);
      });

      // Its change notice is gone for good, but the stream's reopening redraws the map and
      // says that more may have changed.
      await expect.poll(() => rendered(page), { timeout: 20_000 }).toBe(before + 1);
      await page.getByRole('status').getByText(t('live.missed'), { exact: false }).waitFor();
      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
