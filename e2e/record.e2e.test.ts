/**
 * Browser test of the Record area against the real server: a viewer opens it, the browser
 * verifies the signed checkpoint with the record's key and checks that the entries shown are in
 * the record; a tampered checkpoint and a tampered entry are caught; paging moves by index.
 * Fails on any console error or uncaught page error.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t, type MessageId } from '../web/src/strings.js';
import { screenshot, useServerAndBrowser } from './support/browser.js';

const TEST_TIMEOUT = 60_000;
/** Entries the demo data creates at least: one per demo user, and more. */
const DEMO_ENTRIES = 7;

/** A pattern matching a message whose `{placeholders}` may be anything. */
function messagePattern(id: MessageId): RegExp {
  const parts = t(id).split(/\{\w+\}/);
  return new RegExp(parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+'));
}

describe('record area', () => {
  const { baseUrl, openTab } = useServerAndBrowser();

  /** The name of the record's verifier key, as a log client would read it. */
  async function keyName(): Promise<string> {
    const key = await (await fetch(`${baseUrl()}/record/key`)).text();
    const name = key.trim().split('+')[0];
    if (name === undefined || name === '') throw new Error(`unexpected key "${key}"`);
    return name;
  }

  async function signInAndOpenRecord(page: Page): Promise<void> {
    await page.goto(`${baseUrl()}/`);
    await page.getByLabel(t('login.username'), { exact: true }).fill('viewer');
    await page.getByLabel(t('login.password'), { exact: true }).fill('demo-viewer-pass');
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
    const nav = page.getByRole('navigation', { name: t('nav.label') });
    await nav.getByRole('link', { name: t('nav.record'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('record.title') }).waitFor();
  }

  /** Waits for the verified checkpoint, refreshing while the server has not signed one yet. */
  async function waitForVerifiedCheckpoint(page: Page): Promise<void> {
    const verified = page.getByText(t('record.verified', { key: await keyName() }), {
      exact: true,
    });
    const none = page.getByText(t('record.noCheckpoint'), { exact: true });
    const failed = page.getByText(t('record.notVerified'), { exact: true });
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await verified.or(none).or(failed).first().waitFor();
      if (await verified.isVisible()) return;
      if (await failed.isVisible()) {
        throw new Error(`checkpoint failed: ${await page.getByRole('alert').textContent()}`);
      }
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: t('record.refresh'), exact: true }).click();
    }
    throw new Error('no checkpoint was signed');
  }

  /**
   * Clicks "Check all shown" and waits until it is done: the button, labelled "Checking…"
   * meanwhile, is back, and the status line gives the summary.
   */
  async function checkAllShown(page: Page): Promise<void> {
    const button = page.getByRole('button', { name: t('record.checkAll'), exact: true });
    await button.click();
    await button.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: messagePattern('record.summary') })
      .waitFor();
  }

  /** The size of the checkpoint the page verified, read from its verdict. */
  async function verifiedSize(page: Page): Promise<number> {
    const text = await page.getByText(messagePattern('record.verifiedDetail')).textContent();
    return Number(/\d+/.exec(text ?? '')?.[0]);
  }

  /** Every row shown says it is in the record below `size`, and not yet in one from it. */
  async function expectChecked(page: Page, size: number): Promise<void> {
    const rows = entryRows(page);
    for (const row of await rows.all()) {
      const index = Number(await row.getByRole('rowheader').textContent());
      const expected = index < size ? t('record.included', { index, size }) : t('record.pending');
      expect(await row.textContent()).toContain(expected);
    }
  }

  const entryRows = (page: Page) =>
    page.getByRole('table', { name: t('record.entriesTitle') }).locator('tbody tr');

  it(
    'verifies the checkpoint and shows that the entries shown are in the record',
    async () => {
      const { page, problems } = await openTab();
      await signInAndOpenRecord(page);
      expect(new URL(page.url()).pathname).toBe('/log');
      const nav = page.getByRole('navigation', { name: t('nav.label') });
      const recordLink = nav.getByRole('link', { name: t('nav.record'), exact: true });
      expect(await recordLink.getAttribute('aria-current')).toBe('page');

      await waitForVerifiedCheckpoint(page);
      await page.getByText(t('record.keyAdvice')).waitFor();
      await page.getByRole('button', { name: t('record.copyKey') }).waitFor();
      expect(await page.locator('.key-value').textContent()).toBe(
        (await (await fetch(`${baseUrl()}/record/key`)).text()).trim(),
      );

      const rows = entryRows(page);
      await rows.first().waitFor();
      const shown = await rows.count();
      expect(shown).toBeGreaterThanOrEqual(DEMO_ENTRIES);
      expect(shown).toBeLessThanOrEqual(20);
      // Newest first.
      const firstIndex = Number(await rows.first().getByRole('rowheader').textContent());
      const lastIndex = Number(await rows.last().getByRole('rowheader').textContent());
      expect(firstIndex).toBeGreaterThan(lastIndex);

      // One row by keyboard: focus its Check button and press Enter.
      const check = page.getByRole('button', {
        name: t('record.checkEntry', { index: lastIndex }),
        exact: true,
      });
      await check.focus();
      await page.keyboard.press('Enter');
      const included = messagePattern('record.included');
      await rows.last().filter({ hasText: included }).waitFor();

      await checkAllShown(page);
      const checked = await rows.filter({ hasText: included }).count();
      expect(checked).toBeGreaterThanOrEqual(DEMO_ENTRIES);
      expect(await rows.filter({ hasText: messagePattern('record.failed') }).count()).toBe(0);
      await screenshot(page, 'record');

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'says so prominently when the checkpoint or an entry has been tampered with',
    async () => {
      const { page, problems } = await openTab();
      // Change the root in the signed checkpoint: the signature must no longer verify.
      await page.route('**/record/checkpoint', async (route) => {
        const response = await route.fetch();
        const lines = (await response.text()).split('\n');
        const root = lines[2] ?? '';
        lines[2] = `${root.startsWith('A') ? 'B' : 'A'}${root.slice(1)}`;
        await route.fulfill({ response, body: lines.join('\n') });
      });
      // Change what the oldest entry shown claims, leaving its bytes as they are.
      await page.route('**/api/v1/record/entries?*', async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { entries: { payload: object }[] };
        const oldest = body.entries[0];
        if (oldest !== undefined) oldest.payload = { ...oldest.payload, name: 'mallory' };
        await route.fulfill({ response, json: body });
      });
      await signInAndOpenRecord(page);
      const alert = page.getByRole('alert').filter({ hasText: t('record.notVerified') });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('does not verify');
      const rows = entryRows(page);
      await rows.first().waitFor();
      await checkAllShown(page);
      // Nothing is trusted without a verified checkpoint.
      const failed = rows.filter({ hasText: messagePattern('record.failed') });
      expect(await failed.count()).toBe(await rows.count());
      expect(await rows.filter({ hasText: messagePattern('record.included') }).count()).toBe(0);
      await screenshot(page, 'record-tampered');

      // With the real checkpoint back, only the tampered entry fails.
      await page.unroute('**/record/checkpoint');
      await page.getByRole('button', { name: t('record.refresh'), exact: true }).click();
      // The old verdict stays on screen while the page reloads; wait for it to go first.
      await alert.waitFor({ state: 'hidden' });
      await waitForVerifiedCheckpoint(page);
      await checkAllShown(page);
      expect(await failed.count()).toBe(1);
      expect(await failed.textContent()).toContain(t('record.reasonEntryFields'));
      expect(await failed.textContent()).toContain('mallory');
      expect(await rows.filter({ hasText: messagePattern('record.included') }).count()).toBe(
        (await rows.count()) - 1,
      );

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'pages to older and newer entries by index',
    async () => {
      // Enough new entries for a second page: each added user is recorded.
      const signIn = await fetch(`${baseUrl()}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'demo-admin-pass' }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      for (let n = 0; n < 12; n += 1) {
        const added = await fetch(`${baseUrl()}/api/v1/users`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
          body: JSON.stringify({ name: `paging-${n}`, role: 'viewer' }),
        });
        expect(added.status).toBe(201);
      }
      const { size } = (await (await fetch(`${baseUrl()}/api/v1/record`)).json()) as {
        size: number;
      };
      expect(size).toBeGreaterThan(20);

      const { page, problems } = await openTab();
      await signInAndOpenRecord(page);
      await waitForVerifiedCheckpoint(page);
      const rows = entryRows(page);
      const range = (first: number, last: number) =>
        page.getByText(t('record.range', { first, last, size }), { exact: true });
      await range(size - 20, size - 1).waitFor();
      expect(await rows.count()).toBe(20);
      const newer = page.getByRole('button', { name: t('record.newerLabel'), exact: true });
      const older = page.getByRole('button', { name: t('record.olderLabel'), exact: true });
      expect(await newer.isDisabled()).toBe(true);

      await older.click();
      await range(Math.max(0, size - 40), size - 21).waitFor();
      await rows.getByRole('rowheader', { name: String(size - 21), exact: true }).waitFor();
      expect(await older.isDisabled()).toBe(size <= 40);
      const checkpointSize = await verifiedSize(page);
      expect(checkpointSize).toBeGreaterThan(0);
      await checkAllShown(page);
      await expectChecked(page, checkpointSize);

      await newer.click();
      await range(size - 20, size - 1).waitFor();
      await rows.getByRole('rowheader', { name: String(size - 1), exact: true }).waitFor();
      // Entries newer than the checkpoint say so; none fails.
      await checkAllShown(page);
      await expectChecked(page, checkpointSize);
      await screenshot(page, 'record-newest');

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
