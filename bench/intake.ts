// `npm run bench`, monitoring part (issue 5), printed and measured in one run:
//   1. Bulk intake of generated reports (seeded, reproducible) through the reports service:
//      validation, the record, and incremental grouping into incidents, in batches of 1,000,
//      against a bare better-sqlite3 prepared insert of the same rows in one transaction
//      (targets: ratio >= 0.2 and >= 50,000 reports/s). BENCH_REPORTS sets how many (default
//      100,000; the figure is 1,000,000).
//   2. `GET /api/v1/incidents` for a bbox holding <= 1,000 incidents (targets: p50 <= 10 ms,
//      p99 <= 50 ms) and the clustering endpoint (p50 <= 30 ms), in process (inject).
//   3. Single-report POSTs with durable acknowledgement from 50 concurrent connections over
//      loopback (targets: >= 2,000 reports/s, p99 <= 50 ms). BENCH_SINGLE_POSTS sets how many.
//   4. Peak resident memory of the process.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemPrincipal } from '../src/core/auth/principal.js';
import { INCIDENT_TYPES } from '../src/core/agreements/vocabulary.js';
import { buildApp } from '../src/http/app.js';
import { createServices } from '../src/services.js';

const REPORTS = Number(process.env['BENCH_REPORTS'] ?? 100_000);
const BATCH = 1000;
const SINGLE_POSTS = Number(process.env['BENCH_SINGLE_POSTS'] ?? 5000);

/** A small seeded generator (mulberry32), so every run takes in the same reports. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reports spread over eastern Ukraine and a year, a few sources each; some near-duplicates. */
function generate(count: number) {
  const random = seeded(42);
  const start = Date.parse('2022-03-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const at = start + Math.floor(random() * 365 * 24) * 3600_000;
    return {
      clientId: `bench-${i}`,
      observedFrom: new Date(at).toISOString(),
      observedTo: new Date(at + 3600_000).toISOString(),
      location: { lon: 35 + random() * 5, lat: 47 + random() * 3, precision: 'vicinity' as const },
      mode: 'reported' as const,
      type: INCIDENT_TYPES[Math.floor(random() * 6)] ?? 'shelling',
      source: { kind: 'dataset' as const, name: `source-${Math.floor(random() * 5)}` },
      text: `generated report ${i}`,
    };
  });
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-intake-'));
  console.log(`\nTruce monitoring benchmark (Node ${process.version}, SQLite in ${dir})\n`);
  try {
    const reports = generate(REPORTS);

    // Baseline: the same rows as JSON into one table with a prepared statement, one transaction.
    const bare = new Database(join(dir, 'bare.db'));
    bare.pragma('journal_mode = WAL');
    bare.exec('create table reports (id text primary key, body text not null)');
    const insert = bare.prepare('insert into reports (id, body) values (?, ?)');
    const bareStart = performance.now();
    bare.transaction(() => {
      for (const r of reports) insert.run(r.clientId, JSON.stringify(r));
    })();
    const bareSeconds = (performance.now() - bareStart) / 1000;
    bare.close();

    const services = await createServices(`sqlite:${join(dir, 'truce.db')}`);
    const by = systemPrincipal('bench');
    const start = performance.now();
    for (let i = 0; i < reports.length; i += BATCH) {
      await services.reports.submit(
        reports.slice(i, i + BATCH).map((value) => ({ value })),
        by,
      );
    }
    const seconds = (performance.now() - start) / 1000;
    const rate = REPORTS / seconds;
    const bareRate = REPORTS / bareSeconds;
    console.log(
      `1. Intake of ${REPORTS.toLocaleString('en')} generated reports (validation, record, grouping):`,
    );
    console.log(
      `   Truce: ${Math.round(rate).toLocaleString('en')} reports/s (${seconds.toFixed(1)} s)`,
    );
    console.log(
      `   bare prepared insert, one transaction: ${Math.round(bareRate).toLocaleString('en')} reports/s`,
    );
    console.log(
      `   ratio ${(rate / bareRate).toFixed(3)} (target >= 0.2), ${rate >= 50_000 ? 'meets' : 'MISSES'} 50,000 reports/s`,
    );

    const app = await buildApp(services, { logLevel: 'silent' });
    await services.users.addAll(
      [{ name: 'bench', role: 'viewer', password: 'bench-password-1' }],
      by,
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'bench', password: 'bench-password-1' },
    });
    const cookie = `truce_session=${login.cookies.find((c) => c.name === 'truce_session')?.value ?? ''}`;
    const time = async (url: string, rounds: number) => {
      const took: number[] = [];
      let size = 0;
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        const response = await app.inject({ method: 'GET', url, headers: { cookie } });
        took.push(performance.now() - t0);
        size =
          (response.json() as { incidents?: unknown[]; features?: unknown[] }).incidents?.length ??
          (response.json() as { features?: unknown[] }).features?.length ??
          0;
      }
      return { p50: percentile(took, 0.5), p99: percentile(took, 0.99), size };
    };
    const list = await time('/api/v1/incidents?bbox=37,48,37.3,48.3&limit=1000', 200);
    console.log(`\n2. GET /api/v1/incidents, bbox with ${list.size} incidents:`);
    console.log(
      `   p50 ${list.p50.toFixed(2)} ms (target <= 10), p99 ${list.p99.toFixed(2)} ms (target <= 50)`,
    );
    const clusters = await time('/api/v1/incidents/clusters?zoom=6', 100);
    console.log(
      `   clusters at zoom 6 (${clusters.size} cells): p50 ${clusters.p50.toFixed(2)} ms (target <= 30)`,
    );

    // 3. Single-report POSTs with durable acknowledgement, 50 connections at once, over loopback.
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    await services.users.addAll(
      [{ name: 'bench-monitor', role: 'monitor', password: 'bench-password-2' }],
      by,
    );
    const token = await services.tokens.create(
      { userName: 'bench-monitor', label: 'bench' },
      systemPrincipal('bench'),
    );
    const singles = generate(SINGLE_POSTS).map((r, i) => ({ ...r, clientId: `single-${i}` }));
    const latencies: number[] = [];
    let next = 0;
    const connection = async () => {
      while (next < singles.length) {
        const body = JSON.stringify(singles[next++]);
        const t0 = performance.now();
        const response = await fetch(`${address}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token.secret}` },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 201) throw new Error(`POST answered ${response.status}`);
        latencies.push(performance.now() - t0);
      }
    };
    const postStart = performance.now();
    await Promise.all(Array.from({ length: 50 }, connection));
    const postSeconds = (performance.now() - postStart) / 1000;
    console.log(
      `\n3. ${SINGLE_POSTS.toLocaleString('en')} single-report POSTs, 50 connections, durable acknowledgement:`,
    );
    console.log(
      `   ${Math.round(SINGLE_POSTS / postSeconds).toLocaleString('en')} reports/s (target >= 2,000), p99 ${percentile(latencies, 0.99).toFixed(1)} ms (target <= 50)`,
    );
    console.log(
      `\n4. Peak resident memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (target <= 500)`,
    );
    await app.close();
    await services.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
