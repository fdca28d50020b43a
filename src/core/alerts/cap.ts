/**
 * CAP 1.2 messages (OASIS Common Alerting Protocol), the format that public-warning systems and
 * alert aggregators read. xmlbuilder2 writes the XML, so escaping and encoding are the library's
 * job; this module decides what goes in, in the order of the CAP 1.2 schema's sequences, and
 * refuses input that would give an invalid or meaningless message with an error naming the
 * field. Field names are CAP's own (msgType, areaDesc, valueName), so the model reads like the
 * standard.
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
import { capTimestamp, type Timestamp } from './timestamps.js';

type XMLBuilder = ReturnType<typeof create>;

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MESSAGE_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_CATEGORIES = [
  ...['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env'],
  ...['Transport', 'Infra', 'CBRNE', 'Other'],
] as const;
export const CAP_RESPONSE_TYPES = [
  ...['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid'],
  ...['Monitor', 'Assess', 'AllClear', 'None'],
] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type CapStatus = (typeof CAP_STATUSES)[number];
export type CapMessageType = (typeof CAP_MESSAGE_TYPES)[number];
export type CapScope = (typeof CAP_SCOPES)[number];
export type CapCategory = (typeof CAP_CATEGORIES)[number];
export type CapResponseType = (typeof CAP_RESPONSE_TYPES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** An earlier message. To match it exactly, give `sent` as the text that message carried. */
export interface CapReference {
  readonly sender: string;
  readonly identifier: string;
  readonly sent: Timestamp;
}

export interface CapParameter {
  readonly valueName: string;
  readonly value: string;
}

/** A GeoJSON position: longitude first, in degrees (WGS 84). */
export type Position = readonly [longitude: number, latitude: number];

export interface CapCircle {
  readonly lon: number;
  readonly lat: number;
  readonly radiusKm: number;
}

/** An area. Polygons are GeoJSON rings; an open ring is closed by repeating its first point. */
export interface CapArea {
  readonly areaDesc: string;
  readonly polygons?: readonly (readonly Position[])[];
  readonly circles?: readonly CapCircle[];
}

export interface CapInfo {
  /** An RFC 5646 language tag; CAP's default, en-US, when left out. */
  readonly language?: string;
  readonly categories: readonly CapCategory[];
  readonly event: string;
  readonly responseTypes?: readonly CapResponseType[];
  readonly urgency: CapUrgency;
  readonly severity: CapSeverity;
  readonly certainty: CapCertainty;
  readonly effective?: Timestamp;
  readonly onset?: Timestamp;
  readonly expires?: Timestamp;
  readonly senderName?: string;
  readonly headline?: string;
  readonly description?: string;
  readonly instruction?: string;
  /** An absolute URL with more about the alert. */
  readonly web?: string;
  readonly contact?: string;
  readonly parameters?: readonly CapParameter[];
  readonly areas?: readonly CapArea[];
}

export interface CapAlert {
  /** Unique for the sender; CAP forbids spaces, commas, "<" and "&" in it, as in `sender`. */
  readonly identifier: string;
  readonly sender: string;
  readonly sent: Timestamp;
  readonly status: CapStatus;
  readonly msgType: CapMessageType;
  readonly scope: CapScope;
  /** Who may see the message; required when scope is Restricted, refused otherwise. */
  readonly restriction?: string;
  /** Recipients; required when scope is Private. Quoted in the message when they hold spaces. */
  readonly addresses?: readonly string[];
  readonly note?: string;
  /** The messages this one updates, cancels, acknowledges or rejects (required unless Alert). */
  readonly references?: readonly CapReference[];
  readonly incidents?: readonly string[];
  /** At least one for an Alert or Update; a Cancel, Ack or Error may have none. */
  readonly info: readonly CapInfo[];
}

/**
 * The CAP 1.2 XML of `alert`: UTF-8 with an XML declaration, in the CAP 1.2 namespace, valid
 * against the OASIS schema. Throws a VALIDATION_FAILED DomainError naming the field (such as
 * `info[0].areas[1].polygons[0]`) when the input cannot make a valid, meaningful message.
 */
export function capMessage(alert: CapAlert): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CAP_NAMESPACE, 'alert');
  add(root, 'identifier', token(alert.identifier, 'identifier'));
  add(root, 'sender', token(alert.sender, 'sender'));
  add(root, 'sent', capTimestamp(alert.sent, 'sent'));
  add(root, 'status', oneOf(CAP_STATUSES, alert.status, 'status'));
  add(root, 'msgType', oneOf(CAP_MESSAGE_TYPES, alert.msgType, 'msgType'));
  add(root, 'scope', oneOf(CAP_SCOPES, alert.scope, 'scope'));
  add(root, 'restriction', restriction(alert));
  add(root, 'addresses', addresses(alert));
  add(root, 'note', optionalText(alert.note, 'note'));
  add(root, 'references', references(alert));
  add(root, 'incidents', alert.incidents && quotedList(alert.incidents, 'incidents'));
  if (alert.info.length === 0 && ['Alert', 'Update'].includes(alert.msgType)) {
    throw invalid('info', `msgType ${alert.msgType} needs at least one info block`);
  }
  alert.info.forEach((info, index) => addInfo(root, info, `info[${index}]`));
  return root.end({ prettyPrint: true, wellFormed: true });
}

function addInfo(parent: XMLBuilder, info: CapInfo, path: string): void {
  const element = parent.ele('info');
  add(
    element,
    'language',
    info.language === undefined ? undefined : languageTag(info.language, `${path}.language`),
  );
  if (info.categories.length === 0) throw invalid(`${path}.categories`, 'needs at least one');
  info.categories.forEach((category, index) =>
    add(element, 'category', oneOf(CAP_CATEGORIES, category, `${path}.categories[${index}]`)),
  );
  add(element, 'event', requiredText(info.event, `${path}.event`));
  (info.responseTypes ?? []).forEach((type, index) =>
    add(
      element,
      'responseType',
      oneOf(CAP_RESPONSE_TYPES, type, `${path}.responseTypes[${index}]`),
    ),
  );
  add(element, 'urgency', oneOf(CAP_URGENCIES, info.urgency, `${path}.urgency`));
  add(element, 'severity', oneOf(CAP_SEVERITIES, info.severity, `${path}.severity`));
  add(element, 'certainty', oneOf(CAP_CERTAINTIES, info.certainty, `${path}.certainty`));
  for (const name of ['effective', 'onset', 'expires'] as const) {
    const value = info[name];
    add(element, name, value === undefined ? undefined : capTimestamp(value, `${path}.${name}`));
  }
  for (const name of ['senderName', 'headline', 'description', 'instruction'] as const) {
    add(element, name, optionalText(info[name], `${path}.${name}`));
  }
  add(element, 'web', info.web === undefined ? undefined : absoluteUrl(info.web, `${path}.web`));
  add(element, 'contact', optionalText(info.contact, `${path}.contact`));
  (info.parameters ?? []).forEach((parameter, index) => {
    const parameterPath = `${path}.parameters[${index}]`;
    const parameterElement = element.ele('parameter');
    add(
      parameterElement,
      'valueName',
      requiredText(parameter.valueName, `${parameterPath}.valueName`),
    );
    add(parameterElement, 'value', requiredText(parameter.value, `${parameterPath}.value`, true));
  });
  (info.areas ?? []).forEach((area, index) => addArea(element, area, `${path}.areas[${index}]`));
}

function addArea(parent: XMLBuilder, area: CapArea, path: string): void {
  const element = parent.ele('area');
  add(element, 'areaDesc', requiredText(area.areaDesc, `${path}.areaDesc`));
  (area.polygons ?? []).forEach((ring, index) =>
    add(element, 'polygon', polygon(ring, `${path}.polygons[${index}]`)),
  );
  (area.circles ?? []).forEach((circle, index) =>
    add(element, 'circle', circleText(circle, `${path}.circles[${index}]`)),
  );
}

function add(parent: XMLBuilder, name: string, text: string | undefined): void {
  if (text !== undefined) parent.ele(name).txt(forXmlBuilder(text));
}

/** CAP 1.2: an identifier or sender "MUST NOT include spaces, commas or restricted characters". */
function token(value: string, path: string): string {
  if (!/^[^\s,<&]+$/.test(value)) {
    throw invalid(path, `"${value}" must be non-empty, without spaces, commas, "<" or "&"`);
  }
  return requiredText(value, path);
}

function oneOf<T extends string>(allowed: readonly T[], value: T, path: string): T {
  if (!allowed.includes(value)) {
    throw invalid(path, `"${value}" is not one of ${allowed.join(', ')}`);
  }
  return value;
}

function restriction(alert: CapAlert): string | undefined {
  if (alert.scope === 'Restricted') return requiredText(alert.restriction ?? '', 'restriction');
  if (alert.restriction !== undefined) {
    throw invalid('restriction', `is only for scope Restricted, not ${alert.scope}`);
  }
  return undefined;
}

function addresses(alert: CapAlert): string | undefined {
  if (alert.scope === 'Private' && (alert.addresses ?? []).length === 0) {
    throw invalid('addresses', 'at least one address is required when scope is Private');
  }
  return alert.addresses && quotedList(alert.addresses, 'addresses');
}

/** CAP's space-separated list, where a value holding whitespace is put in double quotes. */
function quotedList(values: readonly string[], path: string): string | undefined {
  if (values.length === 0) return undefined;
  return values
    .map((value, index) => {
      const itemPath = `${path}[${index}]`;
      requiredText(value, itemPath);
      if (value.includes('"')) {
        throw invalid(itemPath, 'CAP has no way to write a double quote here');
      }
      return /\s/.test(value) ? `"${value}"` : value;
    })
    .join(' ');
}

function references(alert: CapAlert): string | undefined {
  const list = alert.references ?? [];
  if (list.length === 0 && alert.msgType !== 'Alert') {
    throw invalid('references', `msgType ${alert.msgType} must name the message(s) it concerns`);
  }
  if (list.length === 0) return undefined;
  return list
    .map((reference, index) => {
      const path = `references[${index}]`;
      const sender = token(reference.sender, `${path}.sender`);
      const identifier = token(reference.identifier, `${path}.identifier`);
      return `${sender},${identifier},${capTimestamp(reference.sent, `${path}.sent`)}`;
    })
    .join(' ');
}

/** CAP 1.2 3.2.4: "lat,lon" pairs separated by spaces, first and last the same, 4 or more. */
function polygon(ring: readonly Position[], path: string): string {
  const points = ring.map((position, index) =>
    point(position[1], position[0], `${path}[${index}]`),
  );
  if (new Set(points).size < 3) throw invalid(path, 'needs at least 3 distinct points');
  if (points[0] !== points.at(-1)) points.push(points[0] ?? '');
  return points.join(' ');
}

function circleText(circle: CapCircle, path: string): string {
  const centre = point(circle.lat, circle.lon, path);
  // No circle on Earth is wider than half its circumference.
  if (!(circle.radiusKm >= 0 && circle.radiusKm <= 20_040)) {
    throw invalid(`${path}.radiusKm`, `${circle.radiusKm} is not a radius from 0 to 20040 km`);
  }
  return `${centre} ${decimal(circle.radiusKm)}`;
}

function point(latitude: number, longitude: number, path: string): string {
  if (!(Math.abs(latitude) <= 90)) throw invalid(path, `latitude ${latitude} is out of range`);
  if (!(Math.abs(longitude) <= 180)) throw invalid(path, `longitude ${longitude} is out of range`);
  return `${decimal(latitude)},${decimal(longitude)}`;
}

/** Seven decimals (about 1 cm), never an exponent: String(1e-7) would give "1e-7". */
function decimal(value: number): string {
  const text = value.toFixed(7).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}
