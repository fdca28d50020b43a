/**
 * Browser test of the guarantee board against the real server with demo data, with several
 * sessions open at once: the guarantor (GBR) watches /board while a monitor reports a shelling
 * in the test guarantee's security zone, an analyst corroborates it in the browser, the verifier
 * verifies it in another browser session, and the analyst attributes it to RUS and records a
 * major finding. The imported guarantee's commitments, then the activation, must appear on the
 * guarantor's board without a reload, the activation with its clock ticking and a polite notice;
 * the guarantor then responds on the activation's page in a second tab, and the board shows the
 * activation met, again without a reload. Fails on any console error or uncaught page error in
 * any tab.
 */
import { request, type Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../web/src/strings.js';
import { screenshot, useServerAndBrowser } from './support/browser.js';
import {
  attributeToRus,
  buildShelling,
  findMajorCeasefireViolation,
  GUARANTEE,
  openIncident,
  respondWithAction,
  signIn,
  submitStep,
} from './support/workbench.js';

const TEST_TIMEOUT = 150_000;

/** The commitment the fixture's GBR guarantee activates, as the board names it. */
const COMMITMENT = t('activations.commitment', {
  document: 'test-guarantee',
  commitment: 'gbr-air-defence',
});

describe('the guarantee board: activations appear and are met live', () => {
  const { baseUrl, openTab } = useServerAndBrowser();

  /** The monitor reports the shelling through the API; answers the new incident's id. */
  async function reportAsMonitor(): Promise<string> {
    const monitor = await request.newContext({ baseURL: baseUrl() });
    try {
      const session = await monitor.post('/api/v1/session', {
        data: { username: 'monitor', password: 'demo-monitor-pass' },
      });
      expect(session.status()).toBe(200);
      const posted = await monitor.post('/api/v1/reports', {
        data: buildShelling('dashboardtest shelling heard near the station'),
      });
      expect(posted.status()).toBe(201);
      // A new report founds an incident of its own id.
      return ((await posted.json()) as { id: string }).id;
    } finally {
      await monitor.dispose();
    }
  }

  /** Takes a ladder step through the form; `done` is the status in words it then shows. */
  async function takeStep(
    section: Locator,
    status: string,
    method: string,
    done: string,
  ): Promise<void> {
    await submitStep(section, status, method);
    const form = section.getByRole('group', { name: t('ladder.formTitle') });
    await form.getByText(t('ladder.done', { status: done })).waitFor();
  }

  it(
    'shows a new activation and its response on an open board without reloading',
    async () => {
      // Session A: the guarantor opens the board before anything happens.
      const board = await openTab();
      await signIn(board.page, baseUrl(), 'guarantor');
      const nav = board.page.getByRole('navigation', { name: t('nav.label') });
      await nav.getByRole('link', { name: t('nav.board'), exact: true }).click();
      await board.page.getByRole('heading', { level: 1, name: t('board.title') }).waitFor();
      expect(new URL(board.page.url()).pathname).toBe('/board');
      await board.page.getByText(t('board.introGuarantor')).waitFor();
      // A guarantor has no guarantor filter: it sees its own.
      expect(await board.page.getByLabel(t('board.guarantor'), { exact: true }).count()).toBe(0);
      const commitments = board.page.getByRole('region', { name: t('board.commitmentsTitle') });
      await commitments.waitFor();
      const activationsPanel = board.page.getByRole('region', {
        name: t('board.activationsTitle'),
      });
      await activationsPanel.waitFor();
      // Set before anything changes: a reload or a navigation would lose it.
      await board.page.evaluate(() => {
        (globalThis as { boardFlag?: string }).boardFlag = 'kept';
      });
      await screenshot(board.page, 'board');

      // Session B: the analyst imports the guarantee; the monitor reports (through the API).
      const analyst = await openTab();
      await signIn(analyst.page, baseUrl(), 'analyst');
      const imported = await analyst.page.request.post(`${baseUrl()}/api/v1/documents`, {
        data: GUARANTEE,
      });
      expect([200, 201]).toContain(imported.status());
      // The guarantee and its commitments appear on A's board without a reload.
      await commitments
        .getByRole('link', { name: 'Test Ceasefire with a Guarantee' })
        .waitFor({ timeout: 15_000 });
      const notice = board.page.getByRole('status').filter({ hasText: t('live.refresh') });
      await notice.getByText(t('live.documentOne'), { exact: false }).waitFor();
      const incidentId = await reportAsMonitor();

      // The analyst corroborates it on the incident page.
      const section = await openIncident(analyst.page, baseUrl(), incidentId);
      await takeStep(
        section,
        'corroborated',
        'two patrols heard it',
        t('verification.corroborated'),
      );

      // A second user, the verifier, verifies it in its own browser session.
      const verifier = await openTab();
      await signIn(verifier.page, baseUrl(), 'verifier');
      const verifierSection = await openIncident(verifier.page, baseUrl(), incidentId);
      await takeStep(
        verifierSection,
        'verified',
        'crater analysis on site',
        t('verification.verified'),
      );

      // The analyst attributes the incident to RUS and records a major finding.
      await analyst.page.reload();
      await section.getByRole('heading', { level: 3, name: t('attribution.title') }).waitFor();
      await attributeToRus(section);
      await findMajorCeasefireViolation(section);

      // On A's board, without a reload: the new activation's row, marked new, with its clock.
      const row = activationsPanel.locator('tbody tr', {
        has: board.page.locator(`a[href="/incidents/${incidentId}"]`),
      });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getByRole('link', { name: COMMITMENT }).getAttribute('href')).toMatch(
        /^\/activations\/[^/]+$/,
      );
      expect(await row.textContent()).toContain(t('board.new'));
      expect(await row.textContent()).toContain(t('activationStatus.open'));
      expect(await row.textContent()).toMatch(/Tier \d+/);
      // The clock in words, and ticking: what is left shrinks second by second.
      const clock = row.locator('.board-clock-span');
      expect(await clock.textContent()).toMatch(/^due in \d+ (d|h|min) \d+ (h|min|s)$/);
      const left = async () => Number(await clock.getAttribute('data-ms-left'));
      const before = await left();
      await expect.poll(left, { timeout: 5000 }).toBeLessThan(before);
      expect(await row.textContent()).toContain(t('board.deadlineLabel'));
      await notice.getByText(t('live.activationOne'), { exact: false }).waitFor();
      const summary = board.page.getByRole('table', { name: t('guarantors.title') });
      await summary.getByRole('rowheader', { name: 'United Kingdom (GBR)' }).waitFor();
      expect(await summary.locator('tbody tr').count()).toBe(1);
      const metCell = summary.locator('tbody tr').first().locator('td').nth(2);
      const metBefore = Number(await metCell.textContent());
      expect(
        await board.page.evaluate(() => (globalThis as { boardFlag?: string }).boardFlag),
      ).toBe('kept');
      await screenshot(board.page, 'board-live');

      // The guarantor responds on the activation's page, in a second tab of its own.
      const activationPath = await row.getByRole('link', { name: COMMITMENT }).getAttribute('href');
      const responder = await openTab();
      await signIn(responder.page, baseUrl(), 'guarantor');
      await responder.page.goto(`${baseUrl()}${activationPath}`);
      await respondWithAction(responder.page);

      // A's board shows it met, still without a reload, and the summary counts it.
      await row.getByText(t('activationStatus.met'), { exact: true }).waitFor({ timeout: 15_000 });
      expect(await row.textContent()).toContain(t('clock.met'));
      await expect
        .poll(async () => Number(await metCell.textContent()), { timeout: 10_000 })
        .toBe(metBefore + 1);
      expect(
        await board.page.evaluate(() => (globalThis as { boardFlag?: string }).boardFlag),
      ).toBe('kept');

      // The notice is reachable from the keyboard and goes away once refreshed.
      const refresh = notice.getByRole('button', { name: t('live.refresh') });
      await refresh.focus();
      await board.page.keyboard.press('Enter');
      await expect.poll(() => notice.count()).toBe(0);

      // Everyone else sees every guarantor's activations, with a filter kept in the address.
      await analyst.page.goto(`${baseUrl()}/board`);
      const filter = analyst.page.getByLabel(t('board.guarantor'), { exact: true });
      await filter.locator('option[value="GBR"]').waitFor({ state: 'attached' });
      await filter.selectOption('GBR');
      await analyst.page.locator(`a[href="/incidents/${incidentId}"]`).waitFor();
      expect(new URL(analyst.page.url()).search).toBe('?guarantor=GBR');

      expect(board.problems).toEqual([]);
      expect(analyst.problems).toEqual([]);
      expect(verifier.problems).toEqual([]);
      expect(responder.problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
