/**
 * Reading XML that Truce receives (CAP messages, Atom feeds) without the classic XML attacks:
 * external entities that read local files or call internal URLs (XXE), and entity expansion
 * that turns a kilobyte into gigabytes ("billion laughs"). Three guards, in order: a size
 * limit; a refusal of any document containing a DTD or an entity declaration, checked on the raw
 * text before any parser sees it; and fast-xml-parser set to expand no declared entity (it
 * never fetches anything in any case). Both kinds of attack need a declaration, so the second
 * guard alone stops them; the third holds should that check ever be bypassed.
 */
import { ENTITY_ACTION, EntityDecoder } from '@nodable/entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '../errors.js';

/** The default largest input, in UTF-8 bytes: 1 MiB, far above any real CAP message. */
export const XML_INPUT_LIMIT_BYTES = 1024 * 1024;

/** What parseXmlSafely may be told. */
export interface XmlInputOptions {
  /** The largest input accepted, in UTF-8 bytes; XML_INPUT_LIMIT_BYTES when left out. */
  readonly maxBytes?: number;
  /** Local names of elements always given as arrays, even when they appear once. */
  readonly repeatedElements?: ReadonlySet<string>;
}

/**
 * The document as plain data, from fast-xml-parser: an object per element keyed by child name
 * (a repeated child, or one named in `repeatedElements`, gives an array); attributes as
 * `@_name`; text as strings, never converted to numbers, and as `#text` beside attributes or
 * children; namespace prefixes kept (`cap:alert`); the XML declaration and processing
 * instructions left out. Throws a DomainError: BODY_TOO_LARGE over `maxBytes`; MALFORMED_BODY
 * for a DTD, an entity declaration or a document that is not well-formed, with the line and
 * column where the check stopped.
 */
export function parseXmlSafely(text: string, options: XmlInputOptions = {}): unknown {
  const { maxBytes = XML_INPUT_LIMIT_BYTES, repeatedElements = new Set<string>() } = options;
  refuseOversized(text, maxBytes);
  refuseDeclarations(text);
  const document = text.replace(/^\uFEFF/, '');
  const wellFormed = XMLValidator.validate(document);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    throw new DomainError('MALFORMED_BODY', `not well-formed XML: ${msg} (line ${line})`, [
      { path: `line ${line}, column ${col}`, message: msg },
    ]);
  }
  return parser(repeatedElements).parse(document);
}

function refuseOversized(text: string, maxBytes: number): void {
  // A string's UTF-8 size is at least its length in UTF-16 units, so a long string is refused
  // before it is encoded.
  const bytes = text.length > maxBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes > maxBytes) {
    throw new DomainError(
      'BODY_TOO_LARGE',
      `refused: the document is larger than ${maxBytes} bytes; Truce reads XML documents up to that size`,
      [{ path: '', message: `more than ${maxBytes} bytes` }],
    );
  }
}

// A DTD can appear only before the root element, but it is looked for everywhere, in comments
// and CDATA too: a lenient parser could take one anywhere, and refusing a harmless document that
// merely quotes "<!DOCTYPE" costs far less than reading /etc/passwd into an alert. Case is
// ignored for the same reason.
const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

function refuseDeclarations(text: string): void {
  const match = DECLARATION.exec(text);
  if (!match) return;
  const keyword = (match[1] ?? '').toUpperCase();
  const what =
    keyword === 'DOCTYPE'
      ? 'declares a DTD (<!DOCTYPE ...>)'
      : keyword === 'ENTITY'
        ? 'declares an entity (<!ENTITY ...>)'
        : `contains DTD markup (<!${keyword} ...>)`;
  throw new DomainError(
    'MALFORMED_BODY',
    `refused: the document ${what}; Truce never processes DTDs or external entities`,
    [{ path: `line ${text.slice(0, match.index).split('\n').length}`, message: what }],
  );
}

function parser(repeatedElements: ReadonlySet<string>): XMLParser {
  // fast-xml-parser's `processEntities: false` would also leave "&amp;" and "&#1071;" undecoded,
  // which every XML reader must decode. So its decoder is given exactly XML's five predefined
  // entities and numeric character references, and told to throw on any declared entity (none
  // can reach it past refuseDeclarations; this is the second lock).
  const entityDecoder = new EntityDecoder({
    numericAllowed: true,
    onInputEntity: () => ENTITY_ACTION.THROW,
    onExternalEntity: () => ENTITY_ACTION.THROW,
  });
  return new XMLParser({
    entityDecoder,
    htmlEntities: false,
    ignoreAttributes: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => repeatedElements.has(name.slice(name.indexOf(':') + 1)),
  });
}

/** The main fields of a received CAP message, as written (not checked against CAP's lists). */
export interface ReceivedCapMessage {
  /** The alert element's namespace: CAP 1.2's, or CAP 1.1's, whose main fields are the same. */
  readonly namespace: string;
  readonly identifier: string;
  readonly sender: string;
  readonly sent: string;
  readonly status: string;
  readonly msgType: string;
  readonly scope: string;
  readonly restriction?: string;
  readonly addresses?: string;
  readonly note?: string;
  readonly references: readonly { sender: string; identifier: string; sent: string }[];
  readonly info: readonly ReceivedCapInfo[];
}

export interface ReceivedCapInfo {
  /** en-US when the message leaves it out, as CAP says. */
  readonly language: string;
  readonly categories: readonly string[];
  readonly event: string;
  readonly urgency: string;
  readonly severity: string;
  readonly certainty: string;
  readonly effective?: string;
  readonly onset?: string;
  readonly expires?: string;
  readonly senderName?: string;
  readonly headline?: string;
  readonly description?: string;
  /** The info's parameters, by value name (the last one wins when a name repeats). */
  readonly parameters: Readonly<Record<string, string>>;
  readonly areas: readonly { areaDesc: string; polygons: string[]; circles: string[] }[];
}

const CAP_NAMESPACES = [
  'urn:oasis:names:tc:emergency:cap:1.2',
  'urn:oasis:names:tc:emergency:cap:1.1',
];
const CAP_REPEATED = new Set(['code', 'info', 'category', 'responseType', 'eventCode']);
for (const name of ['parameter', 'resource', 'area', 'polygon', 'circle', 'geocode']) {
  CAP_REPEATED.add(name);
}

/**
 * The main fields of a CAP 1.2 (or 1.1) message, read with parseXmlSafely's guards (and its
 * errors). Throws a VALIDATION_FAILED DomainError naming the element when the root is not a CAP
 * alert or a required element (identifier, sender, sent, status, msgType, scope; in each info
 * category, event, urgency, severity, certainty; in each area areaDesc) is missing.
 */
export function parseCapMessage(text: string, options: XmlInputOptions = {}): ReceivedCapMessage {
  const document = parseXmlSafely(text, { ...options, repeatedElements: CAP_REPEATED });
  const rootName = Object.keys(asRecord(document)).find((key) => localName(key) === 'alert');
  const prefix = rootName?.includes(':') ? rootName.slice(0, rootName.indexOf(':') + 1) : '';
  const alert = new CapElement(asRecord(asRecord(document)[rootName ?? '']), 'alert', prefix);
  const namespace = alert.attribute(prefix ? `xmlns:${prefix.slice(0, -1)}` : 'xmlns');
  if (rootName === undefined || namespace === undefined || !CAP_NAMESPACES.includes(namespace)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'not a CAP message: no <alert> in the CAP namespace',
      [{ path: 'alert', message: `expected an alert element in ${CAP_NAMESPACES[0]}` }],
    );
  }
  const references = (alert.optional('references') ?? '').split(/\s+/).filter(Boolean);
  return {
    namespace,
    identifier: alert.required('identifier'),
    sender: alert.required('sender'),
    sent: alert.required('sent'),
    status: alert.required('status'),
    msgType: alert.required('msgType'),
    scope: alert.required('scope'),
    ...alert.optionalFields(['restriction', 'addresses', 'note']),
    references: references.map((triple, index) => reference(triple, index)),
    info: alert.children('info').map(readInfo),
  };
}

function readInfo(info: CapElement): ReceivedCapInfo {
  return {
    language: info.optional('language') ?? 'en-US',
    categories: info.texts('category'),
    event: info.required('event'),
    urgency: info.required('urgency'),
    severity: info.required('severity'),
    certainty: info.required('certainty'),
    ...info.optionalFields([
      'effective',
      'onset',
      'expires',
      'senderName',
      'headline',
      'description',
    ]),
    parameters: Object.fromEntries(
      info
        .children('parameter')
        .map((parameter) => [parameter.required('valueName'), parameter.optional('value') ?? '']),
    ),
    areas: info.children('area').map((area) => ({
      areaDesc: area.required('areaDesc'),
      polygons: area.texts('polygon'),
      circles: area.texts('circle'),
    })),
  };
}

function reference(triple: string, index: number): ReceivedCapMessage['references'][number] {
  const [sender, identifier, sent, ...rest] = triple.split(',');
  if (!sender || !identifier || !sent || rest.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `references: "${triple}" is not sender,identifier,sent`,
      [{ path: `alert.references[${index}]`, message: 'expected sender,identifier,sent' }],
    );
  }
  return { sender, identifier, sent };
}

/** One parsed CAP element, whose children are read by local name in the message's prefix. */
class CapElement {
  constructor(
    private readonly fields: Record<string, unknown>,
    private readonly path: string,
    private readonly prefix: string,
  ) {}

  attribute(name: string): string | undefined {
    const value = this.fields[`@_${name}`];
    return typeof value === 'string' ? value : undefined;
  }

  optional(name: string): string | undefined {
    const value = this.fields[this.prefix + name];
    return value === undefined ? undefined : textOf(value, `${this.path}.${name}`);
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined || value === '') {
      const problem = value === undefined ? 'is missing' : 'is empty';
      throw new DomainError(
        'VALIDATION_FAILED',
        `CAP message: <${name}> ${problem} in ${this.path}`,
        [{ path: `${this.path}.${name}`, message: `required element ${problem}` }],
      );
    }
    return value;
  }

  optionalFields<Name extends string>(names: readonly Name[]): { [Key in Name]?: string } {
    const fields: { [Key in Name]?: string } = {};
    for (const name of names) {
      const value = this.optional(name);
      if (value !== undefined) fields[name] = value;
    }
    return fields;
  }

  /** Repeated child elements (parsed as arrays, see CAP_REPEATED). */
  children(name: string): CapElement[] {
    return this.list(name).map(
      (child, index) =>
        new CapElement(asRecord(child), `${this.path}.${name}[${index}]`, this.prefix),
    );
  }

  /** The text of each repeated child element. */
  texts(name: string): string[] {
    return this.list(name).map((child, index) => textOf(child, `${this.path}.${name}[${index}]`));
  }

  private list(name: string): unknown[] {
    const value = this.fields[this.prefix + name];
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
  }
}

/** An element's text: '' when empty; an error when it appears twice where CAP allows one. */
function textOf(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const text = asRecord(value)['#text'];
    return typeof text === 'string' ? text : '';
  }
  throw new DomainError('VALIDATION_FAILED', `CAP message: ${path} appears more than once`, [
    { path, message: 'expected one element' },
  ]);
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
