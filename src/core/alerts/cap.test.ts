// Just over 400 lines: the CAP builder's tests share one alert and one area, and every message
// is checked against the OASIS schema; the refusals and times are short describe blocks here.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXml } from '../../../test/support/xmllint.js';
import {
  CAP_MESSAGE_TYPES,
  CAP_SCOPES,
  capMessage,
  type CapAlert,
  type CapArea,
  type CapInfo,
} from './cap.js';
import { parseCapMessage } from './xml-input.js';

const CAP_SCHEMA = {
  xsd: fileURLToPath(new URL('../../../test/fixtures/cap/CAP-v1.2.xsd', import.meta.url)),
};

function expectValid(xml: string): void {
  expect(() => validateXml(xml, CAP_SCHEMA)).not.toThrow();
}

function buildInfo(overrides: Partial<CapInfo> = {}): CapInfo {
  return {
    categories: ['Security'],
    event: 'Ceasefire violation',
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Observed',
    ...overrides,
  };
}

function buildAlert(overrides: Partial<CapAlert> = {}): CapAlert {
  return {
    identifier: 'truce-alert-1',
    sender: 'alerts@truce.example.org',
    sent: '2025-03-14T09:26:53+02:00',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    info: [buildInfo()],
    ...overrides,
  };
}

const EARLIER = {
  sender: 'alerts@truce.example.org',
  identifier: 'truce-alert-0',
  sent: '2025-03-14T08:00:00+02:00',
};

const KRAMATORSK: CapArea = {
  areaDesc: 'Kramatorsk rail station and 2 km around it',
  polygons: [
    [
      [37.55, 48.72],
      [37.6, 48.72],
      [37.6, 48.75],
      [37.55, 48.75],
    ],
  ],
  circles: [{ lon: 37.57, lat: 48.73, radiusKm: 2 }],
};

/** A message for each scope, with what that scope needs. */
function scoped(scope: CapAlert['scope']): Partial<CapAlert> {
  if (scope === 'Restricted') return { scope, restriction: 'Guarantor governments only' };
  if (scope === 'Private') return { scope, addresses: ['mfa@guarantor.example', 'Desk Officer'] };
  return { scope };
}

describe('CAP 1.2 messages', () => {
  it('writes a small alert exactly, in the schema order, with the declaration and namespace', () => {
    expect(capMessage(buildAlert({ info: [buildInfo({ areas: [KRAMATORSK] })] }))).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
        '  <identifier>truce-alert-1</identifier>',
        '  <sender>alerts@truce.example.org</sender>',
        '  <sent>2025-03-14T09:26:53+02:00</sent>',
        '  <status>Actual</status>',
        '  <msgType>Alert</msgType>',
        '  <scope>Public</scope>',
        '  <info>',
        '    <category>Security</category>',
        '    <event>Ceasefire violation</event>',
        '    <urgency>Immediate</urgency>',
        '    <severity>Severe</severity>',
        '    <certainty>Observed</certainty>',
        '    <area>',
        '      <areaDesc>Kramatorsk rail station and 2 km around it</areaDesc>',
        '      <polygon>48.72,37.55 48.72,37.6 48.75,37.6 48.75,37.55 48.72,37.55</polygon>',
        '      <circle>48.73,37.57 2</circle>',
        '    </area>',
        '  </info>',
        '</alert>',
      ].join('\n'),
    );
  });

  describe.each(CAP_MESSAGE_TYPES)('a message of type %s', (msgType) => {
    const references = msgType === 'Alert' ? {} : { references: [EARLIER] };
    const info = ['Cancel', 'Ack', 'Error'].includes(msgType) ? { info: [] } : {};

    it.each(CAP_SCOPES)('with scope %s is valid against the CAP 1.2 schema', (scope) => {
      expectValid(capMessage(buildAlert({ msgType, ...references, ...info, ...scoped(scope) })));
    });
  });

  it('writes references as sender,identifier,sent triples and incidents as a list', () => {
    const xml = capMessage(
      buildAlert({
        msgType: 'Update',
        references: [EARLIER, { ...EARLIER, identifier: 'truce-alert-00', sent: new Date(0) }],
        incidents: ['incident-17', 'incident 18'],
      }),
    );
    expectValid(xml);
    expect(xml).toContain(
      '<references>alerts@truce.example.org,truce-alert-0,2025-03-14T08:00:00+02:00 ' +
        'alerts@truce.example.org,truce-alert-00,1970-01-01T00:00:00+00:00</references>',
    );
    expect(xml).toContain('<incidents>incident-17 "incident 18"</incidents>');
  });

  it('lets an Alert refer to earlier messages too', () => {
    expectValid(capMessage(buildAlert({ references: [EARLIER] })));
  });

  it('quotes addresses that contain spaces, as CAP requires', () => {
    const xml = capMessage(buildAlert(scoped('Private')));
    expect(xml).toContain('<addresses>mfa@guarantor.example "Desk Officer"</addresses>');
  });

  it('writes every optional field, several info blocks and areas, all valid', () => {
    const full = buildInfo({
      language: 'en-GB',
      categories: ['Security', 'Safety'],
      responseTypes: ['Monitor', 'Assess'],
      effective: '2025-03-14T09:30:00+02:00',
      onset: '2025-03-14T09:00:00+02:00',
      expires: new Date('2025-03-15T07:30:00Z'),
      senderName: 'Truce monitoring mission',
      headline: 'Verified shelling inside the security zone',
      description: 'Two impacts confirmed by two independent sources.',
      instruction: 'Guarantors: consult within 48 hours (Article 7.2).',
      web: 'https://truce.example.org/incidents/17',
      contact: 'duty officer +380 44 000 0000',
      parameters: [
        { valueName: 'commitment', value: 'agreement-3/commitment-7.2' },
        { valueName: 'verification', value: 'confirmed' },
      ],
      areas: [
        KRAMATORSK,
        {
          areaDesc: 'Line of contact, northern sector',
          circles: [{ lon: 38, lat: 48, radiusKm: 15.5 }],
        },
        { areaDesc: 'Whole region' },
      ],
    });
    const ukrainian = buildInfo({
      language: 'uk-UA',
      event: 'Порушення режиму припинення вогню',
      headline: 'Обстріл у зоні безпеки',
    });
    const xml = capMessage(buildAlert({ note: 'Second notice', info: [full, ukrainian] }));
    expectValid(xml);
    expect(xml.match(/<info>/g)).toHaveLength(2);
    expect(xml.match(/<area>/g)).toHaveLength(3);
  });

  it('escapes & < > in text, keeps quotes and non-ASCII, and reads back the same text', () => {
    const text = `Shelling near "School No. 5" & the <market> at Kostiantynivka's edge; Костянтинівка`;
    const xml = capMessage(
      buildAlert({
        note: text,
        info: [buildInfo({ headline: text, description: text, areas: [{ areaDesc: text }] })],
      }),
    );
    expectValid(xml);
    expect(xml).toContain(
      `<headline>Shelling near "School No. 5" &amp; the &lt;market&gt; at Kostiantynivka's edge; Костянтинівка</headline>`,
    );
    const read = parseCapMessage(xml);
    expect(read.note).toBe(text);
    expect(read.info[0]?.headline).toBe(text);
    expect(read.info[0]?.areas[0]?.areaDesc).toBe(text);
  });

  it('writes text shaped like an entity or character reference as text, not as markup', () => {
    // xmlbuilder2 alone would leave these as references, and "&lt;" would come back as "<".
    const text = 'Quoted from a report: &lt;b&gt; &amp; &#65; &x; AT&T;';
    const xml = capMessage(buildAlert({ note: text, info: [buildInfo({ event: text })] }));
    expectValid(xml);
    expect(xml).toContain(
      '<note>Quoted from a report: &amp;lt;b&amp;gt; &amp;amp; &amp;#65; &amp;x; AT&amp;T;</note>',
    );
    expect(parseCapMessage(xml).note).toBe(text);
    expect(parseCapMessage(xml).info[0]?.event).toBe(text);
  });

  it('stays valid and reads back for many generated messages', () => {
    const alphabet = [...'aZ09 -_.,;:!?\n\t&<>"\'/=#', 'Київ', 'ї', 'ґ', 'é', '中', '😀', ']]>'];
    const text = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 40 });
    const token = fc.stringMatching(/^[A-Za-z0-9@._:-]{1,30}$/);
    const time = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    // Micro-degrees, so that "distinct points" means the same here as in the written message.
    const degrees = (limit: number) =>
      fc.integer({ min: -limit * 1e6, max: limit * 1e6 }).map((micro) => micro / 1e6);
    const position = fc.tuple(degrees(180), degrees(90));
    const area = fc.record({
      areaDesc: text.filter((value) => value.trim() !== ''),
      polygons: fc.array(fc.array(position, { minLength: 3, maxLength: 6 }), { maxLength: 2 }),
      circles: fc.array(
        fc.record({
          lon: degrees(180),
          lat: degrees(90),
          radiusKm: fc.double({ min: 0, max: 500, noNaN: true }),
        }),
        { maxLength: 2 },
      ),
    });
    const info = fc.record({
      event: text.filter((value) => value.trim() !== ''),
      headline: text,
      description: text,
      areas: fc.array(area, { maxLength: 2 }),
    });
    const message = fc.record({
      identifier: token,
      sender: token,
      sent: time,
      msgType: fc.constantFrom(...CAP_MESSAGE_TYPES),
      scope: fc.constantFrom(...CAP_SCOPES),
      note: text,
      info: fc.array(info, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(message, (generated) => {
        const alert = buildAlert({
          identifier: generated.identifier,
          sender: generated.sender,
          sent: generated.sent,
          msgType: generated.msgType,
          note: generated.note,
          ...scoped(generated.scope),
          ...(generated.msgType === 'Alert' ? {} : { references: [EARLIER] }),
          info: generated.info.map((block) => buildInfo(block)),
        });
        const distinct = (ring: readonly (readonly number[])[]): number =>
          new Set(ring.map((position) => position.join())).size;
        const polygons = generated.info.flatMap((block) => block.areas.flatMap((a) => a.polygons));
        fc.pre(polygons.every((ring) => distinct(ring) >= 3));
        const xml = capMessage(alert);
        validateXml(xml, CAP_SCHEMA);
        const read = parseCapMessage(xml);
        expect(read.identifier).toBe(generated.identifier);
        expect(read.note).toBe(generated.note.trim());
        expect(read.sent).toBe(`${generated.sent.toISOString().slice(0, 19)}+00:00`);
        expect(read.info.map((block) => block.event)).toEqual(
          generated.info.map((block) => block.event.trim()),
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe('CAP times', () => {
  const sentAs = (sent: CapAlert['sent']): string | undefined =>
    /<sent>(.*)<\/sent>/.exec(capMessage(buildAlert({ sent })))?.[1];

  it.each([
    [new Date('2025-03-14T07:26:53.999Z'), '2025-03-14T07:26:53+00:00'],
    ['2025-03-14T07:26:53Z', '2025-03-14T07:26:53+00:00'],
    ['2025-03-14T07:26:53.5Z', '2025-03-14T07:26:53+00:00'],
    ['2025-03-14T09:26:53.25+02:00', '2025-03-14T09:26:53+02:00'],
    ['2025-03-14T02:26:53-05:00', '2025-03-14T02:26:53-05:00'],
  ])('writes %j as %s (whole seconds, an explicit offset, the offset kept)', (sent, written) => {
    expect(sentAs(sent)).toBe(written);
  });

  it.each<[CapAlert['sent'], string]>([
    ['2025-03-14T07:26:53', 'no zone'],
    ['2025-02-30T07:26:53Z', 'February 30'],
    ['2025-03-14T24:00:00Z', 'hour 24'],
    ['2025-03-14 07:26:53Z', 'a space for T'],
    ['2025-03-14T07:26:53+15:00', 'an offset past 14 hours'],
    [new Date(Number.NaN), 'an invalid Date'],
    [new Date('+010000-01-01T00:00:00Z'), 'year 10000'],
  ])('refuses %j (%s), naming the field', (sent) => {
    expect(() => capMessage(buildAlert({ sent }))).toThrow(/^sent: /);
  });
});

describe('CAP input that cannot make a valid message', () => {
  it.each<[string, Partial<CapAlert>, RegExp]>([
    ['Restricted scope without restriction', { scope: 'Restricted' }, /^restriction: is required/],
    ['a restriction on a Public message', { restriction: 'x' }, /^restriction: is only for/],
    ['Private scope without addresses', { scope: 'Private' }, /^addresses: at least one/],
    [
      'an address with a double quote',
      { scope: 'Private', addresses: ['a"b'] },
      /^addresses\[0\]: CAP has no way/,
    ],
    [
      'an Update without references',
      { msgType: 'Update' },
      /^references: msgType Update must name/,
    ],
    ['a Cancel without references', { msgType: 'Cancel', info: [] }, /^references: /],
    ['an Alert without info', { info: [] }, /^info: msgType Alert needs at least one/],
    ['an identifier with a space', { identifier: 'alert 1' }, /^identifier: "alert 1" must be/],
    ['a sender with a comma', { sender: 'a,b' }, /^sender: /],
    ['an empty identifier', { identifier: '' }, /^identifier: /],
    [
      'an unknown status',
      { status: 'Real' as CapAlert['status'] },
      /^status: "Real" is not one of/,
    ],
    [
      'a reference with a space in its identifier',
      { msgType: 'Update', references: [{ ...EARLIER, identifier: 'a b' }] },
      /^references\[0\]\.identifier: /,
    ],
    ['a control character in the note', { note: 'bell \u0007' }, /^note: contains a control/],
  ])('refuses %s', (_name, overrides, message) => {
    expect(() => capMessage(buildAlert(overrides))).toThrow(message);
  });

  const ring = (...positions: [number, number][]): CapArea => ({
    areaDesc: 'x',
    polygons: [positions],
  });

  it.each<[string, Partial<CapInfo>, RegExp]>([
    [
      'a polygon with two distinct points',
      { areas: [ring([30, 50], [31, 50], [30, 50], [31, 50])] },
      /^info\[0\]\.areas\[0\]\.polygons\[0\]: needs at least 3 distinct points/,
    ],
    [
      'a latitude out of range',
      { areas: [ring([30, 50], [31, 91], [31, 51])] },
      /^info\[0\]\.areas\[0\]\.polygons\[0\]\[1\]: latitude 91 is out of range/,
    ],
    [
      'a longitude out of range',
      { areas: [ring([30, 50], [181, 50], [31, 51])] },
      /polygons\[0\]\[1\]: longitude 181 is out of range/,
    ],
    [
      'a coordinate that is not a number',
      { areas: [ring([30, 50], [Number.NaN, 50], [31, 51])] },
      /longitude NaN is out of range/,
    ],
    [
      'a negative radius',
      { areas: [{ areaDesc: 'x', circles: [{ lon: 30, lat: 50, radiusKm: -1 }] }] },
      /^info\[0\]\.areas\[0\]\.circles\[0\]\.radiusKm: /,
    ],
    [
      'a radius wider than the Earth',
      { areas: [{ areaDesc: 'x', circles: [{ lon: 30, lat: 50, radiusKm: 1e21 }] }] },
      /circles\[0\]\.radiusKm: 1e\+21 is not a radius from 0 to 20040 km/,
    ],
    [
      'a circle centre out of range',
      { areas: [{ areaDesc: 'x', circles: [{ lon: 30, lat: -90.5, radiusKm: 1 }] }] },
      /circles\[0\]: latitude -90.5 is out of range/,
    ],
    ['no category', { categories: [] }, /^info\[0\]\.categories: needs at least one/],
    ['an empty event', { event: '  ' }, /^info\[0\]\.event: is required/],
    [
      'an empty area description',
      { areas: [{ areaDesc: '' }] },
      /areas\[0\]\.areaDesc: is required/,
    ],
    ['a relative web link', { web: '/incidents/17' }, /^info\[0\]\.web: /],
    ['a malformed language', { language: 'english please' }, /^info\[0\]\.language: /],
    ['an expiry without a zone', { expires: '2025-03-15T07:30:00' }, /^info\[0\]\.expires: /],
    [
      'an unknown category',
      { categories: ['War' as CapInfo['categories'][number]] },
      /categories\[0\]/,
    ],
  ])('refuses %s, naming the field', (_name, overrides, message) => {
    expect(() => capMessage(buildAlert({ info: [buildInfo(overrides)] }))).toThrow(message);
  });

  it('closes an open ring and leaves a closed one as it is', () => {
    const square: [number, number][] = [
      [30, 50],
      [31, 50],
      [31, 51],
      [30, 51],
    ];
    const polygonOf = (positions: [number, number][]): string | undefined =>
      /<polygon>(.*)<\/polygon>/.exec(
        capMessage(buildAlert({ info: [buildInfo({ areas: [ring(...positions)] })] })),
      )?.[1];
    expect(polygonOf(square)).toBe('50,30 50,31 51,31 51,30 50,30');
    expect(polygonOf([...square, [30, 50]])).toBe('50,30 50,31 51,31 51,30 50,30');
  });

  it('writes coordinates as plain decimals, never with an exponent', () => {
    const xml = capMessage(
      buildAlert({
        info: [
          buildInfo({ areas: [ring([1e-7, -1e-8], [0.1234567891, 45], [-179.9999999, -0.5])] }),
        ],
      }),
    );
    expect(xml).toContain(
      '<polygon>0,0.0000001 45,0.1234568 -0.5,-179.9999999 0,0.0000001</polygon>',
    );
    expectValid(xml);
  });

  it('has a validator that really rejects: a message without scope fails the schema', () => {
    const withoutScope = capMessage(buildAlert()).replace('  <scope>Public</scope>\n', '');
    expect(() => validateXml(withoutScope, CAP_SCHEMA)).toThrow(
      /Element '\{urn:oasis:names:tc:emergency:cap:1\.2\}info': This element is not expected/,
    );
  });
});
