import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editedAgreement, MINIMAL_AGREEMENT } from '../../../test/support/agreement-files.js';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describeEachDialect('the agreements API', (dialect) => {
  let t: TestApp;
  let analyst: string;
  let viewer: string;
  beforeEach(async () => {
    t = await createTestApp(dialect, { scenarios: true });
    analyst = await t.login('analyst', 'demo-analyst-pass');
    viewer = await t.login('viewer', 'demo-viewer-pass');
  });
  afterEach(() => t.close());

  const get = (url: string, cookie = viewer) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    cookie = analyst,
  ) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('lists the demo documents with status, contradictions and score ranges', async () => {
    const response = await get('/api/v1/documents');
    expect(response.statusCode).toBe(200);
    const documents = response.json().documents as {
      id: string;
      contradictions: number;
      status: { status: string } | null;
      scores: { lowest: { total: number } } | null;
    }[];
    expect(documents.map((d) => d.id).sort()).toEqual([
      'budapest-memorandum-1994',
      'coalition-joint-statement-2026',
      'minsk-ii-2015',
      'paris-declaration-2026',
      'us-ukraine-security-guarantees',
    ]);
    const us = documents.find((d) => d.id === 'us-ukraine-security-guarantees');
    expect(us).toMatchObject({ contradictions: 1, status: { status: 'unresolved' } });
    expect(us?.scores?.lowest.total).toBeGreaterThan(0);
  });

  it('shows a document with its contradictions, scored commitments and zone bounds', async () => {
    const response = await get('/api/v1/documents/minsk-ii-2015');
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.document.title).toMatch(/Minsk/);
    expect(view.commitments.length).toBeGreaterThan(0);
    expect(view.commitments[0].scorecard.points).toHaveLength(13);
    expect(
      view.zones.map((z: { kind: string; geometryType: string }) => [z.kind, z.geometryType]),
    ).toEqual([
      ['line_of_contact', 'LineString'],
      ['security_zone', 'Polygon'],
      ['security_zone', 'Polygon'],
      ['security_zone', 'Polygon'],
    ]);
    const [west, south, east, north] = view.zones[0].bounds as number[];
    expect(west).toBeGreaterThan(37);
    expect(east).toBeLessThan(40);
    expect(south).toBeGreaterThan(47);
    expect(north).toBeLessThan(49);
    expect((await get('/api/v1/documents/no-such')).statusCode).toBe(404);
  });

  it('diffs the draft and final joint statement: the US backstop is gone', async () => {
    const response = await get(
      '/api/v1/documents/coalition-joint-statement-2026/diff?from=draft&to=final',
    );
    expect(response.statusCode).toBe(200);
    const diff = response.json();
    const deleted = diff.parts
      .filter((p: { op: string }) => p.op === 'delete')
      .map((p: { text: string }) => p.text)
      .join('');
    expect(deleted).toMatch(/United States/);
    expect(diff.wordsDeleted).toBeGreaterThan(10);
    expect(
      (await get('/api/v1/documents/coalition-joint-statement-2026/diff?from=draft')).statusCode,
    ).toBe(400);
  });

  it('serves zones as GeoJSON with the geo+json media type', async () => {
    const response = await get('/api/v1/zones?document=minsk-ii-2015&kind=line_of_contact');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = response.json();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0]).toMatchObject({
      type: 'Feature',
      id: 'minsk-ii-2015/line-of-contact-2015',
      geometry: { type: 'LineString' },
      properties: { kind: 'line_of_contact', approximate: true },
    });
    expect(collection.features[0].geometry.coordinates.length).toBeGreaterThan(5);
  });

  it('imports a file from the API, reports where its errors are, and refuses viewers', async () => {
    const file = parse(MINIMAL_AGREEMENT) as object;
    expect((await send('POST', '/api/v1/documents', file, viewer)).statusCode).toBe(403);
    const created = await send('POST', '/api/v1/documents', file);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ documentId: 'test-accord', created: true });
    expect((await send('POST', '/api/v1/documents', file)).json()).toMatchObject({
      created: false,
      saved: 0,
    });

    const bad = parse(editedAgreement('    obligor: BBB', '    obligor: ZZZ')) as object;
    const refused = await send('POST', '/api/v1/documents', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'body: 1 error; nothing was stored',
      details: [
        {
          path: 'body/commitments/0/obligor',
          message: expect.stringMatching(/^unknown actor "ZZZ"/),
        },
      ],
    });
    const mismatch = await send('PUT', '/api/v1/documents/other-id', file);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details[0].path).toBe('body/document/id');
  });

  it('exports a document as YAML that imports back unchanged', async () => {
    const response = await get('/api/v1/documents/paris-declaration-2026/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/yaml/);
    const again = await send(
      'PUT',
      '/api/v1/documents/paris-declaration-2026',
      parse(response.body) as object,
    );
    expect(again.json()).toMatchObject({ created: false, saved: 0, removed: 0 });
  });

  it('edits, rescoring, and removes a commitment', async () => {
    const url = '/api/v1/documents/us-ukraine-security-guarantees/commitments';
    const current = (await get(`${url}/usa-guarantee-15y`)).json();
    expect(current.scorecard.total).toBeGreaterThan(0);
    const withDeadline = {
      ...current.commitment,
      deadline: { duration: 'PT72H', binds: 'response' },
    };
    expect((await send('PUT', `${url}/usa-guarantee-15y`, withDeadline, viewer)).statusCode).toBe(
      403,
    );
    const saved = await send('PUT', `${url}/usa-guarantee-15y`, withDeadline);
    expect(saved.statusCode).toBe(200);
    const after = (await get(`${url}/usa-guarantee-15y`)).json();
    expect(after.scorecard.total).toBe(current.scorecard.total + 2);
    const wrongId = await send('PUT', `${url}/usa-guarantee-15y`, { ...withDeadline, id: 'other' });
    expect(wrongId.statusCode).toBe(400);
    expect((await send('DELETE', `${url}/usa-guarantee-15y`)).statusCode).toBe(200);
    expect((await get(`${url}/usa-guarantee-15y`)).statusCode).toBe(404);
  });

  it('adds a status claim with its source', async () => {
    const claim = { status: 'signed', date: '2026-03-01', source: { publisher: 'Test Wire' } };
    const response = await send('POST', '/api/v1/documents/paris-declaration-2026/status', claim);
    expect(response.statusCode).toBe(200);
    const view = (await get('/api/v1/documents/paris-declaration-2026')).json();
    expect(view.status).toMatchObject({
      status: 'signed',
      date: '2026-03-01',
      id: expect.stringMatching(/^2026-03-01-signed-[0-9a-f]{6}$/),
    });
  });

  it('answers bad edits with paths inside the request body', async () => {
    const url = '/api/v1/documents/us-ukraine-security-guarantees/commitments/usa-guarantee-15y';
    const current = (await get(url)).json();
    const refused = await send('PUT', url, { ...current.commitment, obligor: 'ZZZ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { path: 'body/obligor', message: expect.stringMatching(/^unknown actor "ZZZ"/) },
    ]);
    const claim = { status: 'signed', date: '2026-13-01', source: { publisher: 'X' } };
    const badClaim = await send('POST', '/api/v1/documents/paris-declaration-2026/status', claim);
    expect(badClaim.json().error.details).toEqual([
      { path: 'body/date', message: '"2026-13-01" is not a real date' },
    ]);
  });

  it('orders a new status claim by its instant, whatever its offset', async () => {
    const url = '/api/v1/documents/paris-declaration-2026';
    const first = (await get(url)).json().statusHistory[0];
    // 01:00 at +05:00 is 20:00 UTC the day before: it sorts before a claim dated that day.
    const date = `${first.date.slice(0, 10)}T01:00:00+05:00`;
    const response = await send('POST', `${url}/status`, {
      status: 'proposed',
      date,
      source: { publisher: 'Wire' },
    });
    expect(response.statusCode).toBe(200);
    expect((await get(url)).json().statusHistory[0]).toMatchObject({ status: 'proposed', date });
  });

  it('refuses zones asked for at a date that does not exist', async () => {
    const garbage = await get('/api/v1/zones?at=garbage');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.details[0].path).toMatch(/^querystring\/at/);
    const notADay = await get('/api/v1/zones?at=2015-13-45');
    expect(notADay.statusCode).toBe(400);
    expect(notADay.json().error.details).toEqual([
      { path: 'querystring/at', message: '"2015-13-45" is not a real date' },
    ]);
  });

  it('refuses bodies nested too deeply and strings that cannot be stored, never failing', async () => {
    let deep: unknown = [];
    for (let i = 0; i < 200; i++) deep = [deep];
    const nested = await send('POST', '/api/v1/documents', { truce: 'agreement/1', x: deep });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.details).toEqual([
      { path: 'body', message: 'nests values more than 64 levels deep' },
    ]);
    const file = parse(
      editedAgreement('title: Test Accord on a Ceasefire', 'title: "A\\ud800B"'),
    ) as { document: { title: string } };
    expect(file.document.title).toBe('A\ud800B');
    const surrogate = await send('POST', '/api/v1/documents', file);
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error.details[0].path).toBe('body/document/title');
  });

  it('filters commitments by obligor', async () => {
    const response = await get('/api/v1/commitments?obligor=RUS');
    const obligors = new Set(
      response
        .json()
        .commitments.map((c: { commitment: { obligor: string } }) => c.commitment.obligor),
    );
    expect([...obligors]).toEqual(['RUS']);
  });
});

describe('the agreement file schema', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp('sqlite', { demo: false });
  });
  afterEach(() => t.close());

  it('is public JSON Schema', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/agreements/schema' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      title: 'Truce agreement file',
      required: expect.arrayContaining(['truce', 'document', 'actors']),
    });
  });
});
