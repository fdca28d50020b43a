/**
 * Browser test of people's grouping decisions on the incident page, against the real server
 * with demo data: an analyst confirms a suggestion by merging two incidents with a reason, then
 * splits a report out again; a viewer sees the suggestion but neither control. Reports are sent
 * through the API. Fails on any console error or uncaught page error.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IncidentList } from '../src/http/schemas/incidents.js';
import { t } from '../web/src/strings.js';
import { screenshot, useServerAndBrowser } from './support/browser.js';

const TEST_TIMEOUT = 90_000;

/** A report the API accepts: an exact place, one minute, a monitor's missile strike. */
function buildReport(options: {
  readonly at: string;
  readonly lon: number;
  readonly lat: number;
  readonly text: string;
}) {
  return {
    observedFrom: options.at,
    observedTo: options.at,
    location: { lon: options.lon, lat: options.lat, precision: 'exact' },
    mode: 'reported',
    type: 'missile_strike',
    source: { kind: 'monitor', name: 'A' },
    text: options.text,
  };
}

/** The API as a signed-in tab's session calls it: its request context and the server's URL. */
interface Api {
  readonly request: APIRequestContext;
  readonly baseUrl: string;
}

async function sendReports(api: Api, reports: readonly unknown[]): Promise<void> {
  const response = await api.request.post(`${api.baseUrl}/api/v1/reports`, {
    data: { reports },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { accepted: number };
  expect(body.accepted).toBe(reports.length);
}

/** The incidents whose reports contain `words`, oldest first. */
async function incidentsWith(api: Api, words: string) {
  const response = await api.request.get(
    `${api.baseUrl}/api/v1/incidents?q=${encodeURIComponent(words)}`,
  );
  expect(response.status()).toBe(200);
  const { incidents } = (await response.json()) as IncidentList;
  return [...incidents].sort((a, b) => a.observedFrom.localeCompare(b.observedFrom));
}

describe('grouping decisions on the incident page', () => {
  const { baseUrl, openTab } = useServerAndBrowser();

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${baseUrl()}/`);
    await page.getByLabel(t('login.username'), { exact: true }).fill(username);
    await page.getByLabel(t('login.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('ops.title') }).waitFor();
  }

  async function openIncident(page: Page, incidentId: string): Promise<void> {
    await page.goto(`${baseUrl()}/incidents/${encodeURIComponent(incidentId)}`);
    await page.getByRole('heading', { level: 2, name: t('grouping.title') }).waitFor();
  }

  const reportItems = (page: Page) => page.locator('.report-list > li');

  async function waitForReportCount(page: Page, count: number): Promise<void> {
    await expect.poll(() => reportItems(page).count(), { timeout: 20_000 }).toBe(count);
  }

  it(
    'merges a suggested incident with a reason, then splits a report out again',
    async () => {
      const { page, problems } = await openTab();
      await signIn(page, 'analyst', 'demo-analyst-pass');
      const api = { request: page.request, baseUrl: baseUrl() };
      const words = 'depotmerge';
      const place = { lon: 37.5606, lat: 48.7232 };
      await sendReports(api, [
        buildReport({ ...place, at: '2022-04-08T07:25:00Z', text: `${words} first strike` }),
        buildReport({ ...place, at: '2022-04-08T10:45:00Z', text: `${words} second strike` }),
      ]);
      const [earlier, later, ...others] = await incidentsWith(api, words);
      expect(others).toEqual([]);
      if (earlier === undefined || later === undefined) throw new Error('expected two incidents');

      // The later incident, with the suggestion and a link to the earlier one.
      await openIncident(page, later.id);
      expect(await reportItems(page).count()).toBe(1);
      const groupings = page.getByRole('table', { name: t('grouping.title') });
      const suggestion = groupings.locator('tbody tr', {
        hasText: t('grouping.suggested'),
      });
      expect(await suggestion.count()).toBe(1);
      const otherLink = suggestion.getByRole('link', { name: t('grouping.otherIncident') });
      expect(await otherLink.getAttribute('href')).toBe(`/incidents/${earlier.id}`);

      // Merging asks for a reason before anything is sent.
      const mergeButton = suggestion.getByRole('button', { name: t('grouping.merge') });
      expect(await mergeButton.getAttribute('aria-expanded')).toBe('false');
      await mergeButton.click();
      expect(await mergeButton.getAttribute('aria-expanded')).toBe('true');
      const mergeForm = page.getByRole('group', { name: t('grouping.mergeTitle') });
      await mergeForm.getByRole('button', { name: t('grouping.mergeSubmit'), exact: true }).click();
      await mergeForm.getByText(t('incidents.reasonMissing')).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/incidents/${later.id}`);

      await mergeForm
        .getByLabel(t('incidents.reason'))
        .fill('Same strike on the depot, reported twice');
      expect(await mergeForm.getByText(t('incidents.reasonMissing')).count()).toBe(0);
      await screenshot(page, 'grouping-merge-form');
      await mergeForm.getByRole('button', { name: t('grouping.mergeSubmit'), exact: true }).click();

      // The merged incident keeps the earlier one's id and holds both reports.
      await page.waitForURL((url) => url.pathname === `/incidents/${earlier.id}`);
      await waitForReportCount(page, 2);
      const texts = await reportItems(page).allTextContents();
      expect(texts.some((text) => text.includes(`${words} first strike`))).toBe(true);
      expect(texts.some((text) => text.includes(`${words} second strike`))).toBe(true);
      expect(await page.getByRole('link', { name: t('grouping.otherIncident') }).count()).toBe(0);
      const absorbed = await api.request.get(`${api.baseUrl}/api/v1/incidents/${later.id}`);
      expect(absorbed.status()).toBe(404);
      expect(await incidentsWith(api, words)).toHaveLength(1);
      await screenshot(page, 'grouping-merge');

      // Split the second report out again; the first stays, so the incident keeps its id.
      const splitForm = page.getByRole('group', { name: t('reports.splitTitle') });
      const submitSplit = splitForm.getByRole('button', {
        name: t('reports.splitSubmit'),
        exact: true,
      });
      await splitForm.getByRole('checkbox', { name: t('reports.label', { number: 1 }) }).check();
      await splitForm.getByRole('checkbox', { name: t('reports.label', { number: 2 }) }).check();
      await splitForm.getByLabel(t('incidents.reason')).fill('Two strikes, hours apart');
      await submitSplit.click();
      await splitForm.getByText(t('reports.splitAll')).waitFor();

      await splitForm.getByRole('checkbox', { name: t('reports.label', { number: 1 }) }).uncheck();
      await submitSplit.click();
      await waitForReportCount(page, 1);
      expect(new URL(page.url()).pathname).toBe(`/incidents/${earlier.id}`);
      expect(await reportItems(page).first().textContent()).toContain(`${words} first strike`);
      expect(await page.getByRole('group', { name: t('reports.splitTitle') }).count()).toBe(0);

      // The moved report is an incident of its own, linked from the kept one.
      const afterSplit = await incidentsWith(api, words);
      expect(afterSplit.map((incident) => incident.reports)).toEqual([1, 1]);
      const moved = afterSplit.find((incident) => incident.id !== earlier.id);
      if (moved === undefined) throw new Error('expected the split-out incident');
      const link = groupings.getByRole('link', { name: t('grouping.otherIncident') });
      expect(await link.getAttribute('href')).toBe(`/incidents/${moved.id}`);

      // Both decisions are listed with who and why, and each is proven in the record here.
      const decisions = page.getByRole('region', { name: t('groupingDecisions.title') });
      const items = decisions.getByRole('listitem');
      await expect.poll(() => items.count()).toBe(2);
      expect(await items.nth(0).textContent()).toContain(
        t('groupingDecisions.reason', { reason: 'Same strike on the depot, reported twice' }),
      );
      expect(await items.nth(1).textContent()).toContain(
        t('groupingDecisions.reason', { reason: 'Two strikes, hours apart' }),
      );
      const proof = items.nth(1).getByRole('button', {
        name: t('proof.checkLabel', { what: t('groupingDecisions.split', { count: 1 }) }),
      });
      const verdict = items.nth(1).getByRole('status');
      await expect
        .poll(
          async () => {
            await proof.click();
            await verdict.getByText(/In the record|Recorded as entry|failed/).waitFor();
            return (await verdict.textContent()) ?? '';
          },
          { timeout: 15_000, interval: 500 },
        )
        .toMatch(/In the record: entry \d+/);
      await screenshot(page, 'grouping-split');

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a viewer the suggestion without the merge or split controls',
    async () => {
      const analyst = await openTab();
      await signIn(analyst.page, 'analyst', 'demo-analyst-pass');
      const words = 'viewerdepot';
      const place = { lon: 37.5413, lat: 47.0951 };
      const api = { request: analyst.page.request, baseUrl: baseUrl() };
      await sendReports(api, [
        buildReport({ ...place, at: '2022-05-02T07:25:00Z', text: `${words} first` }),
        buildReport({ ...place, at: '2022-05-02T07:25:00Z', text: `${words} second` }),
        buildReport({ ...place, at: '2022-05-02T10:45:00Z', text: `${words} third` }),
      ]);
      const [grouped, suggested, ...others] = await incidentsWith(api, words);
      expect(others).toEqual([]);
      if (grouped === undefined || suggested === undefined) throw new Error('expected two');
      expect(grouped.reports).toBe(2);

      // The analyst sees both controls on the incident of two reports...
      await openIncident(analyst.page, grouped.id);
      const mergeButtons = (page: Page) =>
        page.getByRole('button', { name: t('grouping.merge') }).count();
      const splitForms = (page: Page) =>
        page.getByRole('group', { name: t('reports.splitTitle') }).count();
      expect(await mergeButtons(analyst.page)).toBeGreaterThan(0);
      expect(await splitForms(analyst.page)).toBe(1);

      // ...the viewer sees the same suggestion and link, but neither control.
      const { page, problems } = await openTab();
      await signIn(page, 'viewer', 'demo-viewer-pass');
      await openIncident(page, grouped.id);
      expect(await reportItems(page).count()).toBe(2);
      const links = page.getByRole('link', { name: t('grouping.otherIncident') });
      expect(await links.count()).toBeGreaterThan(0);
      expect(await links.first().getAttribute('href')).toBe(`/incidents/${suggested.id}`);
      expect(await mergeButtons(page)).toBe(0);
      expect(await splitForms(page)).toBe(0);
      expect(await page.getByRole('checkbox').count()).toBe(0);

      expect(analyst.problems).toEqual([]);
      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
