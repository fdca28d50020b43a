// `npm run bench`, accountability part (issue 6), printed and measured in one run: from a
// verification decision (the API call that verifies an incident whose finding and attribution
// are in place) to the signed webhook received by a local receiver, over loopback, while other
// clients keep the server busy reading incident lists (target: p99 <= 200 ms).
// BENCH_DECISIONS sets how many decisions (default 200).
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemPrincipal } from '../src/core/auth/principal.js';
import { createServices } from '../src/services.js';
import { startBenchServer } from './server-process.js';
import { percentile } from './percentile.js';

const DECISIONS = Number(process.env['BENCH_DECISIONS'] ?? 200);
/** Decisions per second: a steady stream, as a verification desk would make them (and more). */
const RATE = 20;
const GUARANTEE = readFileSync(
  new URL('../test/fixtures/agreements/guarantee.yaml', import.meta.url),
  'utf8',
);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-accountability-'));
  console.log(`\nTruce accountability benchmark (Node ${process.version}, SQLite in ${dir})\n`);
  // The receiver notes when each incident's webhook arrived.
  const arrived = new Map<string, number>();
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { data } = JSON.parse(body) as { data: { incidentId: string } };
      if (request.headers['webhook-signature'] !== undefined) {
        arrived.set(data.incidentId, performance.now());
      }
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    const dbUrl = `sqlite:${join(dir, 'truce.db')}`;
    const by = systemPrincipal('bench');
    const services = await createServices(dbUrl);
    await services.instance.bootstrap(true, { scenarios: false });
    await services.agreements.importText({ text: GUARANTEE, format: 'yaml', name: 'g.yaml' }, by);
    await services.webhooks.register({ url: hookUrl, filters: { obligors: ['GBR'] } }, by);
    const token = async (userName: string) =>
      (await services.tokens.create({ userName, label: 'bench' }, by)).secret;
    const tokens = {
      monitor: await token('monitor'),
      analyst: await token('analyst'),
      verifier: await token('verifier'),
      viewer: await token('viewer'),
    };
    await services.close();

    const server = await startBenchServer(dbUrl, dir);
    const call = async (as: keyof typeof tokens, path: string, payload?: object) => {
      const response = await fetch(`${server.address}${path}`, {
        method: payload === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${tokens[as]}`,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`);
      return text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
    };
    try {
      // Incidents one step from triggering: corroborated, attributed, with a finding.
      const ids: string[] = [];
      for (let i = 0; i < DECISIONS; i += 1) {
        const report = await call('monitor', '/api/v1/reports', {
          observedFrom: '2026-01-05T10:00:00Z',
          // 1 km apart, so that each report is its own incident.
          location: {
            lon: 37.1 + (i % 100) * 0.013,
            lat: 48.1 + Math.floor(i / 100) * 0.02,
            precision: 'vicinity',
          },
          mode: 'heard',
          type: 'shelling',
          source: { kind: 'monitor', name: 'bench patrol' },
        });
        const id = String(report?.['id']);
        ids.push(id);
        await call('analyst', `/api/v1/incidents/${id}/verification`, {
          status: 'corroborated',
          method: 'two patrols',
        });
        await call('analyst', `/api/v1/incidents/${id}/attributions`, {
          actor: 'RUS',
          confidence: 'high',
          basis: { text: 'direction of fire' },
        });
        await call('analyst', '/api/v1/findings', {
          incidentId: id,
          documentId: 'test-guarantee',
          provisionId: 'ceasefire',
          severity: 'major',
        });
      }

      // Steady load: four clients reading incident lists all the time.
      let loading = true;
      const readers = Array.from({ length: 4 }, async () => {
        while (loading) await call('viewer', '/api/v1/incidents?limit=100');
      });
      const sentAt = new Map<string, number>();
      const decisions: Promise<unknown>[] = [];
      const started = performance.now();
      for (const [i, id] of ids.entries()) {
        const due = started + (i * 1000) / RATE;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        sentAt.set(id, performance.now());
        decisions.push(
          call('verifier', `/api/v1/incidents/${id}/verification`, {
            status: 'verified',
            method: 'crater analysis',
          }),
        );
      }
      await Promise.all(decisions);
      const deadline = performance.now() + 10_000;
      while (arrived.size < ids.length && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      loading = false;
      await Promise.all(readers);
      const latencies = ids.flatMap((id) => {
        const at = arrived.get(id);
        const sent = sentAt.get(id);
        return at === undefined || sent === undefined ? [] : [at - sent];
      });
      console.log(
        `Verification decision to signed webhook received, ${DECISIONS} decisions at ${RATE}/s with 4 clients reading lists meanwhile:`,
      );
      console.log(
        `   p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms (target p99 <= 200 ms); ${latencies.length} of ${ids.length} webhooks received`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
