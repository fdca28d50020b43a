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
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 500)),
      ]);
      if (chunk?.value !== undefined) this.text += this.decoder.decode(chunk.value);
      if (chunk?.done === true) throw new Error(`the stream ended: ${this.text}`);
    }
  }

  get raw(): string {
    return this.text;
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
