/**
 * Browser test of accountability against the real server with demo data: an analyst takes an
 * incident up the verification ladder (with and without the edit lock), is refused the
 * verifier's decision and sees why, a verifier verifies, the analyst attributes the incident to
 * RUS and records a finding on the test guarantee's ceasefire provision, and sees the trigger
 * engine's "triggered" and the activation, and proves the verifier's step and the finding are in
 * the record, in the browser; the guarantor (GBR) opens the activation, records an
 * action and sees it met; a viewer sees all of it without a single form. Fails on any console
 * error or uncaught page error, except the one refusal the test provokes.
 */
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../web/src/strings.js';
import { screenshot, useServerAndBrowser, type Tab } from './support/browser.js';
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

const TEST_TIMEOUT = 120_000;

/** Imports the test guarantee and reports one shelling; answers the new incident's id. */
async function prepareIncident(request: APIRequestContext, baseUrl: string): Promise<string> {
  const imported = await request.post(`${baseUrl}/api/v1/documents`, { data: GUARANTEE });
  expect([200, 201]).toContain(imported.status());
  const posted = await request.post(`${baseUrl}/api/v1/reports`, {
    data: buildShelling('accountabilitytest shelling heard north of the town'),
  });
  expect(posted.status()).toBe(201);
  // A new report founds an incident of its own id.
  return ((await posted.json()) as { id: string }).id;
}

/** Problems other than the one refused verification step the test asks for. */
function unexpected(tab: Tab, incidentId: string): string[] {
  return tab.problems.filter(
    (problem) =>
      !(
        problem.includes('status of 403') &&
        problem.includes(`/api/v1/incidents/${incidentId}/verification`)
      ),
  );
}

describe('accountability: the ladder, attribution, findings, activations and responses', () => {
  const { baseUrl, openTab } = useServerAndBrowser();

  it(
    'takes an incident from reported to an activation its guarantor meets',
    async () => {
      const analyst = await openTab();
      await signIn(analyst.page, baseUrl(), 'analyst');
      const incidentId = await prepareIncident(analyst.page.request, baseUrl());
      const section = await openIncident(analyst.page, baseUrl(), incidentId);
      const facts = section.locator('dl.facts').first();
      expect(await facts.textContent()).toContain(t('verification.reported'));
      await section.getByText(t('ladder.noSteps')).waitFor();

      // The edit lock: taken, shown as the analyst's own, released.
      await section.getByRole('button', { name: t('lock.take') }).click();
      await section.getByText(t('lock.taken')).waitFor();
      await section.getByRole('button', { name: t('lock.release') }).click();
      await section.getByText(t('lock.released')).waitFor();
      await section.getByText(t('lock.free')).waitFor();

      // Up the ladder; the form offers only the allowed steps and asks for a method.
      const form = section.getByRole('group', { name: t('ladder.formTitle') });
      const options = await form
        .getByLabel(t('ladder.next'), { exact: true })
        .locator('option')
        .allTextContents();
      expect(options).toEqual([
        t('verification.under_investigation'),
        t('verification.corroborated'),
        t('verification.not_a_violation'),
        t('verification.unverifiable'),
        t('verification.rejected'),
      ]);
      await form.getByLabel(t('ladder.next'), { exact: true }).selectOption('unverifiable');
      await form.getByLabel(t('ladder.obstruction'), { exact: true }).waitFor();
      await submitStep(section, 'under_investigation');
      await form
        .getByText(t('ladder.done', { status: t('verification.under_investigation') }))
        .waitFor();
      await form.getByLabel(t('ladder.next'), { exact: true }).selectOption('corroborated');
      await form.getByRole('button', { name: t('ladder.submit') }).click();
      await form.getByText(t('ladder.methodMissing')).waitFor();
      await submitStep(section, 'corroborated', 'two patrols heard it');
      await form.getByText(t('ladder.done', { status: t('verification.corroborated') })).waitFor();
      const history = section.getByRole('table', { name: t('ladder.history') });
      expect(await history.locator('tbody tr').count()).toBe(2);
      expect(await history.textContent()).toContain('two patrols heard it');
      expect(await history.textContent()).toContain(t('who.you', { name: 'analyst' }));

      // Verifying is the verifier's: the refusal is shown with its reason and field path.
      await submitStep(section, 'verified', 'looked at photos');
      const refusal = form.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('only a verifier');
      expect(await refusal.textContent()).toContain('status: ');
      expect(await history.locator('tbody tr').count()).toBe(2);

      // The verifier verifies.
      const verifier = await openTab();
      await signIn(verifier.page, baseUrl(), 'verifier');
      const verifierSection = await openIncident(verifier.page, baseUrl(), incidentId);
      await submitStep(verifierSection, 'verified', 'crater analysis on site');
      await verifierSection
        .getByText(t('ladder.done', { status: t('verification.verified') }))
        .waitFor();

      // The analyst attributes the incident to RUS.
      await analyst.page.reload();
      await section.getByRole('heading', { level: 3, name: t('attribution.title') }).waitFor();
      expect(await facts.textContent()).toContain(t('verification.verified'));
      await attributeToRus(section);
      const claim = section.getByRole('article', {
        name: t('attribution.versionCurrent', { version: 1 }),
      });
      expect(await claim.textContent()).toContain(
        t('attribution.attributed', {
          actor: 'Russia',
          id: 'RUS',
          confidence: t('confidence.high'),
        }),
      );

      // A finding on the ceasefire provision triggers the guarantee and activates it.
      await findMajorCeasefireViolation(section);
      const finding = section.getByRole('article', {
        name: t('finding.heading', { provision: 'ceasefire', document: 'test-guarantee' }),
      });
      const evaluation = finding.locator('.evaluation', {
        hasText: t('finding.commitment', {
          document: 'test-guarantee',
          commitment: 'gbr-air-defence',
        }),
      });
      await evaluation.getByText(t('triggerResult.triggered'), { exact: true }).waitFor();
      expect(await evaluation.textContent()).toContain(t('finding.met'));
      const activations = section.getByRole('table', {
        name: t('accountability.activationsTitle'),
      });
      const activationLink = activations.getByRole('link', {
        name: t('activations.commitment', {
          document: 'test-guarantee',
          commitment: 'gbr-air-defence',
        }),
      });
      await activationLink.waitFor();
      const activationPath = await activationLink.getAttribute('href');
      expect(activationPath).toMatch(/^\/activations\/[^/]+$/);
      expect(await activations.textContent()).toContain(t('activationStatus.open'));

      // Each decision can be proven in the record, here in the browser: the verifier's step and
      // the finding (the server signs a checkpoint within a second of a change).
      const verifiedStep = section.getByRole('button', {
        name: t('proof.checkLabel', {
          what: t('ladder.step', {
            from: t('verification.corroborated'),
            to: t('verification.verified'),
          }),
        }),
      });
      const findingProof = finding.getByRole('button', {
        name: t('proof.checkLabel', { what: t('proof.whatFinding') }),
      });
      for (const button of [verifiedStep, findingProof]) {
        const verdict = button.locator('xpath=following-sibling::*[@role="status"]');
        await expect
          .poll(
            async () => {
              await button.click();
              await verdict.getByText(/In the record|Recorded as entry|failed/).waitFor();
              return (await verdict.textContent()) ?? '';
            },
            { timeout: 15_000, interval: 500 },
          )
          .toMatch(/In the record: entry \d+, proven in this browser against the checkpoint/);
      }
      await screenshot(analyst.page, 'accountability-incident');

      // The guarantor sees the activation in its list, with the summary and the feed.
      const guarantor = await openTab();
      await signIn(guarantor.page, baseUrl(), 'guarantor');
      const nav = guarantor.page.getByRole('navigation', { name: t('nav.label') });
      await nav.getByRole('link', { name: t('nav.activations'), exact: true }).click();
      await guarantor.page
        .getByRole('heading', { level: 1, name: t('activations.title') })
        .waitFor();
      const summary = guarantor.page.getByRole('table', { name: t('guarantors.title') });
      await summary.getByRole('rowheader', { name: 'United Kingdom (GBR)' }).waitFor();
      const feed = guarantor.page.getByRole('link', { name: t('activations.feed') });
      expect(await feed.getAttribute('href')).toBe('/api/v1/alerts.atom');
      const list = guarantor.page.getByRole('table', { name: t('activations.listTitle') });
      const row = list.locator('tbody tr', {
        has: guarantor.page.locator(`a[href="${activationPath}"]`),
      });
      await row.waitFor();
      expect(await row.textContent()).toContain(t('activationStatus.open'));
      expect(await row.textContent()).toMatch(/left/);
      await screenshot(guarantor.page, 'activations');

      // The filter keeps the status in the address.
      await guarantor.page.getByLabel(t('activations.status'), { exact: true }).selectOption('met');
      await guarantor.page
        .getByText(t('activations.emptyFiltered', { status: t('activationStatus.met') }))
        .waitFor();
      expect(new URL(guarantor.page.url()).search).toBe('?status=met');
      await guarantor.page.getByLabel(t('activations.status'), { exact: true }).selectOption('');
      await row.waitFor();

      // The activation's page: the clock, the CAP alert, and the response form.
      await row.getByRole('link').first().click();
      await guarantor.page
        .getByRole('heading', { level: 2, name: t('activation.clock') })
        .waitFor();
      const alerts = guarantor.page.getByRole('table', { name: t('alerts.title') });
      const capLink = alerts.getByRole('link').first();
      await capLink.waitFor();
      const cap = await guarantor.page.request.get(
        `${baseUrl()}${await capLink.getAttribute('href')}`,
      );
      expect(cap.headers()['content-type']).toContain('application/cap+xml');
      expect(await cap.text()).toContain('<msgType>Alert</msgType>');

      await respondWithAction(guarantor.page);
      const clock = guarantor.page.getByRole('region', { name: t('activation.clock') });
      await clock.getByText(t('activationStatus.met'), { exact: true }).waitFor();
      await clock.getByText(t('activation.lateNo')).waitFor();
      const responses = guarantor.page.getByRole('region', { name: t('responses.title') });
      await responses.getByText(t('responses.qualifying'), { exact: true }).waitFor();
      await expect.poll(() => alerts.locator('tbody tr').count(), { timeout: 20_000 }).toBe(2);
      await screenshot(guarantor.page, 'activation');

      // A viewer sees the same incident and activation without any form or button.
      const viewer = await openTab();
      await signIn(viewer.page, baseUrl(), 'viewer');
      const viewerSection = await openIncident(viewer.page, baseUrl(), incidentId);
      await viewerSection.getByText(t('triggerResult.triggered'), { exact: true }).waitFor();
      expect(await viewerSection.locator('form').count()).toBe(0);
      // Only the record checks, which anyone may run: 3 steps, 1 attribution, 1 finding.
      const buttons = viewerSection.getByRole('button');
      expect(await buttons.count()).toBe(5);
      expect(await buttons.filter({ hasNotText: t('proof.check') }).count()).toBe(0);
      await viewer.page.goto(`${baseUrl()}${activationPath}`);
      await viewer.page.getByRole('heading', { level: 2, name: t('activation.clock') }).waitFor();
      await viewer.page.getByRole('region', { name: t('responses.title') }).waitFor();
      expect(await viewer.page.locator('main form').count()).toBe(0);

      // The one refusal the test asked for is the only problem any page reported.
      expect(analyst.problems.length - unexpected(analyst, incidentId).length).toBe(1);
      expect(unexpected(analyst, incidentId)).toEqual([]);
      expect(verifier.problems).toEqual([]);
      expect(guarantor.problems).toEqual([]);
      expect(viewer.problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
