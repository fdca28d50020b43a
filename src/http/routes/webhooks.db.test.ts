import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { activateGuarantee, importGuarantee } from '../../../test/support/accountability.js';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

/** A local receiver that records what it is sent and answers with the statuses queued. */
class Receiver {
  readonly received: { headers: IncomingHttpHeaders; body: string }[] = [];
  readonly statuses: number[] = [];
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      this.received.push({ headers: request.headers, body });
      response.statusCode = this.statuses.shift() ?? 204;
      response.end();
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/truce`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describeEachDialect('signed webhooks', (dialect) => {
  let t: TestApp;
  let admin: string;
  let receiver: Receiver;
  let url: string;
  beforeEach(async () => {
    t = await createTestApp(dialect, { webhookDisableAfter: 3 });
    await importGuarantee(t);
    admin = await t.login('admin', 'demo-admin-pass');
    receiver = new Receiver();
    url = await receiver.start();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await receiver.stop();
    await t.close();
  });

  const post = (path: string, payload?: object, cookie = admin) =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload }),
    });
  const register = (payload: object) => post('/api/v1/webhooks', payload);
  const log = async (id: string) =>
    (
      await t.app.inject({ url: `/api/v1/webhooks/${id}/deliveries`, headers: { cookie: admin } })
    ).json().deliveries;

  it('delivers each matching alert signed so that a Standard Webhooks library verifies it', async () => {
    const registered = await register({
      url,
      description: 'GBR desk',
      filters: { obligors: ['GBR'] },
    });
    expect(registered.statusCode).toBe(201);
    const { id, secret } = registered.json();
    expect(secret).toMatch(/^whsec_/);
    // Not for this receiver: another guarantor, another area.
    await register({ url, filters: { obligors: ['FRA'] } });
    await register({ url, filters: { bbox: [30, 50, 31, 51] } });
    // The secret is never shown again.
    const listed = await t.app.inject({ url: '/api/v1/webhooks', headers: { cookie: admin } });
    expect(listed.body).not.toContain(secret);

    const incidentId = await activateGuarantee(t);
    expect(await t.services.webhooks.deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    // The library checks the timestamp against its own clock: give it the test's.
    vi.useFakeTimers({ now: t.clock.now(), toFake: ['Date'] });
    const payload = new Webhook(secret).verify(delivery?.body ?? '', {
      'webhook-id': String(delivery?.headers['webhook-id']),
      'webhook-timestamp': String(delivery?.headers['webhook-timestamp']),
      'webhook-signature': String(delivery?.headers['webhook-signature']),
    }) as { type: string; data: Record<string, string> };
    expect(payload.type).toBe('alert.issued');
    expect(payload.data).toMatchObject({
      obligor: 'GBR',
      incidentId,
      commitmentId: 'gbr-air-defence',
      msgType: 'Alert',
    });
    expect(payload.data['cap']).toContain('<msgType>Alert</msgType>');
    // A wrong secret does not verify.
    expect(() =>
      new Webhook('whsec_' + Buffer.alloc(32, 7).toString('base64')).verify(delivery?.body ?? '', {
        'webhook-id': String(delivery?.headers['webhook-id']),
        'webhook-timestamp': String(delivery?.headers['webhook-timestamp']),
        'webhook-signature': String(delivery?.headers['webhook-signature']),
      }),
    ).toThrow();
    vi.useRealTimers();
    expect((await log(id))[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204 });
  });

  it('delivers on its own once the decision commits, when the dispatcher runs', async () => {
    await register({ url });
    const stop = t.services.webhooks.startDispatcher();
    try {
      await activateGuarantee(t);
      await expect.poll(() => receiver.received.length, { timeout: 5000 }).toBe(1);
    } finally {
      stop();
    }
  });

  it('retries with exponential backoff, keeps a log, and replays on request', async () => {
    const { id } = (await register({ url })).json();
    receiver.statuses.push(500, 503);
    await activateGuarantee(t);
    expect(await t.services.webhooks.deliverDue()).toBe(1);
    expect(await t.services.webhooks.deliverDue()).toBe(0); // not due yet
    let [entry] = await log(id);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });
    expect(Date.parse(entry.nextAttemptAt) - t.clock.now().getTime()).toBe(5000);
    t.clock.advance(5000);
    expect(await t.services.webhooks.deliverDue()).toBe(1);
    [entry] = await log(id);
    expect(Date.parse(entry.nextAttemptAt) - t.clock.now().getTime()).toBe(10_000);
    t.clock.advance(10_000);
    await t.services.webhooks.deliverDue();
    [entry] = await log(id);
    expect(entry).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204 });
    // Every attempt carried the same webhook-id, so a receiver can drop repeats.
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);

    expect((await post(`/api/v1/webhooks/deliveries/${entry.id}/replay`)).statusCode).toBe(202);
    await t.services.webhooks.deliverDue();
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received[3]?.headers['webhook-id']).toBe(entry.id);
    expect((await post('/api/v1/webhooks/deliveries/nothing/replay')).statusCode).toBe(404);
  });

  it('disables an endpoint after repeated failures, and only admins manage endpoints', async () => {
    const { id } = (await register({ url })).json();
    receiver.statuses.push(500, 500, 500);
    await activateGuarantee(t);
    for (let i = 0; i < 3; i += 1) {
      await t.services.webhooks.deliverDue();
      t.clock.advance(3_600_000);
    }
    const [endpoint] = (
      await t.app.inject({ url: '/api/v1/webhooks', headers: { cookie: admin } })
    ).json().endpoints;
    expect(endpoint).toMatchObject({ id, failures: 3 });
    expect(endpoint.disabledReason).toContain('3 failed attempts in a row');
    expect(await t.services.webhooks.deliverDue()).toBe(0);
    expect((await post(`/api/v1/webhooks/${id}/enable`)).json().disabledAt).toBeNull();
    expect(await t.services.webhooks.deliverDue()).toBe(1);

    const analyst = await t.login('analyst', 'demo-analyst-pass');
    expect((await post('/api/v1/webhooks', { url }, analyst)).statusCode).toBe(403);
  });

  it('refuses URLs that are not plain http(s) addresses, and unknown filters', async () => {
    for (const [bad, words] of [
      ['ftp://example.org/hook', 'only http and https'],
      ['http://user:secret@example.org/hook', 'no credentials'],
      ['/relative/hook', 'not an absolute URL'],
      ['https://example.org/hook#part', 'no fragment'],
    ] as const) {
      const refused = await register({ url: bad });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0]).toMatchObject({ path: 'url' });
      expect(refused.json().error.message).toContain(words);
    }
    const badFilter = await register({ url, filters: { bbox: [10, 60, 20, 50] } });
    expect(badFilter.json().error.details[0].path).toBe('filters/bbox');
    const unknown = await register({ url, filters: { colour: ['red'] } });
    expect(unknown.statusCode).toBe(400);
  });
});
