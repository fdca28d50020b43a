/**
 * What the browser tests of the workbench and the guarantee board share: the test guarantee
 * (test/fixtures/agreements/guarantee.yaml) as the API takes it, a shelling inside its security
 * zone, signing in through the form, opening an incident's accountability section, taking a
 * step on the verification ladder, attributing, finding and responding.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { t } from '../../web/src/strings.js';

/** The guarantee fixture: GBR's air defence when RUS shells the security zone (major, verified). */
export const GUARANTEE = parse(
  readFileSync(new URL('../../test/fixtures/agreements/guarantee.yaml', import.meta.url), 'utf8'),
) as unknown;

/** A shelling a monitor heard inside the fixture's security zone, early in January 2026. */
export function buildShelling(text: string) {
  return {
    observedFrom: '2026-01-05T10:00:00Z',
    observedTo: '2026-01-05T10:20:00Z',
    location: { lon: 37.5606, lat: 48.7232, precision: 'vicinity' },
    mode: 'heard',
    type: 'shelling',
    source: { kind: 'monitor', name: 'Patrol 4' },
    text,
  };
}

/** Signs a demo user in through the sign-in form (`demo-<role>-pass`). */
export async function signIn(page: Page, baseUrl: string, role: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(t('login.username'), { exact: true }).fill(role);
  await page.getByLabel(t('login.password'), { exact: true }).fill(`demo-${role}-pass`);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await page.getByRole('navigation', { name: t('nav.label') }).waitFor();
}

/** Opens an incident's page and answers its accountability section, once the ladder shows. */
export async function openIncident(
  page: Page,
  baseUrl: string,
  incidentId: string,
): Promise<Locator> {
  await page.goto(`${baseUrl}/incidents/${encodeURIComponent(incidentId)}`);
  const section = page.getByRole('region', { name: t('accountability.title') });
  await section.getByRole('heading', { level: 3, name: t('ladder.title') }).waitFor();
  return section;
}

/** Sends a step on the ladder through the section's form (the caller waits for the outcome). */
export async function submitStep(section: Locator, status: string, method?: string): Promise<void> {
  const form = section.getByRole('group', { name: t('ladder.formTitle') });
  await form.getByLabel(t('ladder.next'), { exact: true }).selectOption(status);
  if (method !== undefined) await form.getByLabel(t('ladder.method'), { exact: true }).fill(method);
  await form.getByRole('button', { name: t('ladder.submit') }).click();
}

/** Attributes the incident to RUS with high confidence through the section's form. */
export async function attributeToRus(section: Locator): Promise<void> {
  const form = section.getByRole('group', { name: t('attribution.formTitle') });
  await form.getByLabel(t('attribution.actor'), { exact: true }).fill('RUS');
  await form.getByLabel(t('attribution.confidence'), { exact: true }).selectOption('high');
  await form
    .getByLabel(t('attribution.basis'), { exact: true })
    .fill('Direction of fire read from the crater');
  await form.getByRole('button', { name: t('attribution.submit') }).click();
  await form.getByText(t('attribution.done', { actor: 'RUS' })).waitFor();
}

/** Records a major finding on the test guarantee's ceasefire provision through the form. */
export async function findMajorCeasefireViolation(section: Locator): Promise<void> {
  const form = section.getByRole('group', { name: t('findingForm.title') });
  const document = form.getByLabel(t('findingForm.document'), { exact: true });
  await document.locator('option[value="test-guarantee"]').waitFor({ state: 'attached' });
  await document.selectOption('test-guarantee');
  const provision = form.getByLabel(t('findingForm.provision'), { exact: true });
  await provision.locator('option[value="ceasefire"]').waitFor({ state: 'attached' });
  await provision.selectOption('ceasefire');
  await form.getByLabel(t('findingForm.severity'), { exact: true }).selectOption('major');
  await form.getByRole('button', { name: t('findingForm.submit') }).click();
  await form.getByText(t('findingForm.done')).waitFor();
}

/** The guarantor records a qualifying response (an action) in the form on an activation's page. */
export async function respondWithAction(page: Page): Promise<void> {
  const form = page.getByRole('group', { name: t('responses.formTitle') });
  await form.getByLabel(t('responses.type'), { exact: true }).selectOption('action');
  await form
    .getByLabel(t('responses.description'), { exact: true })
    .fill('Two air-defence batteries deployed to Kramatorsk.');
  await form.getByRole('button', { name: t('responses.submit') }).click();
  await form.getByText(t('responses.doneQualifying')).waitFor();
}
