/**
 * Browser test of the app shell against the real server: sign-in (wrong and right password),
 * the header, demo banner and navigation, the users list, the account page, an unknown path,
 * and logout. Fails on any console error or uncaught page error.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/services/bootstrap.js';
import { t } from '../web/src/strings.js';
import { screenshot, useServerAndBrowser } from './support/browser.js';

const TEST_TIMEOUT = 60_000;

describe('web app shell', () => {
  const { baseUrl, openTab } = useServerAndBrowser();

  async function signIn(page: Page, name: string, password: string): Promise<void> {
    await page.getByLabel(t('login.username'), { exact: true }).fill(name);
    await page.getByLabel(t('login.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  }

  it(
    'signs an admin in and out, with header, demo banner, navigation and users',
    async () => {
      const { page, problems } = await openTab();
      await page.goto(`${baseUrl()}/`);
      await page.getByRole('heading', { level: 1, name: t('login.title') }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'login');

      await signIn(page, 'admin', 'not-the-admin-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/wrong user name or password/i);
      await screenshot(page, 'login-wrong-password');

      await signIn(page, 'admin', 'demo-admin-pass');
      await page.getByRole('heading', { level: 1, name: t('ops.title') }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/operations');

      const header = page.getByRole('banner');
      await header.getByText('admin', { exact: true }).waitFor();
      await header.getByText(t('header.role', { role: 'admin' }), { exact: true }).waitFor();
      const demo = page.getByRole('complementary', { name: t('demo.title') });
      expect(await demo.textContent()).toContain(t('demo.text'));

      const nav = page.getByRole('navigation', { name: t('nav.label') });
      const usersLink = nav.getByRole('link', { name: t('nav.users'), exact: true });
      const accountLink = nav.getByRole('link', { name: t('nav.account'), exact: true });
      const operationsLink = nav.getByRole('link', { name: t('nav.operations'), exact: true });
      await accountLink.waitFor();
      expect(await operationsLink.getAttribute('aria-current')).toBe('page');
      expect(await usersLink.getAttribute('aria-current')).toBeNull();
      await usersLink.click();
      await page.getByRole('heading', { level: 1, name: t('users.title') }).waitFor();
      expect(await usersLink.getAttribute('aria-current')).toBe('page');
      expect(await accountLink.getAttribute('aria-current')).toBeNull();
      expect(await nav.getByRole('link', { name: t('nav.apiDocs') }).getAttribute('href')).toBe(
        '/docs',
      );

      for (const { name } of DEMO_USERS) {
        await page.getByRole('rowheader', { name, exact: true }).waitFor();
      }
      await screenshot(page, 'users');

      await accountLink.click();
      await page.getByRole('heading', { level: 1, name: t('account.title') }).waitFor();
      expect(await accountLink.getAttribute('aria-current')).toBe('page');
      await page.getByRole('heading', { level: 2, name: t('tokens.title') }).waitFor();
      await screenshot(page, 'account');

      await page.getByRole('button', { name: t('header.logout') }).click();
      await page.getByRole('heading', { level: 1, name: t('login.title') }).waitFor();
      await page.getByRole('status').getByText(t('login.loggedOut')).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'logged-out');

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a viewer no Users item',
    async () => {
      const { page, problems } = await openTab();
      await page.goto(`${baseUrl()}/`);
      await signIn(page, 'viewer', 'demo-viewer-pass');
      await page.getByRole('heading', { level: 1, name: t('ops.title') }).waitFor();

      const nav = page.getByRole('navigation', { name: t('nav.label') });
      await nav.getByRole('link', { name: t('nav.account'), exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: t('nav.users'), exact: true }).count()).toBe(0);
      await page
        .getByRole('banner')
        .getByText(t('header.role', { role: 'viewer' }))
        .waitFor();
      await screenshot(page, 'viewer-account');

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'lands a guarantor on the guarantee board, and everyone else on the operations screen',
    async () => {
      const { page, problems } = await openTab();
      await page.goto(`${baseUrl()}/`);
      await signIn(page, 'guarantor', 'demo-guarantor-pass');
      await page.getByRole('heading', { level: 1, name: t('board.title') }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/board');
      const nav = page.getByRole('navigation', { name: t('nav.label') });
      const names = await nav.getByRole('link').allTextContents();
      expect(names.slice(0, 2)).toEqual([t('nav.operations'), t('nav.board')]);
      expect(names).not.toContain(t('nav.users'));
      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'opens a deep link directly and shows a not-found page for an unknown path',
    async () => {
      const { page, problems } = await openTab();
      await page.goto(`${baseUrl()}/`);
      await signIn(page, 'admin', 'demo-admin-pass');
      await page.getByRole('heading', { level: 1, name: t('ops.title') }).waitFor();

      const account = await page.goto(`${baseUrl()}/account`);
      expect(account?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: t('account.title') }).waitFor();

      const unknown = await page.goto(`${baseUrl()}/no-such-page`);
      expect(unknown?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: t('notFound.title') }).waitFor();
      await screenshot(page, 'not-found');
      await page.getByRole('link', { name: t('notFound.home') }).click();
      await page.getByRole('heading', { level: 1, name: t('ops.title') }).waitFor();

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
