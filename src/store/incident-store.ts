/** Reading incidents: filtered, keyset-paginated lists, and one incident with its reports. */
import { sql, type SelectQueryBuilder } from 'kysely';
import { cellsOf } from '../core/geo/cells.js';
import { PointColumns } from '../core/incidents/clusters.js';
import type { GroupingExplanation } from '../core/incidents/grouping.js';
import type { StoredReport } from '../core/reports/report.js';
import { LIST_INDEX_COLUMNS } from './migrations/0007-incident-list-index.js';
import { WIDE_RADIUS_M } from './migrations/0012-incident-radius-index.js';

export { WIDE_RADIUS_M };
import type { Db } from './transactions.js';
import type { Database, IncidentRow } from './schema.js';

/** Filters for incident lists. Times are ISO 8601; bbox is [west, south, east, north]. */
export interface IncidentQuery {
  readonly bbox?: readonly [number, number, number, number] | undefined;
  /** Incidents whose window ends at or after this. */
  readonly from?: string | undefined;
  /** Incidents whose window starts at or before this. */
  readonly to?: string | undefined;
  readonly types?: readonly string[] | undefined;
  /** Any of these statuses; all when absent or empty. */
  readonly statuses?: readonly string[] | undefined;
  /** Only incidents with a report from this source (by name). */
  readonly source?: string | undefined;
  /** Only incidents with a report from a source of this kind. */
  readonly sourceKind?: string | undefined;
  /** Words that must all appear in the reports' texts or place names. */
  readonly text?: string | undefined;
  /** Only incidents whose precision radius is wider than WIDE_RADIUS_M (a zone's far search). */
  readonly wideOnly?: boolean | undefined;
  readonly limit: number;
  /** Continue after this (observed_from, id), newest first. */
  readonly after?: { readonly observedFrom: string; readonly id: string } | undefined;
}

/** What an incident list shows of each incident: all in the list index (migration 0007). */
export type IncidentListRow = Pick<IncidentRow, (typeof LIST_INDEX_COLUMNS)[number]>;

/**
 * One page of incidents, newest first, and the key to continue after. For a small area the
 * page comes from the list index alone (cells, time and every column shown).
 */
export function listIncidents(db: Db, query: IncidentQuery): Promise<IncidentListRow[]> {
  return pageQuery(db, query).execute();
}

/** The rows of one page, newest first, as a select other queries can wrap. */
function pageQuery(db: Db, query: IncidentQuery) {
  let q = applyFilters(db.selectFrom('incidents').select([...LIST_INDEX_COLUMNS]), query);
  if (query.after) {
    const { observedFrom, id } = query.after;
    q = q.where((eb) =>
      eb.or([
        eb('observed_from', '<', observedFrom),
        eb.and([eb('observed_from', '=', observedFrom), eb('id', '<', id)]),
      ]),
    );
  }
  return q.orderBy('observed_from', 'desc').orderBy('id', 'desc').limit(query.limit);
}

/** An incident row's place with its precision radius, or null when it has none. */
export function placeOfIncident(
  row: Pick<IncidentRow, 'lon' | 'lat' | 'radius_m'>,
): { lon: number; lat: number; radiusM: number } | null {
  return row.lon === null || row.lat === null
    ? null
    : { lon: row.lon, lat: row.lat, radiusM: row.radius_m ?? 0 };
}

/** One incident, or undefined. */
export function findIncident(db: Db, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The reports of an incident, in time order, as stored. */
export async function incidentReports(db: Db, id: string): Promise<StoredReport[]> {
  const rows = await db
    .selectFrom('reports')
    .select('body')
    .where('incident_id', '=', id)
    .orderBy('observed_from')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.body) as StoredReport);
}

/** A grouping link between two reports (grouped or suggested), with its explanation. */
export interface GroupingLink {
  readonly reportId: string;
  readonly otherId: string;
  readonly explanation: GroupingExplanation;
}

/** The grouping links touching the given reports (grouped and suggested), with explanations. */
export async function groupingLinks(db: Db, reportIds: readonly string[]): Promise<GroupingLink[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('grouping_links')
    .select(['report_id', 'other_id', 'explanation'])
    .where((eb) =>
      eb.or([eb('report_id', 'in', [...reportIds]), eb('other_id', 'in', [...reportIds])]),
    )
    .orderBy('key')
    .execute();
  return rows.map((row) => ({
    reportId: row.report_id,
    otherId: row.other_id,
    explanation: JSON.parse(row.explanation) as GroupingExplanation,
  }));
}

/** One cell of a clustered map: how many incidents, their mean position, and one id when alone. */
export interface ClusterCell {
  readonly lon: number;
  readonly lat: number;
  readonly count: number;
  readonly incidentId: string | null;
}

/**
 * Incidents counted per grid cell of `cellDegrees` inside the query's bbox (and filters), in
 * the database: a map asks for a zoom level and gets at most one point per cell, however many
 * incidents there are. The cell index is computed with floor on PostgreSQL and a cast (which
 * truncates; the operands are made positive first) on SQLite.
 */
export async function clusterIncidents(
  db: Db,
  query: Omit<IncidentQuery, 'limit' | 'after'>,
  cellDegrees: number,
  isPostgres: boolean,
): Promise<ClusterCell[]> {
  const cell = (column: 'lon' | 'lat', offset: number) =>
    isPostgres
      ? sql<number>`floor((${sql.ref(column)} + ${offset}) / ${cellDegrees})`
      : sql<number>`cast((${sql.ref(column)} + ${offset}) / ${cellDegrees} as integer)`;
  let q = db
    .selectFrom('incidents')
    .select([
      sql<number>`avg(lon)`.as('lon'),
      sql<number>`avg(lat)`.as('lat'),
      sql<number>`count(*)`.as('count'),
      sql<string>`min(id)`.as('incident_id'),
    ])
    .where('lon', 'is not', null);
  q = applyFilters(q, query);
  const rows = await q
    .groupBy([cell('lon', 180), cell('lat', 90)])
    .limit(100_000)
    .execute();
  return rows.map((r) => ({
    lon: Number(r.lon),
    lat: Number(r.lat),
    count: Number(r.count),
    incidentId: Number(r.count) === 1 ? r.incident_id : null,
  }));
}

/** Adds the query's filters (all but paging) to a select over incidents. */
function applyFilters<O>(
  q: SelectQueryBuilder<Database, 'incidents', O>,
  query: Omit<IncidentQuery, 'limit' | 'after'>,
): SelectQueryBuilder<Database, 'incidents', O> {
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    // A small area is read by its map cells (an index with time); the exact test follows.
    const cells = cellsOf(query.bbox);
    if (cells !== undefined) q = q.where('cell', 'in', cells);
    q = q.where('lat', '>=', south).where('lat', '<=', north);
    q =
      west <= east
        ? q.where('lon', '>=', west).where('lon', '<=', east)
        : q.where((eb) => eb.or([eb('lon', '>=', west), eb('lon', '<=', east)]));
  }
  // A literal, so that both databases see the partial index of migration 0012 applies.
  if (query.wideOnly) q = q.where('radius_m', '>', sql.lit(WIDE_RADIUS_M));
  if (query.from) q = q.where('observed_to', '>=', query.from);
  if (query.to) q = q.where('observed_from', '<=', query.to);
  if (query.types && query.types.length > 0) q = q.where('type', 'in', [...query.types]);
  if (query.statuses && query.statuses.length > 0) q = q.where('status', 'in', [...query.statuses]);
  for (const [column, value] of [
    ['source_name', query.source],
    ['source_kind', query.sourceKind],
  ] as const) {
    if (!value) continue;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('reports')
          .select('reports.id')
          .whereRef('reports.incident_id', '=', 'incidents.id')
          .where(`reports.${column}`, '=', value),
      ),
    );
  }
  // LIKE wildcards are dropped from the words rather than escaped: escapes differ by dialect.
  const words = (query.text ?? '')
    .toLowerCase()
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/);
  for (const word of words.filter(Boolean)) q = q.where('search_text', 'like', `%${word}%`);
  return q;
}

/**
 * Every incident, as points in columns (the in-memory cluster and timeline index; those without
 * a place are held for timelines), read in pages.
 */
export async function incidentPoints(db: Db): Promise<PointColumns> {
  const points = new PointColumns();
  await forEachPage(
    (after) =>
      db
        .selectFrom('incidents')
        .select(['id', 'lon', 'lat', 'observed_from', 'observed_to', 'type', 'status'])
        .where('id', '>', after),
    (r) => {
      const point = {
        id: r.id,
        from: Date.parse(r.observed_from),
        to: Date.parse(r.observed_to),
        type: r.type,
        status: r.status,
      };
      if (r.lon === null || r.lat === null) points.addUnlocated(point);
      else points.add({ ...point, lon: Number(r.lon), lat: Number(r.lat) });
    },
  );
  return points;
}

/**
 * Visits every row of a query, read in pages of POINT_PAGE by id (`page(after)` must select
 * `id` and keep to ids after `after`), so that no read holds a server up long.
 */
async function forEachPage<R extends { id: string }>(
  page: (after: string) => SelectQueryBuilder<Database, 'incidents', R>,
  visit: (row: R) => void,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await page(after).orderBy('id').limit(POINT_PAGE).execute();
    rows.forEach(visit);
    const last = rows.at(-1);
    if (last === undefined || rows.length < POINT_PAGE) return;
    after = last.id;
  }
}

/**
 * The start times (ms) of the incidents without a place that match the filters, which lists
 * show and maps cannot; none when the filters name an area. For the filters the point index
 * does not hold (source, words); read in pages.
 */
export async function unlocatedStartTimes(
  db: Db,
  query: Omit<IncidentQuery, 'limit' | 'after'>,
): Promise<number[]> {
  if (query.bbox !== undefined) return [];
  const times: number[] = [];
  await forEachPage(
    (after) =>
      applyFilters(
        db
          .selectFrom('incidents')
          .select(['id', 'observed_from'])
          .where('lon', 'is', null)
          .where('id', '>', after),
        query,
      ),
    (row) => times.push(Date.parse(row.observed_from)),
  );
  return times;
}

/**
 * The widest precision radius an incident may have, in metres: the vocabulary's widest, or an
 * incident's wider one (read from the partial index of migration 0012).
 */
export async function widestIncidentRadius(db: Db): Promise<number> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.max('radius_m').as('widest'))
    .where('radius_m', '>', sql.lit(WIDE_RADIUS_M))
    .executeTakeFirst();
  return Math.max(WIDE_RADIUS_M, Number(row?.widest ?? 0));
}

/** A located incident matching filters, with its precision radius (for zone tests). */
export interface MatchingPoint {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly radiusM: number;
  readonly from: number;
  readonly to: number;
  readonly type: string;
  readonly status: string;
}

/**
 * Every located incident matching the filters, as points with their radius: for the filters
 * the in-memory point index does not hold (source, words, zone). Read in pages by id.
 */
export async function matchingPoints(
  db: Db,
  query: Omit<IncidentQuery, 'limit' | 'after'>,
): Promise<MatchingPoint[]> {
  const points: MatchingPoint[] = [];
  await forEachPage(
    (after) =>
      applyFilters(
        db
          .selectFrom('incidents')
          .select([
            'id',
            'lon',
            'lat',
            'radius_m',
            'observed_from',
            'observed_to',
            'type',
            'status',
          ])
          .where('lon', 'is not', null)
          .where('id', '>', after),
        query,
      ),
    (r) =>
      points.push({
        id: r.id,
        lon: Number(r.lon),
        lat: Number(r.lat),
        radiusM: Number(r.radius_m ?? 0),
        from: Date.parse(r.observed_from),
        to: Date.parse(r.observed_to),
        type: r.type,
        status: r.status,
      }),
  );
  return points;
}

/** Rows per read of the point index: small, so that a reload never holds a server up long. */
const POINT_PAGE = 5000;

/** The names of the sources reporting each of these incidents, sorted, by incident id. */
export async function sourceNamesOf(
  db: Db,
  incidentIds: readonly string[],
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  for (let i = 0; i < incidentIds.length; i += 500) {
    const rows = await db
      .selectFrom('reports')
      .select(['incident_id', 'source_name'])
      .distinct()
      .where('incident_id', 'in', incidentIds.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      if (row.incident_id === null) continue;
      const list = names.get(row.incident_id) ?? [];
      list.push(row.source_name);
      names.set(row.incident_id, list);
    }
  }
  for (const list of names.values()) list.sort();
  return names;
}
