/**
 * The filters of the operations screen, kept in the address so a view can be shared and
 * reloaded: parsed from a query string (values the app does not know are dropped, never
 * thrown), written back in one canonical form (keys sorted), and turned into the API's query.
 * The map's position rides along in the address (`map=zoom/lat/lon`) but is not a filter.
 */
import { VERIFICATION_STATUSES } from '../../../../src/core/accountability/model.js';
import { INCIDENT_TYPES } from '../../../../src/core/agreements/vocabulary.js';
import { SOURCE_KINDS } from '../../../../src/core/reports/vocabulary.js';

/** The operations screen's own path. */
export const OPERATIONS_PATH = '/operations';

/** The applied filters; empty strings mean "not filtered". Times are ISO 8601 in UTC. */
export interface OpsFilters {
  readonly from: string;
  readonly to: string;
  /** An incident type. */
  readonly type: string;
  /** Statuses, comma-separated, in ladder order (one status, or "at least" a rung). */
  readonly status: string;
  readonly sourceKind: string;
  /** `<document>/<zone>`: inside the zone or crossing its edge. */
  readonly zone: string;
  /** Words in report texts. */
  readonly q: string;
}

/** No filter at all. */
export const NO_FILTERS: OpsFilters = {
  from: '',
  to: '',
  type: '',
  status: '',
  sourceKind: '',
  zone: '',
  q: '',
};

/** Where the map looks: zoom and centre. */
export interface MapPosition {
  readonly zoom: number;
  readonly lat: number;
  readonly lon: number;
}

const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof OpsFilters)[];
const ZONE_KEY = /^[^/\s]{1,64}\/[^/\s]{1,64}$/;

/** The ladder's rungs, lowest first: "at least corroborated" is corroborated or verified. */
export const LADDER = VERIFICATION_STATUSES.slice(0, 4);

/** The statuses value of "at least `rung`" (the rung and those above it on the ladder). */
export function atLeast(rung: string): string {
  const index = LADDER.indexOf(rung as (typeof LADDER)[number]);
  return index < 0 ? '' : LADDER.slice(index).join(',');
}

/** An ISO time the app accepts, normalised; '' when it is not one. */
function isoOrEmpty(value: string | null): string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/** Statuses the app knows, deduplicated, in the ladder's order; '' when none is valid. */
function statusesOrEmpty(value: string | null): string {
  const given = new Set((value ?? '').split(','));
  return VERIFICATION_STATUSES.filter((status) => given.has(status)).join(',');
}

const oneOf = (values: readonly string[], value: string | null) =>
  value !== null && values.includes(value) ? value : '';

/** The filters of a query string (with or without "?"); unknown or malformed values are dropped. */
export function parseOpsFilters(search: string): OpsFilters {
  const params = new URLSearchParams(search);
  let from = isoOrEmpty(params.get('from'));
  let to = isoOrEmpty(params.get('to'));
  if (from !== '' && to !== '' && from > to) [from, to] = [to, from];
  const zone = params.get('zone') ?? '';
  return {
    from,
    to,
    type: oneOf(INCIDENT_TYPES, params.get('type')),
    status: statusesOrEmpty(params.get('status')),
    sourceKind: oneOf(SOURCE_KINDS, params.get('sourceKind')),
    zone: ZONE_KEY.test(zone) ? zone : '',
    q: (params.get('q') ?? '').trim().slice(0, 200),
  };
}

/** The canonical query string of the filters (no "?"): only set ones, keys sorted. */
export function filtersKey(filters: OpsFilters): string {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS].sort()) {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  }
  return params.toString();
}

/** The map position in the address, or null when absent or out of range. */
export function parseMapPosition(search: string): MapPosition | null {
  const parts = (new URLSearchParams(search).get('map') ?? '').split('/').map(Number);
  const [zoom, lat, lon] = parts;
  if (parts.length !== 3 || zoom === undefined || lat === undefined || lon === undefined)
    return null;
  if (!parts.every(Number.isFinite) || zoom < 0 || zoom > 22) return null;
  if (Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

/** The operations path for the filters and, when given, the map position. */
export function operationsPath(filters: OpsFilters, position: MapPosition | null = null): string {
  const params = new URLSearchParams(filtersKey(filters));
  if (position !== null) {
    params.set(
      'map',
      `${position.zoom.toFixed(2)}/${position.lat.toFixed(5)}/${position.lon.toFixed(5)}`,
    );
  }
  const query = params.toString();
  return query === '' ? OPERATIONS_PATH : `${OPERATIONS_PATH}?${query}`;
}

/** The API query of the filters (its `type`, `status`, `sourceKind`, `zone`, `q`, times). */
export function apiParams(
  filters: OpsFilters,
  options: { readonly untimed?: boolean } = {},
): URLSearchParams {
  const params = new URLSearchParams(filtersKey(filters));
  if (options.untimed === true) {
    params.delete('from');
    params.delete('to');
  }
  return params;
}
