import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { buildReport } from '../../../test/support/report-factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describeEachDialect('public submissions', (dialect) => {
  let t: TestApp;
  let analyst: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    analyst = await t.login('analyst', 'demo-analyst-pass');
  });
  afterEach(() => t.close());

  const submit = (payload: object, ip = '203.0.113.9') =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload, remoteAddress: ip });

  it('labels a public report unverified and keeps it out of incidents until triaged', async () => {
    const response = await submit(buildReport({ source: { kind: 'monitor', name: 'I saw it' } }));
    expect(response.statusCode).toBe(201);
    const { id } = response.json();
    const pending = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/pending',
      headers: { cookie: analyst },
    });
    expect(pending.json().reports).toEqual([
      expect.objectContaining({
        id,
        triage: 'pending',
        source: { kind: 'public', name: 'I saw it' },
      }),
    ]);
    const incidents = () =>
      t.app
        .inject({ method: 'GET', url: '/api/v1/incidents', headers: { cookie: analyst } })
        .then((r) => r.json().incidents);
    expect(await incidents()).toEqual([]);
    const triage = (decision: string, reason: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/reports/${id}/triage`,
        headers: { cookie: analyst },
        payload: { decision, reason },
      });
    expect((await triage('accepted', 'matches a patrol report')).statusCode).toBe(204);
    expect(await incidents()).toHaveLength(1);
    expect((await triage('rejected', 'again')).statusCode).toBe(409);
  });

  it('limits each address, with Retry-After, without limiting others', async () => {
    for (let i = 0; i < 10; i++) expect((await submit(buildReport())).statusCode).toBe(201);
    const limited = await submit(buildReport());
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await submit(buildReport(), '198.51.100.7')).statusCode).toBe(201);
  });

  it('refuses a large or malformed public report with the error format', async () => {
    const big = await submit(buildReport({ text: 'x'.repeat(70_000) }));
    expect(big.statusCode).toBe(413);
    const bad = await submit(buildReport({ observedFrom: 'yesterday' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body/observedFrom');
  });
});

describeEachDialect('intake edge cases found in review', (dialect) => {
  let t: TestApp;
  let monitor: string;
  let analyst: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    monitor = await t.login('monitor', 'demo-monitor-pass');
    analyst = await t.login('analyst', 'demo-analyst-pass');
  });
  afterEach(() => t.close());

  const post = (payload: object, cookie = monitor, url = '/api/v1/reports') =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: analyst } });

  it('lets only a report’s sender correct it, and a public sender never', async () => {
    const { id } = (await post(buildReport())).json();
    const byOther = await post(buildReport({ correctionOf: id }), analyst);
    expect(byOther.statusCode).toBe(400);
    expect(byOther.json().error.details).toEqual([
      { path: 'body/correctionOf', message: 'only its sender can correct a report' },
    ]);
    const publicOne = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: buildReport({
        correctionOf: id,
        sourceRecordId: '42',
        source: { kind: 'dataset', name: 'ACLED' },
      }),
    });
    expect(publicOne.statusCode).toBe(201);
    expect(publicOne.json().replaces).toBeUndefined();
    const stored = await t.services.store.db
      .selectFrom('reports')
      .select(['id', 'superseded_by', 'source_key'])
      .execute();
    expect(stored.find((r) => r.id === id)?.superseded_by).toBeNull();
    expect(stored.every((r) => r.source_key === null)).toBe(true);
  });

  it('takes a corrected report out of its incident', async () => {
    const { id } = (await post(buildReport())).json();
    const moved = await post(
      buildReport({ correctionOf: id, location: { lon: 30, lat: 50, precision: 'exact' } }),
    );
    expect(moved.statusCode).toBe(201);
    const { incidents } = (await get('/api/v1/incidents')).json();
    expect(incidents).toHaveLength(1);
    expect(incidents[0].location).toMatchObject({ lon: 30, lat: 50 });
  });

  it('compares times by instant whatever their offset: one incident in either order', async () => {
    const eastern = buildReport({
      observedFrom: '2022-04-08T20:00:00+10:00',
      observedTo: '2022-04-08T20:30:00+10:00',
    });
    const utc = buildReport({
      observedFrom: '2022-04-08T10:10:00Z',
      observedTo: '2022-04-08T10:40:00Z',
      source: { kind: 'monitor', name: 'B' },
    });
    await post({ reports: [eastern, utc] });
    const { incidents } = (await get('/api/v1/incidents')).json();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      observedFrom: '2022-04-08T10:00:00.000Z',
      observedTo: '2022-04-08T10:40:00.000Z',
    });
  });

  it('records a batch of long Cyrillic texts (entries are measured in bytes)', async () => {
    const reports = Array.from({ length: 12 }, (_, i) =>
      buildReport({ text: 'Ж'.repeat(5000), clientId: `cyr-${i}` }),
    );
    const response = await post({ reports });
    expect(response.statusCode).toBe(200);
    expect(response.json().accepted).toBe(12);
  });

  it('treats a re-sent source record with any changed field as an update', async () => {
    const base = buildReport({
      sourceRecordId: 'R1',
      source: { kind: 'dataset', name: 'Test set' },
    });
    await post(base);
    expect((await post(base)).json().status).toBe('duplicate');
    const changed = await post({ ...base, observedTo: '2022-04-08T08:45:00Z' });
    expect(changed.json()).toMatchObject({ status: 'accepted', replaces: expect.any(String) });
  });

  it('stores nothing of an all-or-nothing intake when the intake refuses one report', async () => {
    const { systemPrincipal } = await import('../../core/auth/principal.js');
    const size = await t.services.record.size();
    const results = await t.services.reports.submit(
      [{ value: buildReport() }, { value: buildReport({ evidence: ['0'.repeat(64)] }) }],
      systemPrincipal('test'),
      { allOrNothing: true },
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(await t.services.record.size()).toBe(size);
    expect((await get('/api/v1/incidents')).json().incidents).toEqual([]);
  });

  it('refuses a bbox with empty parts', async () => {
    expect((await get('/api/v1/incidents?bbox=1,,3,4')).statusCode).toBe(400);
    expect((await get('/api/v1/incidents?bbox=,,,')).statusCode).toBe(400);
  });
});
