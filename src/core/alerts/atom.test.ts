import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXml } from '../../../test/support/xmllint.js';
import { atomFeed, type AtomEntry, type AtomFeed } from './atom.js';
import { parseXmlSafely } from './xml-input.js';

const ATOM_SCHEMA = {
  relaxng: fileURLToPath(new URL('../../../test/fixtures/atom/atom-rfc4287.rng', import.meta.url)),
};

function expectValid(xml: string): void {
  expect(() => validateXml(xml, ATOM_SCHEMA)).not.toThrow();
}

function buildEntry(overrides: Partial<AtomEntry> = {}): AtomEntry {
  return {
    id: 'urn:uuid:8c1e7f2a-3b4d-4e5f-9a0b-1c2d3e4f5a6b',
    title: 'Verified shelling inside the security zone',
    updated: '2025-03-14T09:26:53+02:00',
    summary: 'Two impacts confirmed; commitment 7.2 of the Kyiv agreement is activated.',
    links: {
      page: 'https://truce.example.org/alerts/17',
      capMessage: 'https://truce.example.org/alerts/17.cap',
    },
    ...overrides,
  };
}

function buildFeed(overrides: Partial<AtomFeed> = {}): AtomFeed {
  return {
    id: 'https://truce.example.org/alerts.atom',
    title: 'Truce alerts',
    updated: new Date('2025-03-14T07:30:00.250Z'),
    links: { self: 'https://truce.example.org/alerts.atom' },
    author: { name: 'Truce monitoring mission' },
    entries: [buildEntry()],
    ...overrides,
  };
}

interface ParsedLink {
  '@_rel': string;
  '@_type': string;
  '@_href': string;
}

/** The feed read back: its entries and the links of each, always as arrays. */
function readFeed(xml: string): {
  feed: Record<string, unknown>;
  entries: { link: ParsedLink[] }[];
} {
  const repeatedElements = new Set(['entry', 'link', 'category']);
  const document = parseXmlSafely(xml, { repeatedElements }) as { feed: Record<string, unknown> };
  return {
    feed: document.feed,
    entries: (document.feed['entry'] ?? []) as { link: ParsedLink[] }[],
  };
}

describe('Atom feeds of alerts', () => {
  it('writes a one-entry feed exactly', () => {
    expect(atomFeed(buildFeed())).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '  <id>https://truce.example.org/alerts.atom</id>',
        '  <title>Truce alerts</title>',
        '  <updated>2025-03-14T07:30:00Z</updated>',
        '  <author>',
        '    <name>Truce monitoring mission</name>',
        '  </author>',
        '  <link rel="self" type="application/atom+xml" href="https://truce.example.org/alerts.atom"/>',
        '  <entry>',
        '    <id>urn:uuid:8c1e7f2a-3b4d-4e5f-9a0b-1c2d3e4f5a6b</id>',
        '    <title>Verified shelling inside the security zone</title>',
        '    <updated>2025-03-14T09:26:53+02:00</updated>',
        '    <link rel="alternate" type="text/html" href="https://truce.example.org/alerts/17"/>',
        '    <link rel="alternate" type="application/cap+xml" href="https://truce.example.org/alerts/17.cap"/>',
        '    <summary>Two impacts confirmed; commitment 7.2 of the Kyiv agreement is activated.</summary>',
        '  </entry>',
        '</feed>',
      ].join('\n'),
    );
    expectValid(atomFeed(buildFeed()));
  });

  it('is valid with no entries at all', () => {
    const xml = atomFeed(buildFeed({ entries: [] }));
    expectValid(xml);
    expect(xml).not.toContain('<entry>');
  });

  it('is valid with every optional field, several entries and paging links', () => {
    const xml = atomFeed(
      buildFeed({
        subtitle: 'Verified violations that activate a guarantor commitment',
        language: 'en-GB',
        links: {
          self: 'https://truce.example.org/alerts.atom?page=2',
          alternate: 'https://truce.example.org/alerts',
          next: 'https://truce.example.org/alerts.atom?page=3',
        },
        author: {
          name: 'Truce',
          uri: 'https://truce.example.org/',
          email: 'alerts@truce.example.org',
        },
        entries: [
          buildEntry({
            published: new Date('2025-03-14T07:26:53Z'),
            content: { type: 'html', value: '<p>Two impacts &amp; one fire.</p>' },
            categories: [
              {
                term: 'Security',
                scheme: 'urn:oasis:names:tc:emergency:cap:1.2',
                label: 'Security',
              },
              { term: 'shelling' },
            ],
            author: { name: 'Field team north' },
          }),
          buildEntry({
            id: 'https://truce.example.org/alerts/16',
            title: 'Обстріл у зоні безпеки',
            summary: 'Підтверджено два влучання.',
            content: { type: 'text', value: 'Plain text & <angle brackets>' },
            links: {
              page: 'https://truce.example.org/alerts/16',
              capMessage: 'https://truce.example.org/alerts/16.cap',
              capRelation: 'enclosure',
            },
          }),
          buildEntry({
            id: 'urn:truce:alert:15',
            links: { page: 'https://truce.example.org/a/15' },
          }),
        ],
      }),
    );
    expectValid(xml);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">');
    expect(xml).toContain(
      '<link rel="enclosure" type="application/cap+xml" href="https://truce.example.org/alerts/16.cap"/>',
    );
  });

  it('gives every entry an alternate HTML link and links CAP messages as application/cap+xml', () => {
    const xml = atomFeed(
      buildFeed({
        entries: [buildEntry(), buildEntry({ links: { page: 'https://x.example/1' } })],
      }),
    );
    const { feed, entries } = readFeed(xml);
    expect(feed['author']).toEqual({ name: 'Truce monitoring mission' });
    for (const entry of entries) {
      expect(entry.link).toContainEqual(
        expect.objectContaining({ '@_rel': 'alternate', '@_type': 'text/html' }),
      );
    }
    expect(
      entries[0]?.link.filter((link) => link['@_type'] === 'application/cap+xml'),
    ).toHaveLength(1);
    expect(entries[1]?.link).toHaveLength(1);
  });

  it('escapes text and attribute values and reads them back unchanged', () => {
    const title = `"Quotes", apostrophes ' & <tags> &lt;not markup&gt; &#65; in Костянтинівка`;
    const page = 'https://truce.example.org/search?q=a&b="c"&copy;';
    const category = { term: 'a&amp;b', label: 'Fire & &x; "smoke"' };
    const xml = atomFeed(
      buildFeed({
        entries: [
          buildEntry({
            title,
            summary: title,
            content: { type: 'html', value: '<p>&lt;escaped&gt;</p>' },
            categories: [category],
            links: { page },
          }),
        ],
      }),
    );
    expectValid(xml);
    expect(xml).toContain('&amp; &lt;tags&gt; &amp;lt;not markup&amp;gt; &amp;#65;');
    expect(xml).toContain(
      'href="https://truce.example.org/search?q=a&amp;b=&quot;c&quot;&amp;copy;"',
    );
    expect(xml).toContain(
      '<content type="html">&lt;p&gt;&amp;lt;escaped&amp;gt;&lt;/p&gt;</content>',
    );
    const entry = readFeed(xml).entries[0] as unknown as Record<string, unknown> & {
      link: ParsedLink[];
      category: Record<string, string>[];
    };
    expect(entry['title']).toBe(title);
    expect(entry['summary']).toBe(title);
    expect(entry['content']).toEqual({ '#text': '<p>&lt;escaped&gt;</p>', '@_type': 'html' });
    expect(entry.link[0]?.['@_href']).toBe(page);
    expect(entry.category[0]).toEqual({ '@_term': category.term, '@_label': category.label });
  });

  it.each<[string, Partial<AtomFeed>, RegExp]>([
    ['a relative feed id', { id: '/alerts.atom' }, /^id: /],
    ['an empty title', { title: ' ' }, /^title: is required/],
    ['a relative self link', { links: { self: 'alerts.atom' } }, /^links\.self: /],
    ['a time without a zone', { updated: '2025-03-14T07:30:00' }, /^updated: /],
    ['an invalid Date', { updated: new Date(Number.NaN) }, /^updated: is not a valid date/],
    ['a malformed language', { language: 'en_GB' }, /^language: /],
    ['a malformed author email', { author: { name: 'x', email: 'nobody' } }, /^author\.email: /],
    ['an author without a name', { author: { name: '' } }, /^author\.name: /],
    [
      'an entry without a page link',
      { entries: [buildEntry({ links: { page: '' } })] },
      /^entries\[0\]\.links\.page: /,
    ],
    [
      'an entry with a control character in its summary',
      { entries: [buildEntry({ summary: 'x\u0000' })] },
      /^entries\[0\]\.summary: contains a control character/,
    ],
    [
      'a content type Atom does not take as text',
      { entries: [buildEntry({ content: { type: 'xhtml' as 'html', value: '<div/>' } })] },
      /^entries\[0\]\.content\.type: /,
    ],
    [
      'a relative category scheme',
      { entries: [buildEntry({ categories: [{ term: 'x', scheme: 'cap' }] })] },
      /^entries\[0\]\.categories\[0\]\.scheme: /,
    ],
  ])('refuses %s, naming the field', (_name, overrides, message) => {
    expect(() => atomFeed(buildFeed(overrides))).toThrow(message);
  });

  it('has a validator that really rejects: a feed without an id fails the schema', () => {
    const withoutId = atomFeed(buildFeed()).replace(/ {2}<id>https[^\n]*\n/, '');
    expect(() => validateXml(withoutId, ATOM_SCHEMA)).toThrow(/fails to validate/);
  });
});
