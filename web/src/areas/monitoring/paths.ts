/**
 * The paths of the monitoring area, built and parsed in one place: the incident list (with its
 * filters in the query string), one incident, and the import page.
 */

/** The monitoring area's own path. */
export const INCIDENTS_PATH = '/incidents';

/** The import page's path. */
export const IMPORT_PATH = `${INCIDENTS_PATH}/import`;

/** The page a path inside the monitoring area shows. */
export type MonitoringRoute =
  | { readonly page: 'list' }
  | { readonly page: 'import' }
  | { readonly page: 'incident'; readonly incidentId: string }
  | { readonly page: 'unknown' };

/** The filters of the incident list, as kept in the query string. */
export interface IncidentFilters {
  /** Words in report texts; empty for none. */
  readonly q: string;
  /** An incident type; empty for every type. */
  readonly type: string;
}

/** The path of an incident's page. */
export function incidentPath(incidentId: string): string {
  return `${INCIDENTS_PATH}/${encodeURIComponent(incidentId)}`;
}

/** The incident list's path with `filters` in the query (empty ones left out). */
export function incidentListPath(filters: IncidentFilters): string {
  const query = filtersQuery(filters);
  return query === '' ? INCIDENTS_PATH : `${INCIDENTS_PATH}?${query}`;
}

/** The filters as a query string without "?"; empty when none is set. */
export function filtersQuery(filters: IncidentFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim() !== '') params.set('q', filters.q.trim());
  if (filters.type !== '') params.set('type', filters.type);
  return params.toString();
}

/** The filters of a query string (with or without its leading "?"). */
export function parseFilters(search: string): IncidentFilters {
  const params = new URLSearchParams(search);
  return { q: params.get('q') ?? '', type: params.get('type') ?? '' };
}

/**
 * The route of `path` (without query string). `/incidents/import` is the import page, so an
 * incident whose id is `import` is reachable only through the API (ids are UUIDs).
 */
export function parseMonitoringPath(path: string): MonitoringRoute {
  const rest = path.slice(INCIDENTS_PATH.length).replace(/\/+$/, '');
  if (rest === '') return { page: 'list' };
  const parts = rest.split('/').slice(1);
  const [first] = parts;
  if (parts.length !== 1 || first === undefined || first === '') return { page: 'unknown' };
  if (first === 'import') return { page: 'import' };
  try {
    return { page: 'incident', incidentId: decodeURIComponent(first) };
  } catch {
    return { page: 'unknown' };
  }
}
