/**
 * What a webhook endpoint wants: its URL and filters, checked at registration, and whether an
 * alert passes the filters that need no geometry (zones are looked up by the dispatcher and
 * decided with `insideAnyZone`).
 */
import { INCIDENT_CATEGORIES } from '../agreements/vocabulary.js';
import { invalid } from '../errors.js';
import type { Geometry } from '../geo/geojson.js';
import { relateToZone } from '../geo/relate.js';

/** Which alerts an endpoint wants; each filter left out matches everything. */
export interface WebhookFilters {
  /** Guarantors (actor ids) whose commitments' alerts are sent. */
  readonly obligors?: string[] | undefined;
  /** Commitments as `<document>/<commitment>`. */
  readonly commitments?: string[] | undefined;
  /** Zones as `<document>/<zone>`: the incident inside one (or its precision crossing the edge). */
  readonly zones?: string[] | undefined;
  /** [west, south, east, north]: the incident's place inside. */
  readonly bbox?: [number, number, number, number] | undefined;
  /** Incident types or categories. */
  readonly incidentTypes?: string[] | undefined;
}

/** A place with its precision radius. */
type Place = { readonly lon: number; readonly lat: number; readonly radiusM: number };

/** What an alert is about, for filtering and for the payload. */
export interface AlertFacts {
  readonly alertId: string;
  readonly activationId: string;
  readonly documentId: string;
  readonly commitmentId: string;
  readonly obligor: string;
  readonly msgType: string;
  readonly headline: string;
  readonly sent: string;
  readonly cap: string;
  readonly incident: {
    readonly id: string;
    readonly type: string;
    readonly location: Place | null;
  };
}

/**
 * The URL as registered. Only absolute http(s) URLs without credentials or fragments are
 * taken; otherwise throws VALIDATION_FAILED on `url`.
 */
export function checkWebhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('url', `"${text}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('url', `only http and https URLs can receive webhooks, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('url', 'put no credentials in the URL; verify the signature instead');
  }
  if (url.hash !== '') throw invalid('url', 'a webhook URL has no fragment (#...)');
  return url.toString();
}

/**
 * The filters as registered, without the ones left undefined. Throws VALIDATION_FAILED for an
 * unknown filter, a bbox that is not west,south,east,north in degrees, or a commitment or zone
 * that is not `<document>/<id>`.
 */
export function checkWebhookFilters(filters: WebhookFilters): WebhookFilters {
  const known = new Set(['obligors', 'commitments', 'zones', 'bbox', 'incidentTypes']);
  for (const key of Object.keys(filters)) {
    if (!known.has(key)) throw invalid(`filters/${key}`, 'not a filter');
  }
  if (filters.bbox !== undefined) {
    const [west, south, east, north] = filters.bbox;
    if (
      filters.bbox.length !== 4 ||
      [west, east].some((v) => v < -180 || v > 180) ||
      [south, north].some((v) => v < -90 || v > 90) ||
      south > north
    ) {
      throw invalid('filters/bbox', 'give west,south,east,north in degrees, south <= north');
    }
  }
  for (const key of ['commitments', 'zones'] as const) {
    for (const value of filters[key] ?? []) {
      if (!/^[^/]+\/[^/]+$/.test(value)) {
        throw invalid(`filters/${key}`, `"${value}" is not <document>/<id>`);
      }
    }
  }
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as WebhookFilters;
}

/**
 * Whether an alert passes every filter but the zones: its obligor, its commitment, its
 * incident's type (a category stands for its types) and its place in the bbox (which may
 * cross the antimeridian, west > east). An alert without a place passes no bbox.
 */
export function passesFilters(filters: WebhookFilters, alert: AlertFacts): boolean {
  if (filters.obligors !== undefined && !filters.obligors.includes(alert.obligor)) return false;
  if (
    filters.commitments !== undefined &&
    !filters.commitments.includes(`${alert.documentId}/${alert.commitmentId}`)
  ) {
    return false;
  }
  if (filters.incidentTypes !== undefined) {
    const types = filters.incidentTypes.flatMap((t) =>
      t in INCIDENT_CATEGORIES
        ? [...INCIDENT_CATEGORIES[t as keyof typeof INCIDENT_CATEGORIES]]
        : [t],
    );
    if (!types.includes(alert.incident.type)) return false;
  }
  const place = alert.incident.location;
  if (filters.bbox !== undefined) {
    const [west, south, east, north] = filters.bbox;
    if (place === null || place.lat < south || place.lat > north) return false;
    const inLongitude =
      west <= east
        ? place.lon >= west && place.lon <= east
        : place.lon >= west || place.lon <= east;
    if (!inLongitude) return false;
  }
  return true;
}

/** Whether a place is inside one of the zones, or its precision crosses the edge of one. */
export function insideAnyZone(place: Place, zones: readonly Geometry[]): boolean {
  return zones.some((geometry) => {
    const { relation } = relateToZone(place, geometry);
    return relation === 'inside' || relation === 'indeterminate';
  });
}
