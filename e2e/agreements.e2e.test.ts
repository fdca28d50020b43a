/**
 * Browser test of the Agreements area against the real server with the demo scenarios: the
 * document list (status, contradiction marker, score ranges), a document with its parties, its
 * draft-to-final difference and its commitments, a commitment's scorecard, hedge words marked in
 * commitment texts, and the zones map (drawn by MapLibre, loaded only when opened). Fails on any
 * console error or uncaught page error.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t, type MessageId } from '../web/src/strings.js';
import { screenshot, useServerAndBrowser } from './support/browser.js';

const TEST_TIMEOUT = 90_000;

/** The demo documents (scenarios/), by id, with the titles the list must show. */
const DOCUMENTS = {
  'budapest-memorandum-1994':
    "Memorandum on Security Assurances in connection with Ukraine's accession to the Treaty on the Non-Proliferation of Nuclear Weapons",
  'coalition-joint-statement-2026':
    'Joint statement of the coalition of the willing on security guarantees for Ukraine',
  'minsk-ii-2015': 'Package of Measures for the Implementation of the Minsk Agreements',
  'paris-declaration-2026':
    'Declaration of intent on the deployment of a multinational force in Ukraine',
  'us-ukraine-security-guarantees': 'US-Ukraine security guarantees',
} as const;

interface ScoreSummary {
  total: number;
  grade: string;
}

/** The parts of GET /api/v1/documents/:id/diff the test compares with the page. */
interface DiffAnswer {
  from: { title: string };
  to: { title: string };
  parts: { op: string; text: string }[];
  wordsInserted: number;
  wordsDeleted: number;
}

/** The parts of GET /api/v1/documents/:id/commitments/:id the test compares with the page. */
interface CommitmentAnswer {
  scorecard: {
    total: number;
    grade: string;
    points: { key: string; score: number; reason: string }[];
  };
}

/** "1 word inserted" or "12 words inserted", as the page counts words. */
function words(count: number, one: MessageId, many: MessageId): string {
  return count === 1 ? t(one) : t(many, { count });
}

/** The score range as the list writes it, from the API's lowest and highest scores. */
function scoreRangeText(scores: { lowest: ScoreSummary; highest: ScoreSummary }): string {
  const { lowest, highest } = scores;
  return lowest.total === highest.total && lowest.grade === highest.grade
    ? t('documents.scoreSingle', { total: lowest.total, max: 26, grade: lowest.grade })
    : t('documents.scoreRange', {
        low: lowest.total,
        high: highest.total,
        max: 26,
        lowGrade: lowest.grade,
        highGrade: highest.grade,
      });
}

describe('agreements area', () => {
  const { baseUrl, openTab } = useServerAndBrowser();

  async function signInAsViewer(page: Page): Promise<void> {
    await page.goto(`${baseUrl()}/`);
    await page.getByLabel(t('login.username'), { exact: true }).fill('viewer');
    await page.getByLabel(t('login.password'), { exact: true }).fill('demo-viewer-pass');
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('ops.title') }).waitFor();
  }

  /**
   * The loaded scripts that hold MapLibre: found by content, since the bundler names the chunk
   * after whichever module it meets first.
   */
  async function mapLibreScripts(page: Page): Promise<string[]> {
    const found: string[] = [];
    for (const url of await loadedScripts(page)) {
      const text = await (await page.request.get(url)).text();
      if (text.includes('maplibre')) found.push(url);
    }
    return found;
  }

  /** Names of the scripts the page has loaded so far. */
  async function loadedScripts(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\.(m?js)(\?|$)/.test(name)),
    );
  }

  it(
    'lists the documents, shows the draft-to-final cut and the US backstop scorecard',
    async () => {
      const { page, problems } = await openTab();
      await signInAsViewer(page);
      const nav = page.getByRole('navigation', { name: t('nav.label') });
      await nav.getByRole('link', { name: t('nav.agreements'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t('documents.title') }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/agreements');
      const agreementsLink = nav.getByRole('link', { name: t('nav.agreements'), exact: true });
      expect(await agreementsLink.getAttribute('aria-current')).toBe('page');

      const table = page.getByRole('table', { name: t('documents.tableCaption') });
      const rows = table.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(Object.keys(DOCUMENTS).length);
      const listed = (await page.request
        .get(`${baseUrl()}/api/v1/documents`)
        .then((r) => r.json())) as {
        documents: {
          id: keyof typeof DOCUMENTS;
          scores: { lowest: ScoreSummary; highest: ScoreSummary } | null;
        }[];
      };
      for (const [id, title] of Object.entries(DOCUMENTS)) {
        const link = page.getByRole('link', { name: title, exact: true });
        expect(await link.getAttribute('href')).toBe(`/agreements/${id}`);
        const scores = listed.documents.find((d) => d.id === id)?.scores;
        expect(scores).toBeTruthy();
        const row = rows.filter({ has: link });
        expect(await row.textContent()).toContain(scoreRangeText(scores!));
      }

      // Only the US-Ukraine document has contradicting status claims ("ready", then
      // "unresolved"), and its marker says so in words.
      const marker = table.getByText(t('documents.contradictions', { count: 1 }), { exact: true });
      expect(await marker.count()).toBe(1);
      const usRow = rows.filter({
        has: page.getByRole('link', { name: DOCUMENTS['us-ukraine-security-guarantees'] }),
      });
      expect(await usRow.getByText(t('documents.contradictions', { count: 1 })).count()).toBe(1);
      expect(await usRow.textContent()).toContain(t('docStatus.unresolved'));
      await screenshot(page, 'agreements-list');
      // The zones map (MapLibre) is not part of the list's JavaScript when the list is the
      // first screen (signing in landed on the operations map, so load the list afresh).
      await page.goto(`${baseUrl()}/agreements`);
      await rows.first().waitFor();
      expect(await mapLibreScripts(page)).toEqual([]);

      // The coalition's joint statement: the United States attended and did not sign.
      await table
        .getByRole('link', { name: DOCUMENTS['coalition-joint-statement-2026'], exact: true })
        .click();
      await page
        .getByRole('heading', { level: 1, name: DOCUMENTS['coalition-joint-statement-2026'] })
        .waitFor();
      const parties = page.getByRole('table', { name: t('parties.title') });
      const usParty = parties.locator('tr', {
        has: page.getByRole('rowheader', {
          name: t('parties.actor', { name: 'United States', id: 'USA' }),
        }),
      });
      expect(await usParty.textContent()).toContain(t('signature.present_not_signed'));

      // The agreement file downloads as YAML.
      const yaml = page.getByRole('link', {
        name: t('document.exportYamlLabel', { id: 'coalition-joint-statement-2026' }),
      });
      const download = await page.request.get(`${baseUrl()}${await yaml.getAttribute('href')}`);
      expect(download.status()).toBe(200);
      expect(await download.text()).toContain('id: coalition-joint-statement-2026');

      // The comparison opens on draft -> final, and the final text dropped the US backstop.
      expect(await page.getByLabel(t('diff.from'), { exact: true }).inputValue()).toBe('draft');
      expect(await page.getByLabel(t('diff.to'), { exact: true }).inputValue()).toBe('final');
      const expected = (await page.request
        .get(
          `${baseUrl()}/api/v1/documents/coalition-joint-statement-2026/diff?from=draft&to=final`,
        )
        .then((r) => r.json())) as DiffAnswer;
      const diff = page.getByRole('region', {
        name: t('diff.region', { from: expected.from.title, to: expected.to.title }),
        exact: true,
      });
      const cut = diff.locator('del', { hasText: 'the United States will back it' });
      await cut.waitFor();
      expect(await cut.textContent()).toContain('help with intelligence and logistics');
      expect(await diff.locator('del').count()).toBe(
        expected.parts.filter((part) => part.op === 'delete').length,
      );
      expect(await diff.locator('ins').count()).toBe(
        expected.parts.filter((part) => part.op === 'insert').length,
      );
      expect(await page.locator('.diff-counts').textContent()).toBe(
        t('diff.counts', {
          inserted: words(expected.wordsInserted, 'diff.oneWordInserted', 'diff.wordsInserted'),
          deleted: words(expected.wordsDeleted, 'diff.oneWordDeleted', 'diff.wordsDeleted'),
        }),
      );
      await screenshot(page, 'agreements-document');

      // The US backstop: its page shows the 13 points and the total from the API.
      await page.getByRole('link', { name: /\(usa-backstop\)/ }).click();
      await page
        .getByRole('heading', {
          level: 1,
          name: t('commitments.parties', {
            obligor: 'United States',
            beneficiary: 'Coalition of the willing',
          }),
        })
        .waitFor();
      const view = (await page.request
        .get(
          `${baseUrl()}/api/v1/documents/coalition-joint-statement-2026/commitments/usa-backstop`,
        )
        .then((r) => r.json())) as CommitmentAnswer;
      const caption = t('scorecard.caption', {
        total: view.scorecard.total,
        max: 26,
        grade: view.scorecard.grade,
      });
      await page.getByText(caption, { exact: true }).first().waitFor();
      const scorecard = page.getByRole('table', { name: caption });
      expect(await scorecard.locator('tbody tr').count()).toBe(13);
      // Point 11: the clause is only in the draft, so the guarantor is not bound by it.
      const point11 = view.scorecard.points[10];
      const row11 = scorecard.locator('tbody tr').nth(10);
      expect(point11?.key).toBe('guarantor_bound');
      expect(await row11.textContent()).toContain(t('point.guarantor_bound'));
      expect(await row11.textContent()).toContain(
        t('scorecard.scoreOf', { score: point11!.score }),
      );
      expect(await row11.textContent()).toContain(point11!.reason);
      await page
        .getByText(t('field.onlyVersions', { versions: 'draft' }), { exact: true })
        .waitFor();
      await screenshot(page, 'agreements-commitment');

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'marks hedge words in commitment texts',
    async () => {
      const { page, problems } = await openTab();
      await signInAsViewer(page);

      await page.goto(
        `${baseUrl()}/agreements/paris-declaration-2026/commitments/fra-multinational-force`,
      );
      await page
        .getByRole('heading', {
          level: 1,
          name: t('commitments.parties', { obligor: 'France', beneficiary: 'Ukraine' }),
        })
        .waitFor();
      const intends = page.locator('blockquote.hedged-text mark', { hasText: 'intends' });
      await intends.waitFor();
      expect(await intends.textContent()).toBe('intends');
      expect(await intends.getAttribute('title')).toMatch(/intention/);
      await screenshot(page, 'agreements-hedges');

      await page.goto(
        `${baseUrl()}/agreements/budapest-memorandum-1994/commitments/usa-security-council`,
      );
      const seek = page.locator('blockquote.hedged-text mark', { hasText: 'seek' });
      await seek.waitFor();
      expect(await seek.textContent()).toBe('seek');
      expect(await seek.getAttribute('title')).toBeTruthy();

      // A commitment without hedge words says so, and marks nothing.
      await page.goto(`${baseUrl()}/agreements/minsk-ii-2015/commitments/ukr-ceasefire`);
      await page.getByText(t('commitment.noHedges'), { exact: true }).waitFor();
      expect(await page.locator('blockquote.hedged-text mark').count()).toBe(0);

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "draws Minsk II's zones on the map, with the line of contact marked approximate",
    async () => {
      const { page, problems } = await openTab();
      await signInAsViewer(page);
      await page.goto(`${baseUrl()}/agreements/minsk-ii-2015`);
      await page.getByRole('heading', { level: 1, name: DOCUMENTS['minsk-ii-2015'] }).waitFor();
      await page.getByRole('link', { name: t('zones.showMap'), exact: true }).click();
      await page
        .getByRole('heading', { level: 1, name: t('map.titleFor', { document: 'Minsk II' }) })
        .waitFor();
      expect(new URL(page.url()).search).toBe('?document=minsk-ii-2015');

      const legend = page.getByRole('region', { name: t('map.legendTitle') });
      const entries = legend.getByRole('listitem');
      await entries.first().waitFor();
      expect(await entries.count()).toBe(4);
      const line = entries.filter({ hasText: 'Line of contact, February 2015' });
      expect(await line.locator('.legend-kind').textContent()).toBe(
        t('map.kindApproximate', { kind: t('zoneKind.line_of_contact') }),
      );
      for (const width of ['50 km', '70 km', '140 km']) {
        expect(await entries.filter({ hasText: `(${width})` }).count()).toBe(1);
      }

      // MapLibre drew a canvas, and rendered all four zones in the fitted view.
      const canvas = page.locator('.zones-map canvas');
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(300);
      await page.locator('.zones-map[data-rendered-zones="4"]').waitFor();
      expect((await loadedScripts(page)).some((name) => /zones-map-page/.test(name))).toBe(true);
      expect((await mapLibreScripts(page)).length).toBeGreaterThan(0);

      // Choosing a zone in the legend opens its details on the map, with its document.
      await line
        .getByRole('button', {
          name: t('map.showLabel', { name: 'Line of contact, February 2015 (approximate)' }),
        })
        .click();
      const popup = page.locator('.maplibregl-popup');
      await popup.waitFor();
      expect(await popup.textContent()).toContain('Line of contact, February 2015 (approximate)');
      expect(
        await popup.getByRole('link', { name: DOCUMENTS['minsk-ii-2015'] }).getAttribute('href'),
      ).toBe('/agreements/minsk-ii-2015');
      await page.waitForTimeout(1000);
      await screenshot(page, 'agreements-zones-map');

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
