import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { buildApp } from '../app.js';
import { importGuarantee } from '../../../test/support/accountability.js';

/** How many incidents a clusters answer stands for. */
const clusteredCount = (body: { features: { properties: { count: number } }[] }) =>
  body.features.reduce((sum, feature) => sum + feature.properties.count, 0);

/** How many incidents a timeline answer counts. */
const binnedCount = (body: { bins: { count: number }[] }) =>
  body.bins.reduce((sum, bin) => sum + bin.count, 0);

/** A report near Debaltseve in February 2015 as one source saw it; fields overridable. */
function buildReport(overrides: Record<string, unknown> = {}) {
  return {
    observedFrom: '2015-02-15T10:00:00Z',
    observedTo: '2015-02-15T10:30:00Z',
    location: { lon: 38.4, lat: 48.34, precision: 'exact' },
    mode: 'heard',
    type: 'shelling',
    source: { kind: 'monitor', name: 'Patrol 1' },
    text: 'Shelling heard from the south',
    ...overrides,
  };
}

/** Sends reports as the session of `cookie`; answers how many were accepted. */
async function postReports(t: TestApp, cookie: string, reports: unknown[]): Promise<number> {
  const posted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: { cookie },
    payload: { reports },
  });
  return posted.json().accepted as number;
}

/** Six incidents on six days, far apart: shelling and armed clashes, monitors and parties. */
const WEEK = Array.from({ length: 6 }, (_, i) =>
  buildReport({
    observedFrom: `2015-02-1${i + 2}T10:00:00Z`,
    observedTo: `2015-02-1${i + 2}T10:30:00Z`,
    location: { lon: 30 + i, lat: 48, precision: 'exact' },
    type: i % 2 === 0 ? 'shelling' : 'armed_clash',
    source: i < 4 ? { kind: 'monitor', name: 'Patrol 1' } : { kind: 'party', name: 'Party A' },
    text: i === 5 ? 'Clash at the water station' : 'Firing',
  }),
);

describeEachDialect(
  'the operations screen: timeline, and filters for maps and lists',
  (dialect) => {
    let t: TestApp;
    let monitor: string;
    let viewer: string;
    beforeEach(async () => {
      t = await createTestApp(dialect);
      monitor = await t.login('monitor', 'demo-monitor-pass');
      viewer = await t.login('viewer', 'demo-viewer-pass');
      expect(await postReports(t, monitor, WEEK)).toBe(6);
    });
    afterEach(() => t.close());

    const get = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers: { cookie: viewer, ...headers } });
    const counts = async (query: string) => {
      const response = await get(`/api/v1/incidents/timeline?${query}`);
      expect(response.statusCode).toBe(200);
      return response.json() as {
        from: string | null;
        to: string | null;
        binMs: number;
        bins: { start: string; count: number }[];
        unlocated: number;
      };
    };

    it('counts incidents per day over their whole range, with empty days, whatever from/to say', async () => {
      const timeline = await counts('bins=10&from=2015-02-16T00:00:00Z');
      expect(timeline).toMatchObject({
        from: '2015-02-12T00:00:00.000Z',
        to: '2015-02-18T00:00:00.000Z',
        binMs: 86_400_000,
      });
      expect(timeline.bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 1, 1]);
      expect(timeline.bins[0]).toEqual({ start: '2015-02-12T00:00:00.000Z', count: 1 });
      // Fewer bins than days: wider bins, never more than asked for.
      const coarse = await counts('bins=3');
      expect(coarse.bins.length).toBeLessThanOrEqual(3);
      expect(binnedCount(coarse)).toBe(6);
    });

    it('filters the timeline by type, several statuses, source kind, words and zone', async () => {
      const total = async (query: string) => binnedCount(await counts(query));
      expect(await total('type=armed_clash')).toBe(3);
      expect(await total('status=reported,verified')).toBe(6);
      expect(await total('status=verified,rejected')).toBe(0);
      expect(await total('sourceKind=party')).toBe(2);
      expect(await total('sourceKind=party&type=shelling')).toBe(1);
      expect(await total('q=water%20station')).toBe(1);
      expect(await total('bbox=29.5,47,31.5,49')).toBe(2);
      expect(await counts('type=mining')).toEqual({
        from: null,
        to: null,
        binMs: 86_400_000,
        bins: [],
        unlocated: 0,
      });
    });

    it('counts the incidents without a place as the list does, and says how many they are', async () => {
      const unplaced = (day: number, type: string) => {
        const { location: _location, ...report } = buildReport({
          observedFrom: `2015-02-${day}T10:00:00Z`,
          observedTo: `2015-02-${day}T10:30:00Z`,
          type,
          text: `Heard from somewhere, day ${day}`,
        });
        return report;
      };
      const unplacedReports = [unplaced(20, 'shelling'), unplaced(22, 'armed_clash')];
      expect(await postReports(t, monitor, unplacedReports)).toBe(2);
      const listed = async (query: string) =>
        ((await get(`/api/v1/incidents?${query}`)).json().incidents as unknown[]).length;

      const all = await counts('bins=20');
      expect(binnedCount(all)).toBe(8);
      expect(all.unlocated).toBe(2);
      expect(all.to).toBe('2015-02-23T00:00:00.000Z');
      expect(await listed('')).toBe(8);
      const clashes = await counts('type=armed_clash');
      expect([binnedCount(clashes), clashes.unlocated]).toEqual([4, 1]);
      expect(await listed('type=armed_clash')).toBe(4);
      const words = await counts('q=somewhere');
      expect([binnedCount(words), words.unlocated]).toEqual([2, 2]);
      // An area holds no incident without a place.
      const area = await counts('bbox=29.5,47,31.5,49');
      expect([binnedCount(area), area.unlocated]).toEqual([2, 0]);
    });

    it('filters lists and clusters by several statuses and by source kind', async () => {
      const listed = async (query: string) =>
        ((await get(`/api/v1/incidents?${query}`)).json().incidents as unknown[]).length;
      expect(await listed('status=reported,corroborated')).toBe(6);
      expect(await listed('status=corroborated')).toBe(0);
      expect(await listed('sourceKind=monitor')).toBe(4);
      const clustered = async (query: string) =>
        clusteredCount((await get(`/api/v1/incidents/clusters?zoom=4&${query}`)).json());
      expect(await clustered('')).toBe(6);
      expect(await clustered('status=reported,verified')).toBe(6);
      expect(await clustered('status=verified')).toBe(0);
      expect(await clustered('sourceKind=party')).toBe(2);
      expect(await clustered('q=water')).toBe(1);
    });

    it('refuses bad filters with a 400 naming the field', async () => {
      const fieldOf = async (url: string) => {
        const response = await get(url);
        expect(response.statusCode).toBe(400);
        return (response.json().error.details as { path: string }[]).map((d) => d.path);
      };
      expect(await fieldOf('/api/v1/incidents/timeline?bins=0')).toEqual(['querystring/bins']);
      expect(await fieldOf('/api/v1/incidents/timeline?bins=many')).toEqual(['querystring/bins']);
      expect(await fieldOf('/api/v1/incidents/timeline?status=reported,lost')).toEqual([
        'querystring/status',
      ]);
      expect(await fieldOf('/api/v1/incidents/timeline?sourceKind=rumour')).toEqual([
        'querystring/sourceKind',
      ]);
      expect(await fieldOf('/api/v1/incidents/timeline?bbox=1,2')).toEqual(['querystring/bbox']);
      expect(await fieldOf('/api/v1/incidents/timeline?zone=nowhere/none')).toEqual([
        'querystring/zone',
      ]);
      expect(await fieldOf('/api/v1/incidents/clusters?zoom=5&zone=nowhere/none')).toEqual([
        'querystring/zone',
      ]);
      expect(await fieldOf('/api/v1/incidents?status=lost')).toEqual(['querystring/status']);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/incidents/timeline' })).statusCode,
      ).toBe(401);
    });
  },
);

describeEachDialect('filtering the operations screen by a zone of a document', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { scenarios: true });
  });
  afterEach(() => t.close());

  it('counts on maps and timelines only incidents inside the zone or crossing its edge', async () => {
    const cookie = await t.login('monitor', 'demo-monitor-pass');
    // Horlivka is inside the 50 km band of the 2015 line; Kyiv is far outside.
    await postReports(t, cookie, [
      buildReport({ location: { lon: 38.0, lat: 48.25, precision: 'locality' } }),
      buildReport({ location: { lon: 30.52, lat: 50.45, precision: 'locality' } }),
    ]);
    const zone = 'zone=minsk-ii-2015/security-zone-artillery-50km';
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const clusters = (await get(`/api/v1/incidents/clusters?zoom=6&${zone}`)).json();
    expect(clusteredCount(clusters)).toBe(1);
    const timeline = (await get(`/api/v1/incidents/timeline?${zone}`)).json();
    expect(binnedCount(timeline)).toBe(1);
    const everything = (await get('/api/v1/incidents/timeline')).json();
    expect(binnedCount(everything)).toBeGreaterThanOrEqual(2);
  });
});

describeEachDialect('a zone filter at the zone’s edge and across its searches', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    await importGuarantee(t);
  });
  afterEach(() => t.close());

  it('keeps incidents outside the zone’s box whose precision circle crosses its edge', async () => {
    const cookie = await t.login('monitor', 'demo-monitor-pass');
    // The security zone is the box 37.0-38.5 E, 48.0-49.0 N. At 48.5 N a tenth of a degree of
    // longitude is 7.4 km: within a district's 10 km of the east edge; three tenths are not.
    await postReports(t, cookie, [
      buildReport({ location: { lon: 38.6, lat: 48.5, precision: 'district' } }),
      buildReport({ location: { lon: 38.8, lat: 48.5, precision: 'district' } }),
      // 1.5 degrees (110 km) east of the edge, with a source's own radius of 150 km: wider
      // than any precision of the vocabulary, so it reaches in from far outside the box.
      // (A day later, so it is not grouped with the others.)
      buildReport({
        observedFrom: '2015-02-16T10:00:00Z',
        observedTo: '2015-02-16T10:30:00Z',
        location: { lon: 40.0, lat: 48.5, radiusM: 150_000 },
      }),
    ]);
    const zone = 'zone=test-guarantee/security-zone';
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const listed = (await get(`/api/v1/incidents?${zone}`)).json().incidents;
    const lonsOf = (page: { incidents: { location: { lon: number } }[] }) =>
      page.incidents.map((incident) => incident.location.lon);
    // Newest first: the wide one was seen a day later.
    expect(lonsOf({ incidents: listed })).toEqual([40.0, 38.6]);
    // One a page, following the cursors: the same incidents, each once, in the same order
    // (the near and the far searches are merged page by page).
    const paged: number[] = [];
    let url = `/api/v1/incidents?${zone}&limit=1`;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = (await get(url)).json();
      paged.push(...lonsOf(page));
      if (page.next === null) break;
      url = `/api/v1/incidents?${zone}&limit=1&cursor=${page.next}`;
    }
    expect(paged).toEqual([40.0, 38.6]);
    const clusters = (await get(`/api/v1/incidents/clusters?zoom=6&${zone}`)).json();
    expect(clusteredCount(clusters)).toBe(2);
    const timeline = (await get(`/api/v1/incidents/timeline?${zone}`)).json();
    expect(binnedCount(timeline)).toBe(2);
    // A world view across the antimeridian (100 E eastwards to 60 E) holds the zone.
    const across = 'bbox=100,-80,60,80';
    const acrossClusters = (
      await get(`/api/v1/incidents/clusters?zoom=1&${across}&${zone}`)
    ).json();
    expect(clusteredCount(acrossClusters)).toBe(2);
    expect((await get(`/api/v1/incidents?${across}&${zone}`)).json().incidents).toHaveLength(2);
    // One that does not (170 E to 170 W) holds none of it.
    const pacific = 'bbox=170,-80,-170,80';
    expect((await get(`/api/v1/incidents?${pacific}&${zone}`)).json().incidents).toHaveLength(0);
  });

  it('gives every matching incident once, newest first, whatever the page size', async () => {
    const cookie = await t.login('monitor', 'demo-monitor-pass');
    const at = (day: number, hour: number) => ({
      observedFrom: `2015-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`,
      observedTo: `2015-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:30:00Z`,
    });
    // Inside the zone (37.0-38.5 E, 48.0-49.0 N), far enough apart never to be grouped; one a
    // day, but two on day 3 at the same time (a tie broken by id). Wide radii: one inside (in
    // the near and the far search both), two far east reaching in, one far east not.
    const reports = [
      { ...at(1, 8), location: { lon: 37.2, lat: 48.2, precision: 'exact' } },
      { ...at(2, 8), location: { lon: 38.1, lat: 48.8, radiusM: 120_000 } },
      { ...at(3, 8), location: { lon: 37.4, lat: 48.4, precision: 'exact' } },
      { ...at(3, 8), location: { lon: 37.9, lat: 48.3, precision: 'exact' } },
      { ...at(4, 8), location: { lon: 40.0, lat: 48.5, radiusM: 150_000 } },
      { ...at(5, 8), location: { lon: 37.6, lat: 48.9, precision: 'exact' } },
      { ...at(6, 8), location: { lon: 40.2, lat: 48.6, radiusM: 200_000 } },
      { ...at(7, 8), location: { lon: 41.5, lat: 48.5, radiusM: 60_000 } },
      // Just east of the zone, in its near search but not in it: the newest of all, so the
      // first near page holds nothing but them and a far page must wait for the next one.
      { ...at(7, 20), location: { lon: 38.9, lat: 48.2, precision: 'exact' } },
      { ...at(8, 8), location: { lon: 38.9, lat: 48.7, precision: 'exact' } },
    ].map((place) => buildReport(place));
    expect(await postReports(t, cookie, reports)).toBe(10);
    const zone = 'zone=test-guarantee/security-zone';
    const listAll = async (limit: number) => {
      const seen: string[] = [];
      let url = `/api/v1/incidents?${zone}&limit=${limit}`;
      for (let pages = 0; pages < 20; pages += 1) {
        const page = (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
        seen.push(
          ...page.incidents.map(
            (i: { observedFrom: string; location: { lon: number } }) =>
              `${i.observedFrom.slice(8, 10)} ${i.location.lon}`,
          ),
        );
        if (page.next === null) return seen;
        url = `/api/v1/incidents?${zone}&limit=${limit}&cursor=${page.next}`;
      }
      throw new Error('more than 20 pages');
    };
    const whole = await listAll(100);
    // Every incident but those outside whose precision does not reach the zone.
    expect([...whole].sort()).toEqual(
      ['01 37.2', '02 38.1', '03 37.4', '03 37.9', '04 40', '05 37.6', '06 40.2'].sort(),
    );
    expect(whole.map((entry) => entry.slice(0, 2))).toEqual([
      '06',
      '05',
      '04',
      '03',
      '03',
      '02',
      '01',
    ]);
    for (const limit of [1, 2, 3]) expect(await listAll(limit)).toEqual(whole);
  });
});

describeEachDialect('the basemap setting of the operations map', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(() => t.close());

  it('tells the web app the tile URL template, or null for the offline basemap', async () => {
    const offline = await t.app.inject({ method: 'GET', url: '/api/v1/instance' });
    expect(offline.json().mapTiles).toBeNull();
    const template = 'https://tiles.example.org/{z}/{x}/{y}.png';
    const online = await buildApp(t.services, { logLevel: 'silent', mapTiles: template });
    try {
      const answer = await online.inject({ method: 'GET', url: '/api/v1/instance' });
      expect(answer.json()).toMatchObject({ mapTiles: template, demo: expect.any(Boolean) });
    } finally {
      await online.close();
    }
  });
});
