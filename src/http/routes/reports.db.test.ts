import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { buildReport } from '../../../test/support/report-factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describeEachDialect('taking in reports and grouping them into incidents', (dialect) => {
  let t: TestApp;
  let monitor: string;
  let viewer: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    monitor = await t.login('monitor', 'demo-monitor-pass');
    viewer = await t.login('viewer', 'demo-viewer-pass');
  });
  afterEach(() => t.close());

  const post = (payload: object, cookie = monitor) =>
    t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { cookie }, payload });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: viewer, ...headers } });

  it('accepts one report, durably, and answers a re-sent client id with the same report', async () => {
    const size = await t.services.record.size();
    const first = await post(buildReport({ clientId: 'tablet-7/0001' }));
    expect(first.statusCode).toBe(201);
    const { id, status } = first.json();
    expect(status).toBe('accepted');
    expect(await t.services.record.size()).toBe(size + 1);
    const again = await post(buildReport({ clientId: 'tablet-7/0001', text: 'changed on retry' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'duplicate', id });
    expect(await t.services.record.size()).toBe(size + 1);
  });

  it('writes concurrent single reports together (group commit), each answered on its own', async () => {
    const size = await t.services.record.size();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(buildReport({ clientId: `burst-${i}`, text: `burst ${i}` })),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(40);
    const entries = (await t.services.record.size()) - size;
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThan(40);
  });

  it('refuses a report too large for one record entry, without failing others', async () => {
    const huge = buildReport({ text: '\u{1F4A5}'.repeat(15_000) });
    const response = await post({ reports: [huge, buildReport()] });
    expect(response.json().results.map((r: { status: string }) => r.status)).toEqual([
      'rejected',
      'accepted',
    ]);
    expect(response.json().results[0].problems[0].message).toMatch(
      /a report may take at most 56 KiB/,
    );
  });

  it('answers a batch report by report, with the path of each bad field', async () => {
    const response = await post({
      reports: [
        buildReport(),
        buildReport({ type: 'fireworks', location: { lon: 200, lat: 48 } }),
        buildReport({ observedTo: '2022-04-08T07:00:00Z' }),
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ accepted: 1, duplicates: 0, rejected: 2 });
    expect(body.results[1].problems).toEqual(
      expect.arrayContaining([
        { path: 'body/reports/1/location/lon', message: expect.stringMatching(/180/) },
        {
          path: 'body/reports/1/type',
          message: expect.stringMatching(/^must be one of: shelling/),
        },
      ]),
    );
    expect(body.results[2].problems).toEqual([
      {
        path: 'body/reports/2/observedTo',
        message: 'is before observedFrom (2022-04-08T07:25:00Z)',
      },
    ]);
  });

  it('refuses a single bad report with the error format, and viewers altogether', async () => {
    const bad = await post(buildReport({ mode: 'guessed' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'body/mode', message: expect.stringMatching(/^must be one of: saw/) },
    ]);
    expect((await post(buildReport(), viewer)).statusCode).toBe(403);
  });

  it('groups reports of one strike from two sources into one incident and keeps a distant one apart', async () => {
    await post({
      reports: [
        buildReport(),
        buildReport({
          source: { kind: 'open_source', name: 'Bellingcat' },
          type: 'attack_on_civilians',
          location: { lon: 37.5609, lat: 48.7234, precision: 'exact' },
          observedFrom: '2022-04-08T00:00:00Z',
          observedTo: '2022-04-08T23:59:59Z',
        }),
        buildReport({
          location: { lon: 36.23, lat: 49.99, precision: 'vicinity' },
          text: 'Kharkiv',
        }),
      ],
    });
    const list = (await get('/api/v1/incidents')).json();
    expect(
      list.incidents
        .map((i: { reports: number; sources: number }) => [i.reports, i.sources])
        .sort(),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const grouped = list.incidents.find((i: { reports: number }) => i.reports === 2);
    const detail = (await get(`/api/v1/incidents/${grouped.id}`)).json();
    expect(detail.reports.map((r: { source: { name: string } }) => r.source.name).sort()).toEqual([
      'Bellingcat',
      'CIR',
    ]);
    expect(detail.groupings).toEqual([
      expect.objectContaining({
        explanation: expect.objectContaining({ decision: 'grouped', typeMatch: 'related' }),
      }),
    ]);
    expect(detail.groupings[0].explanation.distanceM).toBeLessThan(50);
  });

  it('forms the same incidents whatever order the reports arrive in', async () => {
    const reports = [
      buildReport({ source: { kind: 'monitor', name: 'Patrol 1' } }),
      buildReport({
        source: { kind: 'monitor', name: 'Patrol 2' },
        location: { lon: 37.57, lat: 48.7232, precision: 'locality' },
      }),
      buildReport({
        source: { kind: 'monitor', name: 'Patrol 3' },
        location: { lon: 37.585, lat: 48.7232, precision: 'locality' },
      }),
      buildReport({
        source: { kind: 'monitor', name: 'Patrol 4' },
        location: { lon: 37.7, lat: 48.7232, precision: 'vicinity' },
      }),
    ];
    const groupsAfter = async (order: number[]) => {
      const app = await createTestApp(dialect);
      try {
        const cookie = await app.login('monitor', 'demo-monitor-pass');
        for (const i of order) {
          await app.app.inject({
            method: 'POST',
            url: '/api/v1/reports',
            headers: { cookie },
            payload: reports[i] as object,
          });
        }
        const { incidents } = (
          await app.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { cookie } })
        ).json();
        const members = await Promise.all(
          incidents.map(async (i: { id: string }) =>
            (
              (
                await app.app.inject({
                  method: 'GET',
                  url: `/api/v1/incidents/${i.id}`,
                  headers: { cookie },
                })
              ).json().reports as { source: { name: string } }[]
            )
              .map((r) => r.source.name)
              .sort()
              .join('+'),
          ),
        );
        return members.sort();
      } finally {
        await app.close();
      }
    };
    const forward = await groupsAfter([0, 1, 2, 3]);
    expect(forward).toEqual(['Patrol 1+Patrol 2+Patrol 3', 'Patrol 4']);
    expect(await groupsAfter([3, 2, 0, 1])).toEqual(forward);
    expect(await groupsAfter([2, 3, 1, 0])).toEqual(forward);
  });

  it('filters incidents by bbox, time, type and words, pages by keyset, and speaks GeoJSON', async () => {
    const reports = Array.from({ length: 5 }, (_, i) =>
      buildReport({
        location: { lon: 30 + i, lat: 48, precision: 'exact' },
        observedFrom: `2022-04-0${i + 1}T10:00:00Z`,
        observedTo: `2022-04-0${i + 1}T10:10:00Z`,
        type: i % 2 === 0 ? 'shelling' : 'armed_clash',
        text: i === 4 ? 'Shelling near the water station' : 'Shelling',
      }),
    );
    await post({ reports });
    const ids = async (query: string) =>
      ((await get(`/api/v1/incidents${query}`)).json().incidents as { observedFrom: string }[]).map(
        (i) => i.observedFrom.slice(0, 10),
      );
    expect(await ids('?bbox=30.5,47,32.5,49')).toEqual(['2022-04-03', '2022-04-02']);
    expect(await ids('?type=shelling')).toEqual(['2022-04-05', '2022-04-03', '2022-04-01']);
    expect(await ids('?from=2022-04-04T00:00:00Z')).toEqual(['2022-04-05', '2022-04-04']);
    expect(await ids('?q=water%20station')).toEqual(['2022-04-05']);
    const first = (await get('/api/v1/incidents?limit=2')).json();
    expect(first.incidents).toHaveLength(2);
    const second = (await get(first.nextUrl)).json();
    expect(
      second.incidents.map((i: { observedFrom: string }) => i.observedFrom.slice(0, 10)),
    ).toEqual(['2022-04-03', '2022-04-02']);
    const geo = await get('/api/v1/incidents?limit=2', { accept: 'application/geo+json' });
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(geo.json()).toMatchObject({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [34, 48] } },
        expect.anything(),
      ],
      links: [
        { rel: 'next', href: expect.stringMatching(/^\/api\/v1\/incidents\?limit=2&cursor=/) },
      ],
    });
    const badBox = await get('/api/v1/incidents?bbox=1,2,3');
    expect(badBox.statusCode).toBe(400);
    expect(badBox.json().error.details[0].path).toBe('querystring/bbox');
    expect((await get('/api/v1/incidents?cursor=nonsense')).statusCode).toBe(400);
  });

  it('pages through a small map area newest first, across cell edges', async () => {
    // Seven incidents on a line across the edge of two quarter-degree cells (33.25), one outside.
    const reports = [33.19, 33.21, 33.23, 33.24, 33.26, 33.28, 33.3, 33.5].map((lon, i) =>
      buildReport({
        location: { lon, lat: 48.1, precision: 'exact' },
        observedFrom: `2022-05-0${i + 1}T10:00:00Z`,
        observedTo: `2022-05-0${i + 1}T10:10:00Z`,
      }),
    );
    await post({ reports });
    const days: string[] = [];
    let url: string | null = '/api/v1/incidents?bbox=33.2,48,33.4,48.2&limit=3';
    while (url !== null) {
      const page: { incidents: { observedFrom: string }[]; nextUrl: string | null } = (
        await get(url)
      ).json();
      days.push(
        ...page.incidents.map((i: { observedFrom: string }) => i.observedFrom.slice(8, 10)),
      );
      url = page.nextUrl;
    }
    expect(days).toEqual(['07', '06', '05', '04', '03', '02']);
  });

  it('exports every matching incident as formula-safe CSV', async () => {
    const reports = Array.from({ length: 3 }, (_, i) =>
      buildReport({
        observedFrom: `2022-04-0${i + 1}T10:00:00Z`,
        observedTo: undefined,
        location: { lon: 31 + i, lat: 48, precision: 'exact' },
        source: { kind: 'open_source', name: i === 1 ? '=HYPERLINK("http://x","y")' : 'CIR' },
      }),
    );
    await post({ reports });
    await post(
      buildReport({
        observedFrom: '2022-04-02T10:05:00Z',
        observedTo: undefined,
        location: { lon: 32, lat: 48, precision: 'exact' },
        source: { kind: 'monitor', name: '@patrol, "north"' },
      }),
    );
    const csv = await get('/api/v1/incidents.csv?bbox=30,47,40,49');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="incidents.csv"/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"id","type","status","observed_from","observed_to","lon","lat","radius_m","reports","sources","source_names"',
    );
    expect(lines).toHaveLength(4);
    // The incident of 2 April: two sources, their names harmless in a spreadsheet.
    expect(lines[2]).toContain(',32,48,10,2,2,');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"",""y""); @patrol, ""north"""`);
    expect(csv.body).not.toMatch(/(^|,)"?[=@]/m);
    const typed = await get('/api/v1/incidents.csv?type=armed_clash');
    expect(typed.body.trimEnd().split('\r\n')).toHaveLength(1);
    const badZone = await get('/api/v1/incidents.csv?zone=nowhere/none');
    expect(badZone.statusCode).toBe(400);
    expect(JSON.stringify(badZone.json().error.details)).toContain('zone');
    expect(badZone.headers['content-type']).toMatch(/^application\/json/);
  });

  it('clusters incidents per map cell, fewer and bigger as the map zooms out', async () => {
    const reports = Array.from({ length: 12 }, (_, i) =>
      buildReport({
        location: {
          lon: 30 + (i % 4) * 2 + (i < 8 ? 0 : 0.3),
          lat: 48 + Math.floor(i / 4) * 0.001,
          precision: 'exact',
        },
        observedFrom: `2022-04-01T${String(i).padStart(2, '0')}:00:00Z`,
        observedTo: `2022-04-01T${String(i).padStart(2, '0')}:05:00Z`,
      }),
    );
    await post({ reports });
    const clusters = async (query: string) => {
      const response = await get(`/api/v1/incidents/clusters?${query}`);
      expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
      return (response.json().features as { properties: { count: number } }[])
        .map((f) => f.properties.count)
        .sort((a, b) => a - b);
    };
    expect(await clusters('zoom=0')).toEqual([12]);
    // At zoom 9 a cell is about 0.18 degrees: reports 0.001 degrees apart share one, 0.3 apart do not.
    expect(await clusters('zoom=9')).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(await clusters('zoom=9&bbox=29,47,31,49')).toEqual([1, 2]);
    expect(await clusters('zoom=9&bbox=29,47,31,49&from=2022-04-01T08:00:00Z')).toEqual([1]);
    // Filters the in-memory index lacks are counted in the database, with the same cells.
    expect(await clusters('zoom=9&bbox=29,47,31,49&source=CIR')).toEqual([1, 2]);
    expect(await clusters('zoom=9&source=nobody')).toEqual([]);
    expect((await get('/api/v1/incidents/clusters?zoom=30')).statusCode).toBe(400);
  });

  it('keeps the record verifiable: replaying it gives the same reports, incidents and links', async () => {
    await post({
      reports: [buildReport(), buildReport({ source: { kind: 'party', name: 'Party A' } })],
    });
    await t.services.record.signCheckpoint();
    expect((await t.services.record.audit()).problems).toEqual([]);
  });

  it('relates an incident to the zones in force: inside, near the line, indeterminate in time', async () => {
    const app = await createTestApp(dialect, { scenarios: true });
    try {
      const cookie = await app.login('monitor', 'demo-monitor-pass');
      // Near Horlivka on the approximate 2015 line, the day withdrawal was due to start.
      const report = buildReport({
        observedFrom: '2015-02-16T20:00:00Z',
        observedTo: '2015-02-17T04:00:00Z',
        location: { lon: 38.0, lat: 48.25, precision: 'locality' },
        type: 'shelling',
      });
      const { id } = (
        await app.app.inject({
          method: 'POST',
          url: '/api/v1/reports',
          headers: { cookie },
          payload: report,
        })
      ).json();
      const detail = (
        await app.app.inject({ method: 'GET', url: `/api/v1/incidents/${id}`, headers: { cookie } })
      ).json();
      const byKind = (kind: string) =>
        detail.zones.filter((z: { kind: string }) => z.kind === kind);
      const [line] = byKind('line_of_contact');
      expect(line).toMatchObject({
        documentId: 'minsk-ii-2015',
        relation: 'near',
        approximate: true,
        inForce: 'yes',
      });
      expect(line.distanceM).toBeLessThan(10_000);
      const bands = byKind('security_zone');
      expect(bands).toHaveLength(3);
      for (const band of bands)
        expect(band).toMatchObject({ relation: 'inside', inForce: 'indeterminate' });
      // Filtering by zone: Kyiv is far outside the 50 km band; the Horlivka report is inside.
      await app.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: { cookie },
        payload: buildReport({
          location: { lon: 30.52, lat: 50.45, precision: 'locality' },
          type: 'shelling',
        }),
      });
      const inZone = async (zone: string) =>
        app.app.inject({
          method: 'GET',
          url: `/api/v1/incidents?zone=${zone}`,
          headers: { cookie },
        });
      const filtered = (await inZone('minsk-ii-2015/security-zone-artillery-50km')).json();
      expect(filtered.incidents.map((i: { id: string }) => i.id)).toEqual([id]);
      const unknown = await inZone('minsk-ii-2015/no-such-zone');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details[0].path).toBe('querystring/zone');
    } finally {
      await app.close();
    }
  });
});
