import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capMessage, type CapAlert } from './cap.js';
import { parseCapMessage, parseXmlSafely, XML_INPUT_LIMIT_BYTES } from './xml-input.js';

const FIXTURES = new URL('../../../test/fixtures/xml/', import.meta.url);
/** Real-world CAP and Atom messages (Google's CAP library, Apache 2.0; see the folder's README). */
const EXAMPLES = new URL('../../../test/fixtures/cap/examples/', import.meta.url);

const DTD_REFUSAL =
  /^refused: the document declares a DTD \(<!DOCTYPE \.\.\.>\); Truce never processes DTDs or external entities$/;

/** A file's text, decoded as its XML declaration says (UTF-8 when it says nothing). */
function readXml(url: URL): string {
  const bytes = readFileSync(url);
  const declared = /encoding\s*=\s*["']([^"']+)["']/.exec(
    bytes.subarray(0, 200).toString('latin1'),
  );
  return new TextDecoder(declared?.[1] ?? 'utf-8').decode(bytes);
}

function buildAlert(overrides: Partial<CapAlert> = {}): CapAlert {
  return {
    identifier: 'truce-alert-17',
    sender: 'alerts@truce.example.org',
    sent: '2025-03-14T09:26:53+02:00',
    status: 'Exercise',
    msgType: 'Update',
    scope: 'Restricted',
    restriction: 'Guarantor governments only',
    references: [
      {
        sender: 'alerts@truce.example.org',
        identifier: 'truce-alert-16',
        sent: '2025-03-14T08:00:00+02:00',
      },
    ],
    info: [
      {
        categories: ['Security', 'Safety'],
        event: 'Ceasefire violation',
        urgency: 'Immediate',
        severity: 'Severe',
        certainty: 'Observed',
        expires: '2025-03-15T09:26:53+02:00',
        headline: 'Verified shelling',
        areas: [
          {
            areaDesc: 'Kramatorsk',
            polygons: [
              [
                [37.55, 48.72],
                [37.6, 48.72],
                [37.6, 48.75],
              ],
            ],
            circles: [{ lon: 37.57, lat: 48.73, radiusKm: 2 }],
          },
        ],
      },
      {
        language: 'uk-UA',
        categories: ['Security'],
        event: 'Порушення режиму припинення вогню',
        urgency: 'Immediate',
        severity: 'Severe',
        certainty: 'Observed',
      },
    ],
    ...overrides,
  };
}

describe('refusing DTDs and entity declarations', () => {
  it.each([
    'xxe-file.cap',
    'xxe-billion-laughs.xml',
    'doctype-after-comment.cap',
    'lowercase-doctype.cap',
  ])('refuses %s before parsing it', (name) => {
    const text = readXml(new URL(name, FIXTURES));
    expect(() => parseXmlSafely(text)).toThrow(DTD_REFUSAL);
    expect(() => parseCapMessage(text)).toThrow(DTD_REFUSAL);
  });

  it('refuses an entity declaration even without a DOCTYPE around it', () => {
    const text = readXml(new URL('entity-without-doctype.xml', FIXTURES));
    expect(() => parseXmlSafely(text)).toThrow(
      /^refused: the document declares an entity \(<!ENTITY \.\.\.>\); Truce never processes/,
    );
  });

  it('says on which line the declaration starts, with the code MALFORMED_BODY', () => {
    const text = readXml(new URL('doctype-after-comment.cap', FIXTURES));
    expect(() => parseXmlSafely(text)).toThrow(
      expect.objectContaining({
        code: 'MALFORMED_BODY',
        details: [expect.objectContaining({ path: 'line 4' })],
      }),
    );
  });

  it('refuses a DOCTYPE even where it would be inert, inside a comment or CDATA', () => {
    expect(() => parseXmlSafely('<a><!-- <!DOCTYPE a> --></a>')).toThrow(DTD_REFUSAL);
    expect(() => parseXmlSafely('<a><![CDATA[<!DocType a>]]></a>')).toThrow(DTD_REFUSAL);
  });

  it.each(['xee.cap', 'xee.atom'])('refuses the XXE example %s', (name) => {
    expect(() => parseXmlSafely(readXml(new URL(name, EXAMPLES)))).toThrow(DTD_REFUSAL);
  });

  it('never expands an undeclared entity reference: it stays as written', () => {
    expect(parseXmlSafely('<a>&xxe;</a>')).toEqual({ a: '&xxe;' });
  });
});

describe('reading XML', () => {
  it("decodes XML's predefined entities and character references, and leaves CDATA alone", () => {
    expect(
      parseXmlSafely(
        '<a t="x &amp; y"><b>&lt;b&gt; &amp; &quot;&apos; &#1071;&#x44F;</b><c><![CDATA[&amp;]]></c></a>',
      ),
    ).toEqual({ a: { '@_t': 'x & y', b: `<b> & "' Яя`, c: '&amp;' } });
  });

  it('keeps numbers as text and accepts a byte order mark', () => {
    expect(parseXmlSafely('\uFEFF<?xml version="1.0"?><a><b>007</b></a>')).toEqual({
      a: { b: '007' },
    });
  });

  it('refuses a document that is not well-formed, saying where', () => {
    expect(() => parseXmlSafely('<alert>\n<identifier>x</alert>')).toThrow(
      expect.objectContaining({
        code: 'MALFORMED_BODY',
        message: expect.stringMatching(/^not well-formed XML: .*\(line 2\)$/),
      }),
    );
    expect(() => parseXmlSafely('')).toThrow(/^not well-formed XML/);
  });

  it('refuses input over the byte limit, counting UTF-8 bytes', () => {
    const tooLarge = expect.objectContaining({ code: 'BODY_TOO_LARGE' });
    const element = (content: string) => `<a>${content}</a>`;
    expect(parseXmlSafely(element('x'.repeat(93)), { maxBytes: 100 })).toEqual({
      a: 'x'.repeat(93),
    });
    expect(() => parseXmlSafely(element('x'.repeat(94)), { maxBytes: 100 })).toThrow(tooLarge);
    // 50 characters, but 100 bytes of Cyrillic.
    expect(() => parseXmlSafely(element('ї'.repeat(50)), { maxBytes: 100 })).toThrow(
      /^refused: the document is larger than 100 bytes/,
    );
  });

  it('refuses input over 1 MiB when no limit is given', () => {
    expect(XML_INPUT_LIMIT_BYTES).toBe(1_048_576);
    const padding = 'x'.repeat(XML_INPUT_LIMIT_BYTES - '<a></a>'.length);
    expect(() => parseXmlSafely(`<a>${padding}</a>`)).not.toThrow();
    expect(() => parseXmlSafely(`<a>${padding}x</a>`)).toThrow(
      expect.objectContaining({ code: 'BODY_TOO_LARGE' }),
    );
  });
});

describe('reading CAP messages', () => {
  it('reads back what capMessage wrote', () => {
    const read = parseCapMessage(capMessage(buildAlert()));
    expect(read).toEqual({
      namespace: 'urn:oasis:names:tc:emergency:cap:1.2',
      identifier: 'truce-alert-17',
      sender: 'alerts@truce.example.org',
      sent: '2025-03-14T09:26:53+02:00',
      status: 'Exercise',
      msgType: 'Update',
      scope: 'Restricted',
      restriction: 'Guarantor governments only',
      references: [
        {
          sender: 'alerts@truce.example.org',
          identifier: 'truce-alert-16',
          sent: '2025-03-14T08:00:00+02:00',
        },
      ],
      info: [
        {
          language: 'en-US',
          categories: ['Security', 'Safety'],
          event: 'Ceasefire violation',
          urgency: 'Immediate',
          severity: 'Severe',
          certainty: 'Observed',
          expires: '2025-03-15T09:26:53+02:00',
          headline: 'Verified shelling',
          parameters: {},
          areas: [
            {
              areaDesc: 'Kramatorsk',
              polygons: ['48.72,37.55 48.72,37.6 48.75,37.6 48.72,37.55'],
              circles: ['48.73,37.57 2'],
            },
          ],
        },
        {
          language: 'uk-UA',
          categories: ['Security'],
          event: 'Порушення режиму припинення вогню',
          urgency: 'Immediate',
          severity: 'Severe',
          certainty: 'Observed',
          parameters: {},
          areas: [],
        },
      ],
    });
  });

  it('reads a message written with a namespace prefix', () => {
    const prefixed = capMessage(buildAlert())
      .replace('<alert xmlns=', '<cap:alert xmlns:cap=')
      .replace(/<(\/?)(?!\?|cap:alert)/g, '<$1cap:');
    expect(prefixed).toContain('<cap:identifier>truce-alert-17</cap:identifier>');
    expect(parseCapMessage(prefixed).identifier).toBe('truce-alert-17');
    expect(parseCapMessage(prefixed).info[1]?.event).toBe('Порушення режиму припинення вогню');
  });

  it.each([
    ['<sent>', /^CAP message: <sent> is missing in alert$/],
    ['<scope>', /^CAP message: <scope> is missing in alert$/],
    ['<event>', /^CAP message: <event> is missing in alert\.info\[0\]$/],
    ['<areaDesc>', /^CAP message: <areaDesc> is missing in alert\.info\[0\]\.area\[0\]$/],
  ])('names a missing %s element', (element, message) => {
    const name = element.slice(1, -1);
    const without = capMessage(buildAlert()).replace(
      new RegExp(`\\s*<${name}>[^<]*</${name}>`),
      '',
    );
    expect(() => parseCapMessage(without)).toThrow(message);
    expect(() => parseCapMessage(without)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('refuses an empty identifier and a repeated one', () => {
    const xml = capMessage(buildAlert());
    expect(() => parseCapMessage(xml.replace('>truce-alert-17<', '><'))).toThrow(
      /<identifier> is empty/,
    );
    expect(() =>
      parseCapMessage(xml.replace('<sender>', '<identifier>again</identifier><sender>')),
    ).toThrow(/alert\.identifier appears more than once/);
  });

  it('refuses a document that is not a CAP alert', () => {
    const notCap = /^not a CAP message: no <alert> in the CAP namespace$/;
    expect(() => parseCapMessage('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toThrow(notCap);
    expect(() =>
      parseCapMessage('<alert xmlns="urn:example:other"><identifier>x</identifier></alert>'),
    ).toThrow(notCap);
    expect(() => parseCapMessage('<alert><identifier>x</identifier></alert>')).toThrow(notCap);
  });

  it('refuses a malformed reference', () => {
    const xml = capMessage(buildAlert()).replace(/<references>[^<]*/, '<references>only,two');
    expect(() => parseCapMessage(xml)).toThrow(
      /^references: "only,two" is not sender,identifier,sent$/,
    );
  });

  const examples = readdirSync(EXAMPLES).filter(
    (name) => name.endsWith('.cap') && !['xee.cap', 'invalid.cap'].includes(name),
  );

  it('has real-world examples to read', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples)('reads the example %s', (name) => {
    const text = readXml(new URL(name, EXAMPLES));
    const read = parseCapMessage(text);
    expect(read.identifier).toBe(/<(?:cap:)?identifier>\s*([^<]*?)\s*</.exec(text)?.[1]);
    expect(read.sent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/);
    expect(['Alert', 'Update', 'Cancel', 'Ack', 'Error']).toContain(read.msgType);
    expect(read.info.length).toBeGreaterThan(0);
  });

  it('names the missing scope of the example invalid.cap', () => {
    const text = readXml(new URL('invalid.cap', EXAMPLES));
    expect(() => parseCapMessage(text)).toThrow(/^CAP message: <scope> is missing in alert$/);
  });

  it('reads the Atom example weather.atom', () => {
    const feed = parseXmlSafely(readXml(new URL('weather.atom', EXAMPLES))) as {
      feed: { id: string };
    };
    expect(feed.feed.id).toBe('http://www.weather.gov/alerts-beta/');
  });
});
