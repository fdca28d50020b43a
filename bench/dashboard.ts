// `npm run bench`, dashboard part (issue 7), printed and measured in one run:
//   A database with BENCH_DASHBOARD_INCIDENTS incidents (default 100,000; generated reports in
//   eastern Ukraine over a year, plus the demo users and the scenarios' zones), a Truce server in
//   its own process, and Debian's headless Chromium on loopback at 1280x800:
//   1. From navigation to /operations (a fresh browser context each time: cold cache, signed in)
//      to a map with visible incidents (targets: <= 2 s).
//   2. A filter change (the type filter) and a brush of the timeline (a pointer drag over a
//      tenth of it), from the change event, or the end of the drag, to the map and the list
//      showing the new filters, timed in the page (target: <= 200 ms).
//   3. The JavaScript the first screen loads, MapLibre and its worker included, compressed with
//      gzip -9 (target: <= 1 MB), and as the server sent it (its prebuilt brotli copies).
// The baseline for 1 and 2 is the same screen on the demo database (88 incidents), measured in
// the same run. BENCH_KEEP=1 keeps the database folder.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { systemPrincipal } from '../src/core/auth/principal.js';
import { createServices } from '../src/services.js';
import { launchChromium } from '../test/support/chromium.js';
import { importGenerated, writeCsv } from './generated-reports.js';
import { percentile } from './percentile.js';
import { startBenchServer, type BenchServer } from './server-process.js';

const INCIDENTS = Number(process.env['BENCH_DASHBOARD_INCIDENTS'] ?? 100_000);
const KEEP = process.env['BENCH_KEEP'] === '1';
const ROOT = new URL('../', import.meta.url).pathname;
const NAVIGATIONS = 5;
const CHANGES = 20;
/** One in ten generated reports is a second report of the event before it, and groups. */
const REPORTS_PER_INCIDENT = 1 / 0.9;

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** A database with the demo users, the scenarios and `incidents` generated incidents or so. */
async function prepareDatabase(dir: string, incidents: number, withDemoReports: boolean) {
  const dbUrl = `sqlite:${join(dir, 'truce.db')}`;
  const services = await createServices(dbUrl);
  await services.instance.bootstrap(true, { reports: withDemoReports });
  if (incidents > 0) {
    const csv = join(dir, 'generated.csv');
    const reports = Math.ceil(incidents * REPORTS_PER_INCIDENT);
    writeCsv(csv, reports);
    await importGenerated(services.reports, csv, systemPrincipal('bench'));
    rmSync(csv);
  }
  await services.close();
  const db = new Database(join(dir, 'truce.db'), { readonly: true });
  const count = (db.prepare('select count(*) as n from incidents').get() as { n: number }).n;
  db.close();
  return { dbUrl, count };
}

/** A signed-in analyst's fresh context and page (own cookies and an empty cache). */
async function signedInPage(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const answer = await context.request.post(`${address}/api/v1/session`, {
    data: { username: 'analyst', password: 'demo-analyst-pass' },
  });
  if (!answer.ok()) throw new Error(`signing in failed: ${answer.status()} ${await answer.text()}`);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => console.log(`   page error: ${error.message}`));
  return page;
}

/** Resolves in the page once map and list show the filters the page root announces. */
const SHOWING_CURRENT_FILTERS = `(() => {
  const root = document.querySelector('[data-testid="operations"]');
  const map = document.querySelector('[data-testid="ops-map"]');
  const list = document.querySelector('[data-testid="ops-list"]');
  if (!root || !map || !list) return false;
  const key = root.getAttribute('data-filters');
  return map.getAttribute('data-view') === key && list.getAttribute('data-view') === key;
})()`;

/**
 * Cold navigation to the operations screen until the map shows incidents; also the scripts the
 * page loaded, as sent and gzipped.
 */
async function navigation(browser: Browser, address: string) {
  const page = await signedInPage(browser, address);
  const scripts = new Map<string, number>();
  // Scripts and MapLibre's worker (which the page starts from a module URL).
  page.context().on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.request().resourceType() === 'script' || /\.m?js$/.test(path)) {
      scripts.set(response.url(), 0);
    }
  });
  const start = performance.now();
  await page.goto(`${address}/operations`);
  await page.waitForFunction(
    `Number(document.querySelector('[data-testid="ops-map"]')?.getAttribute('data-rendered') ?? 0) > 0 && ${SHOWING_CURRENT_FILTERS}`,
    undefined,
    { polling: 'raf' },
  );
  const took = performance.now() - start;
  const rendered = Number(
    await page.getAttribute('[data-testid="ops-map"]', 'data-rendered').catch(() => '0'),
  );
  let sent = 0;
  let gzipped = 0;
  for (const url of scripts.keys()) {
    const response = await page.context().request.get(url);
    const body = await response.body();
    const encoded = response.headers()['content-encoding'];
    sent += encoded === undefined ? body.length : Number(response.headers()['content-length']);
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  await page.context().close();
  return { took, rendered, scripts: scripts.size, sent, gzipped };
}

/**
 * Times, in the page, from the type filter's change event to the moment map and list show the
 * new filters (a MutationObserver on their attributes: no round trip to this process counted).
 */
async function timeTypeChange(page: Page, type: string): Promise<number> {
  // A string, not a function: this project's type check has no DOM library outside web/.
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const root = document.querySelector('[data-testid="operations"]');
    const map = document.querySelector('[data-testid="ops-map"]');
    const list = document.querySelector('[data-testid="ops-list"]');
    const select = document.querySelector('[data-testid="ops-filters"] select[name="type"]');
    if (!root || !map || !list || !select) throw new Error('no operations screen');
    const before = root.getAttribute('data-filters');
    const done = () => {
      const key = root.getAttribute('data-filters');
      return key !== before && map.getAttribute('data-view') === key &&
        list.getAttribute('data-view') === key;
    };
    const timeout = setTimeout(() => reject(new Error('no update for type ${type}')), 20000);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timeout);
      resolve(performance.now() - start);
    });
    observer.observe(root, { attributes: true, subtree: true });
    const start = performance.now();
    select.value = ${JSON.stringify(type)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
  })`);
}

/**
 * Set up in the page before a drag: resolves `window.__brushTook` with the time from the end of
 * the drag (pointerup, when the brush commits its range) to map and list showing the new
 * filters. The drag itself is the person's time, not the screen's.
 */
const BRUSH_WATCH = `(window.__brushTook = new Promise((resolve, reject) => {
  const root = document.querySelector('[data-testid="operations"]');
  const map = document.querySelector('[data-testid="ops-map"]');
  const list = document.querySelector('[data-testid="ops-list"]');
  const chart = document.querySelector('[data-testid="ops-timeline"] svg.ops-histogram');
  const before = root.getAttribute('data-filters');
  let up;
  chart.addEventListener('pointerup', () => { up = performance.now(); }, { capture: true, once: true });
  const timeout = setTimeout(() => reject(new Error('the brush changed nothing')), 20000);
  const observer = new MutationObserver(() => {
    const key = root.getAttribute('data-filters');
    if (up === undefined || key === before) return;
    if (map.getAttribute('data-view') !== key || list.getAttribute('data-view') !== key) return;
    observer.disconnect();
    clearTimeout(timeout);
    resolve(performance.now() - up);
  });
  observer.observe(root, { attributes: true, subtree: true });
}), undefined)`;

/** Alternating type filters, then pointer drags across a tenth of the timeline, moved along. */
async function changes(browser: Browser, address: string) {
  const page = await signedInPage(browser, address);
  await page.goto(`${address}/operations`);
  await page.waitForFunction(SHOWING_CURRENT_FILTERS, undefined, { polling: 'raf' });
  const types = ['shelling', 'drone_strike', 'armed_clash', ''];
  const filter: number[] = [];
  for (let i = 0; i < CHANGES; i += 1) {
    const type = types[i % types.length] ?? '';
    filter.push(await timeTypeChange(page, type));
  }
  const brush: number[] = [];
  // At 1280x800 the timeline is below the map: scroll to it first (not timed), as a person would.
  const timeline = page.locator('[data-testid="ops-timeline"] svg.ops-histogram');
  await timeline.scrollIntoViewIfNeeded();
  const box = await timeline.boundingBox();
  if (box === null) throw new Error('the timeline is not on screen');
  for (let i = 0; i < CHANGES / 2; i += 1) {
    // A pointer drag across a tenth of the timeline, at a different place each time.
    const x0 = box.x + box.width * (0.1 + 0.07 * i);
    const x1 = x0 + box.width * 0.1;
    const y = box.y + box.height / 2;
    await page.mouse.move(x0, y);
    await page.evaluate(BRUSH_WATCH);
    await page.mouse.down();
    await page.mouse.move(x1, y, { steps: 4 });
    await page.mouse.up();
    brush.push(await page.evaluate<number>('window.__brushTook'));
  }
  await page.context().close();
  return { filter, brush };
}

async function measure(label: string, dir: string, incidents: number, demoReports: boolean) {
  const prepareStart = performance.now();
  const { dbUrl, count } = await prepareDatabase(dir, incidents, demoReports);
  console.log(
    `\n${label}: ${fmt(count)} incidents (database prepared in ${((performance.now() - prepareStart) / 1000).toFixed(0)} s)`,
  );
  let server: BenchServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startBenchServer(dbUrl, dir);
    browser = await launchChromium();
    // The first navigation warms the server's caches (the clusters' point index) and is not counted.
    await navigation(browser, server.address);
    const navigations = [];
    for (let i = 0; i < NAVIGATIONS; i += 1)
      navigations.push(await navigation(browser, server.address));
    const { filter, brush } = await changes(browser, server.address);
    const loads = navigations.map((n) => n.took);
    const first = navigations[0];
    return {
      count,
      navigation: { p50: percentile(loads, 0.5), max: Math.max(...loads) },
      rendered: first?.rendered ?? 0,
      scripts: first ?? { scripts: 0, sent: 0, gzipped: 0 },
      filter: { p50: percentile(filter, 0.5), max: Math.max(...filter) },
      brush: { p50: percentile(brush, 0.5), max: Math.max(...brush) },
      serverRssMb: server.peakRssMb(),
    };
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'web/dist/index.html'))) {
    const built = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('building the web app failed');
  }
  console.log(`\nTruce dashboard benchmark (Node ${process.version}, headless Chromium, 1280x800)`);
  const baseDir = mkdtempSync(join(tmpdir(), 'truce-bench-dashboard-demo-'));
  const bigDir = mkdtempSync(join(tmpdir(), 'truce-bench-dashboard-'));
  try {
    const baseline = await measure('Baseline, the demo database', baseDir, 0, true);
    const big = await measure('The large database', bigDir, INCIDENTS, false);
    for (const [name, run] of [
      ['baseline (demo)', baseline],
      [`${fmt(big.count)} incidents`, big],
    ] as const) {
      console.log(`\n${name}:`);
      console.log(
        `   navigation to a map with visible incidents: p50 ${ms(run.navigation.p50)}, slowest ${ms(run.navigation.max)} of ${NAVIGATIONS} (target <= 2,000 ms); the map stood for ${fmt(run.rendered)} incidents`,
      );
      console.log(
        `   type filter to map and list updated: p50 ${ms(run.filter.p50)}, slowest ${ms(run.filter.max)} of ${CHANGES} (target <= 200 ms)`,
      );
      console.log(
        `   timeline brush, from the end of the drag to map and list updated: p50 ${ms(run.brush.p50)}, slowest ${ms(run.brush.max)} of ${CHANGES / 2} (target <= 200 ms)`,
      );
      console.log(
        `   first screen's JavaScript: ${run.scripts.scripts} files, ${fmt(run.scripts.gzipped / 1024)} KiB gzip -9 (target <= 1,024 KiB), ${fmt(run.scripts.sent / 1024)} KiB as the server sent it`,
      );
      console.log(`   peak RSS of the server process: ${fmt(run.serverRssMb)} MB`);
    }
  } finally {
    if (KEEP) console.log(`\nkept: ${baseDir} ${bigDir}`);
    else {
      rmSync(baseDir, { recursive: true, force: true });
      rmSync(bigDir, { recursive: true, force: true });
    }
  }
}

await main();
