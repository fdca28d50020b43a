import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { buildReport } from '../../../test/support/report-factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describeEachDialect('people merging and splitting incidents', (dialect) => {
  let t: TestApp;
  let analyst: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    analyst = await t.login('analyst', 'demo-analyst-pass');
  });
  afterEach(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: analyst }, ...(payload ? { payload } : {}) });
  const membership = async () => {
    const { incidents } = (await call('GET', '/api/v1/incidents')).json();
    const groups = await Promise.all(
      incidents.map(async (i: { id: string }) =>
        (
          (await call('GET', `/api/v1/incidents/${i.id}`)).json().reports as {
            source: { name: string };
          }[]
        )
          .map((r) => r.source.name)
          .sort()
          .join('+'),
      ),
    );
    return groups.sort();
  };
  const report = (name: string, lon: number) =>
    buildReport({
      source: { kind: 'monitor', name },
      location: { lon, lat: 48.7232, precision: 'exact' },
    });

  it('splits a report out with a reason, and automatic grouping does not put it back', async () => {
    await call('POST', '/api/v1/reports', {
      reports: [report('A', 37.5606), report('B', 37.5607)],
    });
    expect(await membership()).toEqual(['A+B']);
    const { incidents } = (await call('GET', '/api/v1/incidents')).json();
    const detail = (await call('GET', `/api/v1/incidents/${incidents[0].id}`)).json();
    const b = detail.reports.find((r: { source: { name: string } }) => r.source.name === 'B').id;
    const split = await call('POST', `/api/v1/incidents/${incidents[0].id}/split`, {
      reportIds: [b],
      reason: 'different craters',
    });
    expect(split.statusCode).toBe(204);
    expect(await membership()).toEqual(['A', 'B']);
    // A third report close to both joins one of them, never both.
    await call('POST', '/api/v1/reports', report('C', 37.56065));
    const after = await membership();
    expect(after).toHaveLength(2);
    expect(after.some((g) => g.includes('A') && g.includes('B'))).toBe(false);
    // A person's merge afterwards wins over the earlier split.
    const ids = (await call('GET', '/api/v1/incidents'))
      .json()
      .incidents.map((i: { id: string }) => i.id);
    expect(
      (
        await call('POST', '/api/v1/incidents/merge', {
          incidentIds: ids,
          reason: 'same crater after all',
        })
      ).statusCode,
    ).toBe(204);
    expect(await membership()).toEqual(['A+B+C']);
    expect(await t.services.store.db.selectFrom('grouping_apart').selectAll().execute()).toEqual(
      [],
    );

    // Both decisions are on the incident's page, with who, why and their record entries.
    const [merged] = (await call('GET', '/api/v1/incidents')).json().incidents;
    const page = (await call('GET', `/api/v1/incidents/${merged.id}`)).json();
    expect(
      page.decisions.map((d: { kind: string; reason: string }) => `${d.kind}: ${d.reason}`),
    ).toEqual(['split: different craters', 'merge: same crater after all']);
    expect(page.decisions[0]).toMatchObject({
      incidentIds: [incidents[0].id],
      movedReportIds: [b],
    });
    expect(page.decisions[1].incidentIds.sort()).toEqual([...ids].sort());
    expect(Object.values(page.names)).toEqual(['analyst']);
    for (const [decision, type] of [
      [page.decisions[0], 'incident.split'],
      [page.decisions[1], 'incidents.merged'],
    ] as const) {
      const entry = (await call('GET', `/api/v1/record/events/${decision.eventId}`)).json();
      expect(entry).toMatchObject({ eventId: decision.eventId, type });
    }
    await t.services.record.signCheckpoint();
    expect((await t.services.record.audit()).problems).toEqual([]);
  });

  it('shows a split on both incidents it leaves', async () => {
    await call('POST', '/api/v1/reports', {
      reports: [report('A', 37.5606), report('B', 37.5607)],
    });
    const [whole] = (await call('GET', '/api/v1/incidents')).json().incidents;
    const detail = (await call('GET', `/api/v1/incidents/${whole.id}`)).json();
    expect(detail.decisions).toEqual([]);
    const b = detail.reports.find((r: { source: { name: string } }) => r.source.name === 'B').id;
    await call('POST', `/api/v1/incidents/${whole.id}/split`, { reportIds: [b], reason: 'two' });
    const parts = (await call('GET', '/api/v1/incidents')).json().incidents;
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      const shown = (await call('GET', `/api/v1/incidents/${part.id}`)).json().decisions;
      expect(shown.map((d: { reason: string }) => d.reason)).toEqual(['two']);
    }
  });

  it('names the other incident of a suggestion, so a person can confirm it by merging', async () => {
    const later = buildReport({
      source: { kind: 'monitor', name: 'B' },
      location: { lon: 37.5606, lat: 48.7232, precision: 'exact' },
      observedFrom: '2022-04-08T10:45:00Z',
      observedTo: '2022-04-08T10:45:00Z',
    });
    await call('POST', '/api/v1/reports', {
      reports: [{ ...report('A', 37.5606), observedTo: '2022-04-08T07:25:00Z' }, later],
    });
    expect(await membership()).toEqual(['A', 'B']);
    const ids = (await call('GET', '/api/v1/incidents'))
      .json()
      .incidents.map((i: { id: string }) => i.id) as string[];
    const [first = '', second = ''] = ids;
    const suggestion = (await call('GET', `/api/v1/incidents/${first}`)).json().groupings;
    expect(suggestion).toEqual([
      expect.objectContaining({
        otherIncidentId: second,
        explanation: expect.objectContaining({ decision: 'suggested' }),
      }),
    ]);
    await call('POST', '/api/v1/incidents/merge', { incidentIds: ids, reason: 'same strike' });
    expect(await membership()).toEqual(['A+B']);
    const [merged] = (await call('GET', '/api/v1/incidents')).json().incidents;
    const after = (await call('GET', `/api/v1/incidents/${merged.id}`)).json().groupings;
    expect(after).toEqual([expect.objectContaining({ otherIncidentId: null })]);
  });

  it('merges incidents with a reason, refusing nonsense', async () => {
    await call('POST', '/api/v1/reports', { reports: [report('A', 37.5), report('B', 37.9)] });
    expect(await membership()).toEqual(['A', 'B']);
    const ids = (await call('GET', '/api/v1/incidents'))
      .json()
      .incidents.map((i: { id: string }) => i.id);
    expect(
      (await call('POST', '/api/v1/incidents/merge', { incidentIds: ids, reason: '' })).statusCode,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api/v1/incidents/merge', {
          incidentIds: [ids[0], 'nope'],
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/api/v1/incidents/merge', { incidentIds: ids, reason: 'same convoy' }))
        .statusCode,
    ).toBe(204);
    expect(await membership()).toEqual(['A+B']);
    const viewer = await t.login('viewer', 'demo-viewer-pass');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents/merge',
      headers: { cookie: viewer },
      payload: { incidentIds: ids, reason: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    await t.services.record.signCheckpoint();
    expect((await t.services.record.audit()).problems).toEqual([]);
  });
});
