import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { capMessage, type CapAlert } from '../../core/alerts/cap.js';

const ownFixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/xml/${name}`, import.meta.url), 'utf8');
/** An XXE attack in a CAP alert (Google's CAP library's example, Apache 2.0). */
const XEE = new URL('../../../test/fixtures/cap/examples/xee.cap', import.meta.url).pathname;

/** A sensor's CAP alert about shelling near Kramatorsk. */
function sensorAlert(
  overrides: Partial<CapAlert> = {},
  parameters = [{ valueName: 'incidentType', value: 'shelling' }],
) {
  return capMessage({
    identifier: 'acoustic-7-000123',
    sender: 'sensors@mission.example',
    sent: '2026-01-05T10:02:00+00:00',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Restricted',
    restriction: 'mission only',
    info: [
      {
        categories: ['Security'],
        event: 'Artillery detected',
        urgency: 'Immediate',
        severity: 'Severe',
        certainty: 'Likely',
        onset: '2026-01-05T10:00:00+00:00',
        senderName: 'Acoustic array 7',
        headline: 'Three impacts north of Kramatorsk',
        parameters,
        areas: [
          { areaDesc: 'North of Kramatorsk', circles: [{ lat: 48.75, lon: 37.56, radiusKm: 0.5 }] },
        ],
      },
    ],
    ...overrides,
  });
}

describeEachDialect('CAP alerts as reports', (dialect) => {
  let t: TestApp;
  let monitor: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    monitor = await t.login('monitor', 'demo-monitor-pass');
  });
  afterEach(() => t.close());

  const send = (body: string, contentType = 'application/cap+xml', cookie = monitor) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/cap',
      headers: { cookie, 'content-type': contentType },
      payload: body,
    });

  it('files a CAP alert as a report, and a re-sent one as a duplicate', async () => {
    const first = await send(sensorAlert());
    expect(first.statusCode).toBe(201);
    const { id } = first.json();
    const stored = await t.app.inject({
      url: `/api/v1/reports/${id}`,
      headers: { cookie: monitor },
    });
    expect(stored.json().report).toMatchObject({
      type: 'shelling',
      mode: 'sensor',
      observedFrom: '2026-01-05T10:00:00.000Z',
      location: { lon: 37.56, lat: 48.75, radiusM: 500 },
      placeName: 'North of Kramatorsk',
      source: { kind: 'sensor', name: 'Acoustic array 7' },
      text: 'Three impacts north of Kramatorsk',
    });
    expect(stored.json().incidentId).toBe(id);
    const again = await send(sensorAlert());
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ status: 'duplicate', id });
  });

  it('refuses DTDs and entities (XXE, entity expansion) before parsing, naming the reason', async () => {
    const size = await t.services.record.size();
    for (const name of ['xxe-file.cap', 'xxe-billion-laughs.xml', 'lowercase-doctype.cap']) {
      const refused = await send(ownFixture(name));
      expect(refused.statusCode, name).toBe(400);
      expect(refused.json().error.message).toMatch(/DTD|entity/i);
    }
    expect(await t.services.record.size()).toBe(size);
    const reports = await t.app.inject({ url: '/api/v1/incidents', headers: { cookie: monitor } });
    expect(reports.json().incidents).toEqual([]);
  });

  it('refuses the xee.cap example', async () => {
    const refused = await send(readFileSync(XEE, 'utf8'));
    expect(refused.statusCode).toBe(400);
  });

  it('says what is missing or wrong in a CAP message', async () => {
    const untyped = await send(sensorAlert({}, []));
    expect(untyped.statusCode).toBe(400);
    expect(untyped.json().error.message).toContain('incidentType');
    const cancel = await send(
      sensorAlert({
        msgType: 'Cancel',
        references: [
          { sender: 'sensors@mission.example', identifier: 'x', sent: '2026-01-05T10:02:00+00:00' },
        ],
      }),
    );
    expect(cancel.json().error.message).toContain('reports nothing');
    const notCap = await send('<feed xmlns="http://www.w3.org/2005/Atom"/>');
    expect(notCap.json().error.message).toContain('not a CAP message');
    const broken = await send('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>');
    expect(broken.statusCode).toBe(400);
    const json = await send('{"a":1}', 'application/json');
    expect(json.statusCode).toBe(415);
    const huge = await send(`<alert>${' '.repeat(1_100_000)}</alert>`);
    expect(huge.statusCode).toBe(413);
    const viewer = await t.login('viewer', 'demo-viewer-pass');
    expect((await send(sensorAlert(), 'application/cap+xml', viewer)).statusCode).toBe(403);
  });
});
