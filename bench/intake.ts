// `npm run bench`, monitoring part (issue 5), printed and measured in one run:
//   1. Bulk import: a seeded generator writes BENCH_REPORTS reports (default 1,000,000) to a CSV
//      file, in date order with a share of second reports of the same event (as data sets come);
//      `truce import`'s code path reads it streaming, validates, records and groups every row;
//      then the real UCDP files of ../shared/data when present. Against a bare better-sqlite3
//      prepared insert of the same generated rows in one transaction, measured in the same run
//      (targets: ratio >= 0.2, >= 50,000 reports/s, peak RSS <= 500 MB).
//   2. A server process on that database; over loopback: `GET /api/v1/incidents` for a bbox
//      holding <= 1,000 incidents (p50 <= 10 ms, p99 <= 50 ms) and the clustering endpoint
//      (p50 <= 30 ms).
//   3. Single-report POSTs with durable acknowledgement, 50 connections (autocannon) against that
//      server (targets: >= 2,000 reports/s, p99 <= 50 ms). BENCH_POST_SECONDS sets how long.
// BENCH_KEEP=1 keeps the database folder for study.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemPrincipal } from '../src/core/auth/principal.js';
import { createServices } from '../src/services.js';
import { startBenchServer } from './server-process.js';
import { importReportFile } from '../src/services/import-service.js';
import { generate, importGenerated, writeCsv } from './generated-reports.js';
import { seeded } from '../test/support/seeded.js';
import { percentile } from './percentile.js';

const REPORTS = Number(process.env['BENCH_REPORTS'] ?? 1_000_000);
const POST_SECONDS = Number(process.env['BENCH_POST_SECONDS'] ?? 10);
/** BENCH_KEEP=1 keeps the database and its folder afterwards, and prints where. */
const KEEP = process.env['BENCH_KEEP'] === '1';
const ROOT = new URL('../', import.meta.url).pathname;
const UCDP = join(ROOT, '../shared/data/ucdp-ged-ukraine');

const fmt = (n: number) => Math.round(n).toLocaleString('en');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-intake-'));
  console.log(`\nTruce monitoring benchmark (Node ${process.version}, SQLite in ${dir})\n`);
  try {
    const csv = join(dir, 'generated.csv');
    writeCsv(csv, REPORTS);

    // Baseline: the same rows as JSON into one table with a prepared statement, one transaction.
    const bare = new Database(join(dir, 'bare.db'));
    bare.pragma('journal_mode = WAL');
    bare.exec('create table reports (id text primary key, body text not null)');
    const insert = bare.prepare('insert into reports (id, body) values (?, ?)');
    const bareStart = performance.now();
    bare.transaction(() => {
      for (const r of generate(REPORTS)) insert.run(r.id, JSON.stringify(r));
    })();
    const bareRate = REPORTS / ((performance.now() - bareStart) / 1000);
    bare.close();

    const dbUrl = `sqlite:${join(dir, 'truce.db')}`;
    const services = await createServices(dbUrl);
    const by = systemPrincipal('bench');
    const start = performance.now();
    const generated = await importGenerated(services.reports, csv, by);
    const generatedSeconds = (performance.now() - start) / 1000;
    let ucdpRows = 0;
    const ucdpFiles = [
      ['UCDP-Ukraine_2014-01-22_to_2022-02-23_utf8.csv', undefined],
      ['UCDP-Ukraine_2014_to_2023_cp1252_mixed.csv', 'MM/DD/YYYY'],
    ] as const;
    for (const [file, dateFormat] of ucdpFiles) {
      if (!existsSync(join(UCDP, file))) continue;
      const summary = await importReportFile(
        services.reports,
        {
          path: join(UCDP, file),
          format: 'ucdp',
          ...(dateFormat ? { dateFormat } : {}),
        },
        by,
      );
      ucdpRows += summary.read;
    }
    const seconds = (performance.now() - start) / 1000;
    const rate = (REPORTS + ucdpRows) / seconds;
    const importRss = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      `1. Import of ${fmt(REPORTS)} generated reports${ucdpRows > 0 ? ` and ${fmt(ucdpRows)} UCDP rows` : ' (../shared/data absent: no UCDP rows)'} (CSV read, validation, record, grouping):`,
    );
    console.log(
      `   generated file: ${fmt(generated.accepted)} accepted, ${fmt(generated.rejected)} rejected in ${generatedSeconds.toFixed(1)} s (${fmt(REPORTS / generatedSeconds)} reports/s)`,
    );
    console.log(`   Truce, all files: ${fmt(rate)} reports/s (${seconds.toFixed(1)} s)`);
    console.log(`   bare prepared insert, one transaction: ${fmt(bareRate)} reports/s`);
    console.log(
      `   ratio ${(rate / bareRate).toFixed(3)} (target >= 0.2); ${rate >= 50_000 ? 'meets' : 'MISSES'} 50,000 reports/s`,
    );
    console.log(`   peak RSS of the importing process: ${importRss} MB (target <= 500)`);
    const incidents = await services.incidents.list({ limit: 1 });
    await services.users.addAll(
      [
        { name: 'bench-viewer', role: 'viewer', password: 'bench-password-1' },
        { name: 'bench-monitor', role: 'monitor', password: 'bench-password-2' },
      ],
      by,
    );
    const viewer = await services.tokens.create({ userName: 'bench-viewer', label: 'bench' }, by);
    const monitor = await services.tokens.create({ userName: 'bench-monitor', label: 'bench' }, by);
    await services.close();
    if (incidents.incidents.length === 0) throw new Error('the import made no incidents');

    // 2. The server in its own process, as deployed; the client here, over loopback.
    const serverStart = performance.now();
    const server = await startBenchServer(dbUrl, dir);
    const address = server.address;
    console.log(
      `\n   server start on this database (migrations, grouping index): ${((performance.now() - serverStart) / 1000).toFixed(1)} s`,
    );
    try {
      const time = async (path: string, rounds: number) => {
        const took: number[] = [];
        let size = 0;
        for (let i = 0; i < rounds; i++) {
          const t0 = performance.now();
          const response = await fetch(`${address}${path}`, {
            headers: { authorization: `Bearer ${viewer.secret}` },
          });
          const body = (await response.json()) as { incidents?: unknown[]; features?: unknown[] };
          took.push(performance.now() - t0);
          if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
          size = body.incidents?.length ?? body.features?.length ?? 0;
        }
        return { p50: percentile(took, 0.5), p99: percentile(took, 0.99), size };
      };
      await time('/api/v1/incidents?limit=1', 5);
      const list = await time('/api/v1/incidents?bbox=37,48,37.25,48.25&limit=1000', 200);
      console.log(
        `\n2. GET /api/v1/incidents over loopback, a bbox with ${fmt(list.size)} incidents:`,
      );
      console.log(
        `   p50 ${list.p50.toFixed(2)} ms (target <= 10), p99 ${list.p99.toFixed(2)} ms (target <= 50)`,
      );
      await time('/api/v1/incidents/clusters?zoom=6', 1);
      const clusters = await time('/api/v1/incidents/clusters?zoom=6', 100);
      console.log(
        `   clusters at zoom 6 (${fmt(clusters.size)} cells): p50 ${clusters.p50.toFixed(2)} ms (target <= 30)`,
      );

      // 3. Single reports, each its own POST, 50 connections; every body a different report.
      const random = seeded(7);
      let n = 0;
      const result = await autocannon({
        url: `${address}/api/v1/reports`,
        connections: 50,
        duration: POST_SECONDS,
        requests: [
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${monitor.secret}`,
            },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                clientId: `post-${(n += 1)}`,
                observedFrom: new Date(
                  Date.parse('2023-03-01T00:00:00Z') + Math.floor(random() * 8760) * 3600_000,
                ).toISOString(),
                location: { lon: 35 + random() * 5, lat: 47 + random() * 3, precision: 'vicinity' },
                mode: 'saw',
                type: 'shelling',
                source: { kind: 'monitor', name: 'bench patrol' },
                text: `single report ${n}`,
              }),
            }),
          },
        ],
      });
      const failed = result.non2xx + result.errors + result.timeouts;
      console.log(
        `\n3. Single-report POSTs for ${POST_SECONDS} s, 50 connections (autocannon), durable acknowledgement:`,
      );
      console.log(
        `   ${fmt(result.requests.average)} reports/s (target >= 2,000), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (target <= 50); ${fmt(result.requests.total)} sent, ${failed} failed`,
      );
      console.log(`   peak RSS of the server process: ${server.peakRssMb()} MB`);
    } finally {
      await server.stop();
    }
  } finally {
    if (KEEP) console.log(`\n   kept the database for study: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
