import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

describeEachDialect('a demo start with the scenarios’ reports', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect); // demo users, no scenarios yet
  });
  afterEach(() => t.close());

  const incidents = async () => (await t.services.incidents.list({ limit: 500 })).incidents;

  it('loads the Minsk II events as reported incidents, once', async () => {
    expect(await incidents()).toEqual([]);
    await t.services.instance.bootstrap(true, { reports: true });
    const loaded = await incidents();
    // 88 UCDP events; some fall together into one incident, so there are fewer incidents.
    expect(loaded.length).toBeGreaterThan(40);
    expect(loaded.length).toBeLessThanOrEqual(88);
    expect(new Set(loaded.map((incident) => incident.status))).toEqual(new Set(['reported']));
    const reports = loaded.reduce((sum, incident) => sum + incident.reports, 0);
    expect(reports).toBe(88);
    // In February and March 2015, in Ukraine.
    for (const incident of loaded) {
      expect(incident.observedFrom >= '2015-02-14').toBe(true);
      expect(incident.observedFrom < '2015-04-01').toBe(true);
      const { lon, lat } = incident.location ?? { lon: NaN, lat: NaN };
      expect(lon > 22 && lon < 41 && lat > 44 && lat < 53).toBe(true);
    }
    // A second start finds the documents there and loads nothing again.
    await t.services.instance.bootstrap(true, { reports: true });
    expect((await incidents()).length).toBe(loaded.length);
  });

  it('loads no reports unless asked', async () => {
    await t.services.instance.bootstrap(true);
    expect(await incidents()).toEqual([]);
  });
});
