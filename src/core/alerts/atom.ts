/**
 * An Atom 1.0 feed (RFC 4287) of alerts, the form in which alert hubs and feed readers poll for
 * CAP messages: each entry links to the alert's page and to its CAP message. xmlbuilder2 writes
 * the XML. RFC 4287's two rules that its schema cannot check hold by construction: the feed
 * always has an author, and every entry an alternate link to its page.
 */
import { create } from 'xmlbuilder2';
import { invalid } from '../errors.js';
import {
  absoluteUrl,
  forXmlBuilder,
  languageTag,
  optionalText,
  requiredText,
} from './text-fields.js';
import { atomTimestamp, type Timestamp } from './timestamps.js';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
export const CAP_MEDIA_TYPE = 'application/cap+xml';

export interface AtomPerson {
  readonly name: string;
  readonly uri?: string;
  readonly email?: string;
}

export interface AtomCategory {
  readonly term: string;
  readonly scheme?: string;
  readonly label?: string;
}

export interface AtomEntry {
  /** A permanent, unique URN or URL; it must never change for the same alert. */
  readonly id: string;
  readonly title: string;
  readonly updated: Timestamp;
  readonly published?: Timestamp;
  readonly summary: string;
  /** The full text, as plain text or as HTML (escaped in the feed, as Atom's type="html" says). */
  readonly content?: { readonly type: 'text' | 'html'; readonly value: string };
  readonly links: {
    /** The alert's HTML page (rel="alternate", type="text/html"). */
    readonly page: string;
    /** The alert's CAP message (type="application/cap+xml"). */
    readonly capMessage?: string;
    /** How the CAP message is linked; "alternate", as CAP feeds usually do, when left out. */
    readonly capRelation?: 'alternate' | 'enclosure';
  };
  readonly categories?: readonly AtomCategory[];
  /** Needed only when this entry's author differs from the feed's. */
  readonly author?: AtomPerson;
}

export interface AtomFeed {
  /** A permanent URN or URL naming the feed. */
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly updated: Timestamp;
  /** An RFC 5646 language tag for the feed's text (xml:lang). */
  readonly language?: string;
  readonly links: {
    /** Where this document is fetched from (rel="self"). */
    readonly self: string;
    /** A web page showing the same alerts (rel="alternate", type="text/html"). */
    readonly alternate?: string;
    /** The next, older page of a long feed (rel="next", RFC 5005). */
    readonly next?: string;
  };
  readonly author: AtomPerson;
  /** Newest first, by convention; may be empty. */
  readonly entries: readonly AtomEntry[];
}

const ATOM_MEDIA_TYPE = 'application/atom+xml';
const HTML_MEDIA_TYPE = 'text/html';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

type XMLBuilder = ReturnType<typeof create>;

/**
 * The feed as UTF-8 XML with a declaration, valid against RFC 4287's RELAX NG schema. Throws a
 * VALIDATION_FAILED DomainError naming the field (such as `entries[2].links.page`) for an empty
 * title, a relative or malformed URL, a time without a zone, or text XML cannot carry.
 */
export function atomFeed(feed: AtomFeed): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ATOM_NAMESPACE, 'feed');
  if (feed.language !== undefined)
    root.att(XML_NAMESPACE, 'xml:lang', languageTag(feed.language, 'language'));
  add(root, 'id', absoluteUrl(feed.id, 'id'));
  add(root, 'title', requiredText(feed.title, 'title'));
  add(root, 'subtitle', optionalText(feed.subtitle, 'subtitle'));
  add(root, 'updated', atomTimestamp(feed.updated, 'updated'));
  addPerson(root, 'author', feed.author, 'author');
  addLink(root, 'self', ATOM_MEDIA_TYPE, feed.links.self, 'links.self');
  addLink(root, 'alternate', HTML_MEDIA_TYPE, feed.links.alternate, 'links.alternate');
  addLink(root, 'next', ATOM_MEDIA_TYPE, feed.links.next, 'links.next');
  feed.entries.forEach((entry, index) => addEntry(root, entry, `entries[${index}]`));
  return root.end({ prettyPrint: true, wellFormed: true });
}

function addEntry(parent: XMLBuilder, entry: AtomEntry, path: string): void {
  const element = parent.ele('entry');
  add(element, 'id', absoluteUrl(entry.id, `${path}.id`));
  add(element, 'title', requiredText(entry.title, `${path}.title`));
  add(element, 'updated', atomTimestamp(entry.updated, `${path}.updated`));
  if (entry.published !== undefined) {
    add(element, 'published', atomTimestamp(entry.published, `${path}.published`));
  }
  if (entry.author !== undefined) addPerson(element, 'author', entry.author, `${path}.author`);
  const links = entry.links;
  addLink(element, 'alternate', HTML_MEDIA_TYPE, links.page, `${path}.links.page`);
  const capRelation = links.capRelation ?? 'alternate';
  addLink(element, capRelation, CAP_MEDIA_TYPE, links.capMessage, `${path}.links.capMessage`);
  (entry.categories ?? []).forEach((category, index) => {
    const categoryPath = `${path}.categories[${index}]`;
    const attributes: Record<string, string> = {
      term: forXmlBuilder(requiredText(category.term, `${categoryPath}.term`)),
    };
    if (category.scheme !== undefined) {
      const scheme = absoluteUrl(category.scheme, `${categoryPath}.scheme`);
      attributes['scheme'] = forXmlBuilder(scheme);
    }
    const label = optionalText(category.label, `${categoryPath}.label`);
    if (label !== undefined) attributes['label'] = forXmlBuilder(label);
    element.ele('category', attributes);
  });
  add(element, 'summary', requiredText(entry.summary, `${path}.summary`));
  if (entry.content !== undefined) {
    const { type, value } = entry.content;
    if (type !== 'text' && type !== 'html') {
      throw invalid(`${path}.content.type`, `"${String(type)}" is not text or html`);
    }
    const text = requiredText(value, `${path}.content.value`, true);
    element.ele('content', { type }).txt(forXmlBuilder(text));
  }
}

function addPerson(parent: XMLBuilder, name: string, person: AtomPerson, path: string): void {
  const element = parent.ele(name);
  add(element, 'name', requiredText(person.name, `${path}.name`));
  add(
    element,
    'uri',
    person.uri === undefined ? undefined : absoluteUrl(person.uri, `${path}.uri`),
  );
  if (person.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(person.email)) {
    throw invalid(`${path}.email`, `"${person.email}" is not an email address`);
  }
  add(element, 'email', person.email);
}

function addLink(
  parent: XMLBuilder,
  relation: string,
  type: string,
  href: string | undefined,
  path: string,
): void {
  if (href === undefined) return;
  parent.ele('link', { rel: relation, type, href: forXmlBuilder(absoluteUrl(href, path)) });
}

function add(parent: XMLBuilder, name: string, text: string | undefined): void {
  if (text !== undefined) parent.ele(name).txt(forXmlBuilder(text));
}
