/**
 * The requests of the operations screen: clusters and incidents for the map, the timeline and
 * the list, each cancellable (an AbortSignal), since a newer view makes an older answer
 * worthless. Failures become ApiError or NetworkError like every other request of the app.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Incident, Timeline } from '../../../../src/http/schemas/incidents.js';
import { ApiError, NetworkError } from '../../api';
import { t } from '../../strings';
import type { IncidentList } from '../monitoring/types';
import { apiParams, type OpsFilters } from './filters';

const API = '/api/v1';

/** A map area: west, south, east, north in degrees. */
export type BBox = readonly [number, number, number, number];

/** A cell of the clustered map: how many incidents, and the incident's id when alone. */
export interface ClusterProperties {
  readonly count: number;
  readonly incidentId: string | null;
}

/**
 * An incident on the map: what the list shows, with its precision radius in metres (the server
 * leaves its GeoJSON open; presenters/incidents.ts puts the incident's fields there).
 */
export type IncidentProperties = Omit<Incident, 'location'> & { readonly radiusM: number | null };

/** The clusters of the incidents matching `filters` in `bbox` at a whole zoom level. */
export function getClusters(filters: OpsFilters, zoom: number, bbox: BBox, signal: AbortSignal) {
  const params = apiParams(filters);
  params.set('zoom', String(zoom));
  params.set('bbox', bboxText(bbox));
  return fetchJson<FeatureCollection<Point, ClusterProperties>>(
    `${API}/incidents/clusters?${params.toString()}`,
    'application/geo+json',
    signal,
  );
}

/** Up to `limit` incidents matching `filters` in `bbox`, newest first, as GeoJSON. */
export function getIncidentFeatures(
  filters: OpsFilters,
  bbox: BBox,
  limit: number,
  signal: AbortSignal,
) {
  const params = apiParams(filters);
  params.set('bbox', bboxText(bbox));
  params.set('limit', String(limit));
  return fetchJson<FeatureCollection<Point | null, IncidentProperties>>(
    `${API}/incidents?${params.toString()}`,
    'application/geo+json',
    signal,
  );
}

/** The timeline of the incidents matching `filters` but for their times, in at most `bins`. */
export function getTimeline(filters: OpsFilters, bins: number, signal: AbortSignal) {
  const params = apiParams(filters, { untimed: true });
  params.set('bins', String(bins));
  return fetchJson<Timeline>(
    `${API}/incidents/timeline?${params.toString()}`,
    'application/json',
    signal,
  );
}

/** A page of the incidents matching `filters`, newest first, after `cursor` when given. */
export function getIncidentPage(
  filters: OpsFilters,
  cursor: string | null,
  limit: number,
  signal: AbortSignal,
) {
  const params = apiParams(filters);
  params.set('limit', String(limit));
  if (cursor !== null) params.set('cursor', cursor);
  return fetchJson<IncidentList>(
    `${API}/incidents?${params.toString()}`,
    'application/json',
    signal,
  );
}

/** Whether `error` is the cancellation of a request (not a failure to show). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function bboxText(bbox: BBox): string {
  return bbox.map((value) => value.toFixed(5)).join(',');
}

async function fetchJson<T>(path: string, accept: string, signal: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: accept },
      credentials: 'include',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new NetworkError();
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(response.status, 'BAD_RESPONSE', t('error.badResponse'));
  }
  if (!response.ok) {
    const failure = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      typeof failure?.code === 'string' ? failure.code : `HTTP_${response.status}`,
      typeof failure?.message === 'string'
        ? failure.message
        : t('error.http', { status: response.status }),
    );
  }
  return body as T;
}
