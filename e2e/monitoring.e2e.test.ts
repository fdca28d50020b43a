/**
 * Browser test of the Monitoring area against the real server with demo data: an analyst
 * imports the synthetic CIR file (upload progress, summary, problem rows by line), then finds
 * the new incidents, narrows the list with a text search kept in the address, and opens an
 * incident with its CIR report. Fails on any console error or uncaught page error.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../web/src/strings.js';
import { screenshot, useServerAndBrowser } from './support/browser.js';

const TEST_TIMEOUT = 90_000;

const CIR_FILE = fileURLToPath(new URL('../test/fixtures/data/cir-synthetic.csv', import.meta.url));

describe('monitoring area', () => {
  const { baseUrl, openTab } = useServerAndBrowser();

  async function signInAsAnalyst(page: Page): Promise<void> {
    await page.goto(`${baseUrl()}/`);
    await page.getByLabel(t('login.username'), { exact: true }).fill('analyst');
    await page.getByLabel(t('login.password'), { exact: true }).fill('demo-analyst-pass');
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('ops.title') }).waitFor();
  }

  it(
    'imports a CIR file, lists and searches incidents, and shows an incident with its report',
    async () => {
      const { page, problems } = await openTab();
      await signInAsAnalyst(page);

      // The Monitoring area, from the navigation.
      const nav = page.getByRole('navigation', { name: t('nav.label') });
      const monitoringLink = nav.getByRole('link', { name: t('nav.monitoring'), exact: true });
      await monitoringLink.click();
      await page.getByRole('heading', { level: 1, name: t('incidents.title') }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/incidents');
      expect(await monitoringLink.getAttribute('aria-current')).toBe('page');

      // Import the synthetic CIR file.
      await page.getByRole('link', { name: t('incidents.importLink'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t('import.title') }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/incidents/import');
      await page.getByLabel(t('import.file'), { exact: true }).setInputFiles(CIR_FILE);
      await page.getByLabel(t('import.format'), { exact: true }).selectOption('cir');
      await screenshot(page, 'monitoring-import-form');
      await page.getByRole('button', { name: t('import.submit'), exact: true }).click();

      await page
        .getByRole('heading', {
          level: 2,
          name: t('import.summaryTitle', { file: 'cir-synthetic.csv' }),
        })
        .waitFor();
      // The upload's progress ends full, in words as well as in the bar.
      const progress = page.locator('.import-progress');
      expect(await progress.locator('progress').getAttribute('value')).toBe('100');
      expect(await progress.textContent()).toContain(t('import.percent', { percent: 100 }));
      expect(await progress.textContent()).toContain(t('import.finished'));

      const summary = page.locator('.import-summary');
      const count = async (label: string) =>
        Number(
          await summary
            .locator('div', { has: page.getByText(label, { exact: true }) })
            .locator('dd')
            .textContent(),
        );
      expect(await count(t('import.accepted'))).toBeGreaterThan(0);
      expect(await count(t('import.rejected'))).toBeGreaterThan(0);

      const rejects = page.getByRole('table', { name: t('import.rejectsTitle') });
      const lineFive = rejects.locator('tbody tr', {
        has: page.getByRole('rowheader', { name: '5', exact: true }),
      });
      expect(await lineFive.count()).toBeGreaterThan(0);
      expect(await lineFive.first().textContent()).toContain('is empty');
      await screenshot(page, 'monitoring-import-result');

      // The incidents, then narrowed by words in the reports; the words go into the address.
      await page.getByRole('link', { name: t('import.toIncidents'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t('incidents.title') }).waitFor();
      const table = page.getByRole('table', { name: t('incidents.tableCaption') });
      const rows = table.locator('tbody tr');
      await rows.first().waitFor();
      const allRows = await rows.count();
      expect(allRows).toBeGreaterThan(1);
      await screenshot(page, 'monitoring-incidents');

      await page.getByLabel(t('incidents.search'), { exact: true }).fill('fuel depot');
      await page.getByRole('button', { name: t('incidents.searchSubmit'), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'fuel depot');
      await page
        .getByRole('status')
        .filter({ hasText: t('incidents.countAll', { count: 1 }) })
        .waitFor();
      expect(await rows.count()).toBe(1);
      expect(await rows.count()).toBeLessThan(allRows);
      await screenshot(page, 'monitoring-incidents-search');

      // The matching incidents as a CSV download, with the signed-in session.
      const exportLink = page.getByRole('link', {
        name: t('incidents.exportFiltered'),
        exact: true,
      });
      const href = (await exportLink.getAttribute('href')) ?? '';
      expect(href).toBe('/api/v1/incidents.csv?q=fuel+depot');
      const csv = await page.request.get(new URL(href, page.url()).toString());
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(2);

      // The incident with its CIR report.
      await rows.first().getByRole('link').click();
      await page
        .getByRole('heading', { level: 2, name: t('reports.title'), exact: true })
        .waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/incidents\/[^/]+$/);
      const reports = page.locator('.report-list > li');
      expect(await reports.count()).toBeGreaterThan(0);
      const firstReport = await reports.first().textContent();
      expect(firstReport).toContain('CIR');
      expect(firstReport).toContain('fuel depot');
      await page.getByRole('heading', { level: 2, name: t('incidentZones.title') }).waitFor();
      await page.getByRole('heading', { level: 2, name: t('grouping.title') }).waitFor();
      await screenshot(page, 'monitoring-incident');

      // Back to the filtered list, as the address kept it.
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: t('incidents.title') }).waitFor();
      expect(await page.getByLabel(t('incidents.search'), { exact: true }).inputValue()).toBe(
        'fuel depot',
      );

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
