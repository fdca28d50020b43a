import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { activateGuarantee, importGuarantee } from '../../../test/support/accountability.js';
import { systemPrincipal } from '../../core/auth/principal.js';

const by = systemPrincipal('test');

/** Reads a server-sent event stream, collecting its events. */
class EventReader {
  private text = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private pending: ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> | undefined;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** Reads until `count` events of type `type` arrived (or throws after the time limit). */
  async events(type: string, count: number, timeoutMs = 8000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = this.parsed().filter((e) => e.event === type);
      if (events.length >= count) return events;
      if (Date.now() > deadline)
        throw new Error(`only ${events.length} "${type}" events: ${this.text}`);
      const chunk = await this.read(500);
      if (chunk?.done === true) throw new Error(`the stream ended: ${this.text}`);
    }
  }

  get raw(): string {
    return this.text;
  }

  /** Keeps reading for `ms`, then returns every event of type `type` so far. */
  async settle(type: string, ms: number) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const chunk = await this.read(200);
      if (chunk?.done === true) break;
    }
    return this.parsed().filter((e) => e.event === type);
  }

  private parsed(): { id?: string; event?: string; data?: string }[] {
    return this.text
      .split('\n\n')
      .filter((block) => block.includes('data:'))
      .map((block) =>
        Object.fromEntries(
          block
            .split('\n')
            .filter((line) => !line.startsWith(':'))
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        ),
      );
  }

  /**
   * Waits up to `ms` for the next chunk and adds it to the text. A read still pending when the
   * time is up is kept for the next call, so no chunk is lost.
   */
  private async read(ms: number) {
    this.pending ??= this.reader.read();
    const chunk = await Promise.race([
      this.pending,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms)),
    ]);
    if (chunk === undefined) return undefined;
    this.pending = undefined;
    if (chunk.value !== undefined) this.text += this.decoder.decode(chunk.value);
    return chunk;
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}

describeEachDialect('the live alert stream', (dialect) => {
  let t: TestApp;
  let base: string;
  const cookies: Record<string, string> = {};
  beforeEach(async () => {
    t = await createTestApp(dialect);
    await importGuarantee(t);
    for (const role of ['viewer']) {
      cookies[role] = await t.login(role, `demo-${role}-pass`);
    }
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(() => t.close());

  const activate = (lon: number) => activateGuarantee(t, lon);

  async function open(as: string, headers: Record<string, string> = {}, query = '') {
    const response = await fetch(`${base}/api/v1/stream${query}`, {
      headers: { cookie: cookies[as] ?? '', ...headers },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    return new EventReader(response.body as ReadableStream<Uint8Array>);
  }

  it('sends each alert as it is recorded, and what was missed after Last-Event-ID', async () => {
    const stream = await open('viewer');
    const first = await activate(37.5606);
    const [alert] = await stream.events('alert', 1);
    const data = JSON.parse(alert?.data ?? '{}');
    expect(data).toMatchObject({ msgType: 'Alert', obligor: 'GBR' });
    expect(alert?.id).toBe(data.position);
    const activation = (await t.services.accountability.activations({}, by))[0];
    expect(activation?.incidentId).toBe(first);
    expect(data.activationId).toBe(activation?.id);
    await stream.cancel();

    // While nobody listened, a second activation: a client resuming from the first gets it.
    await activate(37.9);
    const resumed = await open('viewer', { 'last-event-id': alert?.id ?? '' });
    const [missed] = await resumed.events('alert', 1);
    expect(JSON.parse(missed?.data ?? '{}').activationId).not.toBe(data.activationId);
    await resumed.cancel();
  });

  it('resumes alerts after change notices, which carry no id of their own', async () => {
    const stream = await open('viewer');
    await activate(37.5606);
    const [alert] = await stream.events('alert', 1);
    const changes = await stream.events('change', 1);
    expect(changes.every((change) => change.id === undefined)).toBe(true);
    await stream.cancel();

    await activate(37.9);
    const resumed = await open('viewer', { 'last-event-id': alert?.id ?? '' });
    const missed = await resumed.events('alert', 1);
    expect(missed.map((m) => m.id)).not.toContain(alert?.id);
    // Changes recorded while nobody listened are not replayed: only alerts resume.
    expect(await resumed.settle('change', 1500)).toEqual([]);
    await resumed.cancel();
  });

  it('filters by guarantor, and refuses the unauthenticated', async () => {
    expect((await fetch(`${base}/api/v1/stream`)).status).toBe(401);
    const other = await open('viewer', {}, '?obligor=FRA');
    const mine = await open('viewer', {}, '?obligor=GBR');
    await activate(37.5606);
    await mine.events('alert', 1);
    await expect(other.events('alert', 1, 2500)).rejects.toThrow('only 0');
    await other.cancel();
    await mine.cancel();
  });

  it('ends open streams when the server closes, without waiting for the clients', async () => {
    const stream = await open('viewer');
    const started = Date.now();
    await t.app.close();
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(stream.events('alert', 1, 1000)).rejects.toThrow('the stream ended');
  });
});

describeEachDialect('change notices on the live stream', (dialect) => {
  let t: TestApp;
  let base: string;
  let cookie: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    await importGuarantee(t);
    cookie = await t.login('viewer', 'demo-viewer-pass');
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(() => t.close());

  async function open() {
    const response = await fetch(`${base}/api/v1/stream`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return new EventReader(response.body as ReadableStream<Uint8Array>);
  }

  type Change = { kind: string; count: number; ids: string[]; index: number };
  /** Reads change notices until one of `kind` names `id`. */
  async function changeAbout(stream: EventReader, kind: string, id?: string): Promise<Change> {
    for (let seen = 1; ; seen++) {
      const changes = (await stream.events('change', seen)).map(
        (e) => JSON.parse(e.data ?? '{}') as Change,
      );
      const found = changes.find(
        (c) => c.kind === kind && (id === undefined || c.ids.includes(id)),
      );
      if (found !== undefined) return found;
    }
  }

  it('tells of a report submitted, a verification step and an activation opened', async () => {
    const stream = await open();
    const monitor = await t.login('monitor', 'demo-monitor-pass');
    const analyst = await t.login('analyst', 'demo-analyst-pass');
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { cookie: monitor },
      payload: {
        observedFrom: '2026-01-05T10:00:00Z',
        location: { lon: 37.5606, lat: 48.7232, precision: 'vicinity' },
        mode: 'heard',
        type: 'shelling',
        source: { kind: 'monitor', name: 'Patrol 4' },
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const reportId = submitted.json<{ id: string }>().id;
    const report = await changeAbout(stream, 'report', reportId);
    expect(report).toMatchObject({ count: 1, ids: [reportId] });
    expect(report.index).toBe((await t.services.record.size()) - 1);

    const stepped = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${reportId}/verification`,
      headers: { cookie: analyst },
      payload: { status: 'corroborated', method: 'two patrols' },
    });
    expect(stepped.statusCode).toBe(200);
    const incident = await changeAbout(stream, 'incident', reportId);
    expect(incident.index).toBeGreaterThan(report.index);

    const incidentId = await activateGuarantee(t, 37.9);
    const [activation] = await t.services.accountability.activations({}, by);
    expect(activation?.incidentId).toBe(incidentId);
    await changeAbout(stream, 'finding');
    const opened = await changeAbout(stream, 'activation', activation?.id);
    expect(opened.count).toBe(1);
    await stream.cancel();
  });

  it('summarises a bulk import in one notice: the count, and only the first ids', async () => {
    const stream = await open();
    const reports = Array.from({ length: 1200 }, (_, i) => ({
      value: {
        observedFrom: '2025-06-01T10:00:00Z',
        location: { lon: 30 + i / 100, lat: 50, precision: 'vicinity' },
        mode: 'reported',
        type: 'shelling',
        source: { kind: 'monitor', name: 'bulk' },
        sourceRecordId: `row-${i}`,
      },
    }));
    const results = await t.services.reports.submit(reports, by);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    await stream.events('change', 1);
    const changes = (await stream.settle('change', 2500)).map(
      (e) => JSON.parse(e.data ?? '{}') as Change,
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'report', count: 1200 });
    expect(changes[0]?.ids).toHaveLength(50);
    expect(stream.raw.length).toBeLessThan(5000);
    await stream.cancel();
  });
});
