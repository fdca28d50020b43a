/** Incidents: lists for maps and tables, and one incident with its reports and groupings. */
import { csvLine } from '../core/csv.js';
import { DomainError, invalid } from '../core/errors.js';
import { stampEvents, type EventBody } from '../core/events.js';
import { principalId, type Principal } from '../core/auth/principal.js';
import { inReadSnapshot, inTransaction, record, type Tx } from '../store/record.js';
import {
  groupingDecisionsOf,
  incidentMemberIds,
  incidentsOfReports,
} from '../store/report-store.js';
import { principalNames } from '../store/accountability-store.js';
import type { GroupingExplanation } from '../core/incidents/grouping.js';
import type { StoredReport } from '../core/reports/report.js';
import {
  cellDegreesAt,
  clusterPoints,
  type Cluster,
  type ClusterFilter,
  type PointColumns,
  type StartTimes,
} from '../core/incidents/clusters.js';
import { histogram } from '../core/incidents/timeline.js';
import { recordSize } from '../store/record-log.js';
import {
  clusterIncidents,
  findIncident,
  incidentPoints,
  groupingLinks,
  incidentReports,
  listIncidents,
  matchingPoints,
  placeOfIncident,
  sourceNamesOf,
  unlocatedStartTimes,
  widestIncidentRadius,
  WIDE_RADIUS_M,
  type IncidentListRow,
  type IncidentQuery,
} from '../store/incident-store.js';
import type { ServiceContext } from './context.js';
import type { StoredZone } from '../core/agreements/stored.js';
import { boundsOf } from '../core/geo/bounds.js';
import type { Geometry } from '../core/geo/geojson.js';
import { relateToZone, type PlaceWithPrecision } from '../core/geo/relate.js';

/** A zone in force during (part of) a time window; `straddles` when it began inside it. */
export type ZoneInForce = StoredZone & { readonly documentId: string; readonly straddles: boolean };

/** An incident as lists show it. */
export interface IncidentSummary {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly observedFrom: string;
  readonly observedTo: string;
  readonly location: { lon: number; lat: number; radiusM: number } | null;
  readonly reports: number;
  readonly sources: number;
}

/** A page of incidents and the cursor for the next page (null at the end). */
export interface IncidentPage {
  readonly incidents: IncidentSummary[];
  readonly next: string | null;
}

/** The filters of maps, timelines and lists: those of the store, and a zone. */
export type FilterQuery = Omit<IncidentQuery, 'after' | 'limit'> & {
  /** Only incidents inside a zone (or whose precision crosses its edge): `<document>/<zone>`. */
  zone?: string | undefined;
};

/** What incident lists are asked for: filters, a page size, and where the page starts. */
export type ListQuery = FilterQuery & { limit: number; cursor?: string | undefined };

/**
 * How many incidents started in each bin of time, over the whole range of the filtered
 * incidents; times are ISO 8601 (UTC), null when no incident matches.
 */
export interface IncidentTimeline {
  readonly from: string | null;
  readonly to: string | null;
  readonly binMs: number;
  readonly bins: { readonly start: string; readonly count: number }[];
  /** How many of the incidents counted have no place (they are in lists, not on maps). */
  readonly unlocated: number;
}

/** The columns of the CSV export. */
const CSV_COLUMNS = [
  'id',
  'type',
  'status',
  'observed_from',
  'observed_to',
  'lon',
  'lat',
  'radius_m',
  'reports',
  'sources',
  'source_names',
];

/** Point indexes up to this many incidents are reloaded before a map is answered. */
const SYNC_RELOAD_POINTS = 100_000;
/** Larger ones at most this often, in the background. */
const RELOAD_INTERVAL_MS = 5000;

/** The most incidents one page may hold. */
export const MAX_PAGE = 1000;

export type IncidentsService = ReturnType<typeof createIncidentsService>;

/**
 * Incidents. `zonesAt` gives the zones in force during a time window (from the agreements),
 * so an incident can be related to them.
 */
export function createIncidentsService(
  ctx: ServiceContext,
  zonesAt: (from: string, to: string) => Promise<ZoneInForce[]>,
  zonesOf: (documentId: string) => Promise<StoredZone[]>,
) {
  const { db } = ctx.store;

  /**
   * The located incidents as points, reloaded when the record has grown since (any write, from
   * this process or another, grows it): maps ask often, incidents change in bursts. A small
   * index is reloaded before answering; a large one (a million points take seconds to read) is
   * reloaded in the background at most every RELOAD_INTERVAL_MS while maps get the one before,
   * so under steady intake map clusters lag the incidents by a few seconds.
   */
  let pointIndex: { size: number; points: PointColumns } | undefined;
  let reloading: Promise<void> | undefined;
  let lastReload = 0;
  /** One reload at a time, from one snapshot (a merge landing meanwhile counts once). */
  const reload = (size: number): Promise<void> =>
    (reloading ??= (async () => {
      lastReload = performance.now();
      const points = await inReadSnapshot(db, (snapshot) => incidentPoints(snapshot));
      pointIndex = { size, points };
    })().finally(() => (reloading = undefined)));
  async function currentPoints(): Promise<PointColumns> {
    const size = await recordSize(db);
    if (pointIndex === undefined || pointIndex.points.size < SYNC_RELOAD_POINTS) {
      if (pointIndex?.size !== size) await reload(size);
    } else if (pointIndex.size !== size && performance.now() - lastReload >= RELOAD_INTERVAL_MS) {
      // A failed reload (the database going away at shutdown) is retried by a later request.
      void reload(size).catch(() => undefined);
    }
    return (pointIndex as { points: PointColumns }).points;
  }

  /** Whether the filters need the database: the point index holds no sources or words. */
  const needsDatabase = (query: FilterQuery) =>
    query.source !== undefined || query.sourceKind !== undefined || query.text !== undefined;

  /** The filters as the point index takes them. */
  const indexFilter = (query: FilterQuery): ClusterFilter => ({
    bbox: query.bbox,
    from: query.from === undefined ? undefined : Date.parse(query.from),
    to: query.to === undefined ? undefined : Date.parse(query.to),
    types: query.types,
    statuses: query.statuses,
  });

  /**
   * The located incidents matching the filters, from the database: the zone's bounds narrow
   * the query there, the exact test (inside, or the precision crossing the edge) runs here.
   */
  async function pointsMatching(query: FilterQuery) {
    if (query.zone === undefined) return matchingPoints(db, query);
    const zone = await findZone(query.zone);
    const { near, far } = await zoneSearch(zone, query.bbox);
    const points = await inReadSnapshot(db, async (snapshot) => {
      const found =
        near === undefined ? [] : await matchingPoints(snapshot, { ...query, bbox: near });
      if (far === undefined) return found;
      const seen = new Set(found.map((point) => point.id));
      const wide = await matchingPoints(snapshot, { ...query, bbox: far, wideOnly: true });
      return [...found, ...wide.filter((point) => !seen.has(point.id))];
    });
    return points.filter((point) => reachesZone(point, zone));
  }

  /**
   * Where a zone filter looks, within the requested bbox: every incident in the zone's bounds
   * widened by the vocabulary's widest precision (`near`), and the rare incidents with a wider
   * radius in the bounds widened by the widest radius held (`far`, absent when there are none).
   * One report with a vast radius then widens the search for itself only.
   */
  async function zoneSearch(zone: StoredZone, bbox: IncidentQuery['bbox']) {
    const near = intersectBbox(bbox, searchBoundsOf(zone.geometry, WIDE_RADIUS_M));
    const widest = await widestIncidentRadius(db);
    const far =
      widest > WIDE_RADIUS_M
        ? intersectBbox(bbox, searchBoundsOf(zone.geometry, widest))
        : undefined;
    return { near, far };
  }

  /**
   * The next incidents newest first after `after` in a zone's search boxes: the near box's and
   * the far box's wide ones, merged. A full page from either may hide older rows, so the merge
   * stops at the newest of the full pages' last rows; `more` says whether any page was full.
   */
  async function zonePage(
    query: ListQuery,
    search: { near?: IncidentQuery['bbox']; far?: IncidentQuery['bbox'] },
    after: IncidentQuery['after'],
  ): Promise<{ rows: IncidentListRow[]; more: boolean }> {
    const { limit } = query;
    // One snapshot for both: the cut below must see each row as both pages do.
    const pages = await inReadSnapshot(db, async (snapshot) => [
      search.near === undefined
        ? []
        : await listIncidents(snapshot, { ...query, bbox: search.near, after }),
      search.far === undefined
        ? []
        : await listIncidents(snapshot, { ...query, bbox: search.far, wideOnly: true, after }),
    ]);
    const byId = new Map(pages.flat().map((row) => [row.id, row]));
    const merged = [...byId.values()].sort(newestFirst);
    const cuts = pages
      .filter((page) => page.length === limit)
      .map((page) => page.at(-1) as IncidentListRow);
    if (cuts.length === 0) return { rows: merged, more: false };
    const cut = cuts.sort(newestFirst)[0] as IncidentListRow;
    return {
      rows: merged.slice(0, merged.indexOf(byId.get(cut.id) as IncidentListRow) + 1),
      more: true,
    };
  }

  /**
   * The start times of the incidents matching the filters, with or without a place: from the
   * in-memory point index unless a filter needs the database (source, words, zone).
   */
  async function startTimesOf(query: FilterQuery): Promise<StartTimes> {
    if (query.zone !== undefined) {
      const located = (await pointsMatching(query)).map((point) => point.from);
      return { times: Float64Array.from(located), unlocated: 0 };
    }
    if (!needsDatabase(query)) return (await currentPoints()).startTimes(indexFilter(query));
    const located = (await matchingPoints(db, query)).map((point) => point.from);
    const unlocated = await unlocatedStartTimes(db, query);
    return { times: Float64Array.from([...located, ...unlocated]), unlocated: unlocated.length };
  }

  async function findZone(key: string): Promise<StoredZone> {
    const [documentId = '', zoneId = ''] = key.split('/');
    const zone = (await zonesOf(documentId)).find((z) => z.id === zoneId);
    if (zone === undefined) {
      throw new DomainError('VALIDATION_FAILED', `zone: no zone "${key}"`, [
        { path: 'querystring/zone', message: 'no such zone; use <document>/<zone>' },
      ]);
    }
    return zone;
  }
  /** Records a person's grouping decision after checking it makes sense. */
  async function decide(by: Principal, reason: string, check: (tx: Tx) => Promise<EventBody>) {
    if (reason.trim().length === 0) throw invalid('reason', 'give the reason for the decision');
    await inTransaction(db, async (tx) => {
      const body = await check(tx);
      await record(
        tx,
        stampEvents([body], { at: ctx.now().toISOString(), by: principalId(by), newId: ctx.newId }),
      );
    });
  }

  async function requireIncident(tx: Tx, id: string): Promise<void> {
    if ((await findIncident(tx, id)) === undefined) {
      throw new DomainError('NOT_FOUND', `no incident "${id}"`, [
        { path: 'id', message: 'no such incident' },
      ]);
    }
  }

  const service = {
    /** Puts incidents together as one (a person's decision, which automatic grouping keeps). */
    merge: (incidentIds: readonly string[], reason: string, by: Principal) =>
      decide(by, reason, async (tx) => {
        const ids = [...new Set(incidentIds)];
        if (ids.length < 2) throw invalid('incidentIds', 'name at least two different incidents');
        for (const id of ids) await requireIncident(tx, id);
        return { type: 'incidents.merged', payload: { incidentIds: ids, reason: reason.trim() } };
      }),

    /** Takes reports out of an incident into a new one, kept apart from the rest from now on. */
    split: (incidentId: string, reportIds: readonly string[], reason: string, by: Principal) =>
      decide(by, reason, async (tx) => {
        await requireIncident(tx, incidentId);
        const members = new Set(await incidentMemberIds(tx, incidentId));
        const leaving = [...new Set(reportIds)];
        const strangers = leaving.filter((id) => !members.has(id));
        if (strangers.length > 0) {
          throw invalid(
            'reportIds',
            `not reports of incident ${incidentId}: ${strangers.join(', ')}`,
          );
        }
        if (leaving.length === 0 || leaving.length === members.size) {
          throw invalid('reportIds', "name some, but not all, of the incident's reports");
        }
        return {
          type: 'incident.split',
          payload: { incidentId, reportIds: leaving, reason: reason.trim() },
        };
      }),

    /**
     * Incidents clustered for a map at a zoom level (0-22): one point per grid cell of about a
     * quarter of a 256-pixel tile, with the count, and the incident's id when a cell holds one.
     */
    async clusters(query: FilterQuery, zoom: number): Promise<Cluster[]> {
      const cellDegrees = cellDegreesAt(zoom);
      if (query.zone !== undefined) {
        return clusterPoints(await pointsMatching(query), { bbox: query.bbox }, cellDegrees);
      }
      if (needsDatabase(query)) {
        // Filters the point index does not hold: count in the database.
        return clusterIncidents(db, query, cellDegrees, ctx.store.dialect === 'postgres');
      }
      return (await currentPoints()).cluster(indexFilter(query), cellDegrees);
    },

    /**
     * How many incidents matching the filters started in each bin of time, at most `maxBins`
     * bins of a round width over the whole range (core/incidents/timeline.ts): the incidents of
     * the list, `unlocated` of them without a place (on no map, in no zone).
     */
    async timeline(query: Omit<FilterQuery, 'from' | 'to'>, maxBins: number) {
      const { times, unlocated } = await startTimesOf(query);
      const counted = histogram(times, maxBins);
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      return {
        from: iso(counted.from),
        to: iso(counted.to),
        binMs: counted.binMs,
        bins: counted.bins.map((bin) => ({ start: iso(bin.start) as string, count: bin.count })),
        unlocated,
      } satisfies IncidentTimeline;
    },

    /** A page of incidents matching the filters, newest first. */
    async list(query: ListQuery): Promise<IncidentPage> {
      let after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (query.zone === undefined) {
        const rows = await listIncidents(db, { ...query, limit: query.limit + 1, after });
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
          incidents: page.map(summarize),
          next: rows.length > query.limit && last ? encodeCursor(last) : null,
        };
      }
      // A zone: its bounds narrow the query in the database (zoneSearch); the exact test runs
      // here, page by page, until the page is full or the incidents run out.
      const zone = await findZone(query.zone);
      const search = await zoneSearch(zone, query.bbox);
      const found: IncidentListRow[] = [];
      for (;;) {
        const { rows, more } = await zonePage(query, search, after);
        for (const row of rows) {
          if (row.lon === null || row.lat === null) continue;
          const place = { lon: row.lon, lat: row.lat, radiusM: row.radius_m ?? 0 };
          if (reachesZone(place, zone)) found.push(row);
          if (found.length === query.limit) {
            return { incidents: found.map(summarize), next: encodeCursor(row) };
          }
        }
        const last = rows.at(-1);
        if (!more || last === undefined) return { incidents: found.map(summarize), next: null };
        after = { observedFrom: last.observed_from, id: last.id };
      }
    },

    /**
     * Every incident matching the filters as CSV lines (a header first), newest first, read a
     * page at a time so an export of millions streams in bounded memory. Cells are quoted and
     * formula-safe (core/csv.ts): source names come from senders.
     */
    async *exportCsv(query: ListQuery): AsyncGenerator<string> {
      yield csvLine(CSV_COLUMNS);
      let cursor = query.cursor;
      for (;;) {
        const page = await service.list({ ...query, cursor, limit: MAX_PAGE });
        const names = await sourceNamesOf(
          db,
          page.incidents.map((i) => i.id),
        );
        let lines = '';
        for (const i of page.incidents) {
          lines += csvLine([
            i.id,
            i.type,
            i.status,
            i.observedFrom,
            i.observedTo,
            i.location?.lon ?? null,
            i.location?.lat ?? null,
            i.location?.radiusM ?? null,
            i.reports,
            i.sources,
            (names.get(i.id) ?? []).join('; '),
          ]);
        }
        yield lines;
        if (page.next === null) return;
        cursor = page.next;
      }
    },

    /** One incident with its reports and the explanations of its groupings. */
    async get(id: string) {
      const row = await findIncident(db, id);
      if (row === undefined) {
        throw new DomainError('NOT_FOUND', `no incident "${id}"`, [
          { path: 'id', message: 'no such incident' },
        ]);
      }
      const reports = (await incidentReports(db, id)).map(
        (body) => JSON.parse(body) as StoredReport,
      );
      const links = await groupingLinks(
        db,
        reports.map((r) => r.id),
      );
      // Links may reach reports of other incidents (suggestions, or a pair a person split): name
      // those incidents, so a person can merge them from here.
      const inside = new Set(reports.map((r) => r.id));
      const outside = links.flatMap((l) =>
        [l.report_id, l.other_id].filter((reportId) => !inside.has(reportId)),
      );
      const incidentOf = await incidentsOfReports(db, outside);
      const incident = summarize(row);
      const zones = incident.location
        ? (await zonesAt(incident.observedFrom, incident.observedTo)).map((zone) => ({
            documentId: zone.documentId,
            zoneId: zone.id,
            name: zone.name,
            kind: zone.kind,
            approximate: zone.approximate ?? false,
            // A zone that came into force during the incident's window may not have applied yet.
            inForce: zone.straddles ? ('indeterminate' as const) : ('yes' as const),
            ...relateToZone(incident.location as PlaceWithPrecision, zone.geometry),
          }))
        : [];
      const decisions = await groupingDecisionsOf(db, [...inside]);
      return {
        incident,
        zones,
        reports,
        /** People's merges and splits that concerned this incident's reports, oldest first. */
        decisions: decisions.map((d) => ({
          eventId: d.event_id,
          kind: d.kind,
          reason: d.reason,
          incidentIds: JSON.parse(d.incident_ids) as string[],
          movedReportIds: JSON.parse(d.moved_report_ids) as string[],
          by: d.decided_by,
          at: d.decided_at,
        })),
        /** User names for the principal ids of `decisions`. */
        names: await principalNames(
          db,
          decisions.map((d) => d.decided_by),
        ),
        groupings: links.map((l) => {
          const away = inside.has(l.report_id) ? l.other_id : l.report_id;
          return {
            reportId: l.report_id,
            otherId: l.other_id,
            /** The incident of the pair's report that is not in this one; null when both are. */
            otherIncidentId: inside.has(away) ? null : (incidentOf.get(away) ?? null),
            explanation: JSON.parse(l.explanation) as GroupingExplanation,
          };
        }),
      };
    },
  };
  return service;
}

function summarize(row: IncidentListRow): IncidentSummary {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    observedFrom: row.observed_from,
    observedTo: row.observed_to,
    location: placeOfIncident(row),
    reports: row.report_count,
    sources: row.source_count,
  };
}

function encodeCursor(row: IncidentListRow): string {
  return Buffer.from(JSON.stringify([row.observed_from, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { observedFrom: string; id: string } {
  try {
    const [observedFrom, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof observedFrom === 'string' && typeof id === 'string') return { observedFrom, id };
  } catch {
    // fall through to the error below
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor: not a cursor this server gave out', [
    { path: 'querystring/cursor', message: 'not a cursor this server gave out' },
  ]);
}

/** Whether a place is inside a zone or its precision crosses the zone's edge (undecidable). */
function reachesZone(place: PlaceWithPrecision, zone: StoredZone): boolean {
  const { relation } = relateToZone(place, zone.geometry);
  return relation === 'inside' || relation === 'indeterminate';
}

/**
 * Newest first: by the start of the observed window, then by id, both descending, as lists are
 * ordered in SQL. Comparing as JavaScript strings agrees with the databases' ordering because
 * both columns are ASCII of fixed shape (ISO 8601 UTC times from toISOString, lowercase UUIDs),
 * which binary and locale collations order alike.
 */
function newestFirst(a: IncidentListRow, b: IncidentListRow): number {
  if (a.observed_from !== b.observed_from) return a.observed_from < b.observed_from ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * A zone's bounds widened by a precision radius (metres): an incident just outside the box
 * whose precision circle crosses the zone's edge must reach the exact test, which keeps it as
 * undecidable. Clamped to the globe.
 */
function searchBoundsOf(geometry: Geometry, marginM: number): [number, number, number, number] {
  const [west, south, east, north] = boundsOf(geometry);
  const latMargin = marginM / 111_000;
  const poleMost = Math.min(89, Math.max(Math.abs(south), Math.abs(north)) + latMargin);
  const lonMargin = latMargin / Math.cos((poleMost * Math.PI) / 180);
  return [
    Math.max(-180, west - lonMargin),
    Math.max(-90, south - latMargin),
    Math.min(180, east + lonMargin),
    Math.min(90, north + latMargin),
  ];
}

/**
 * The overlap of a requested bbox and a zone's search bounds (which never cross the
 * antimeridian), or undefined when they do not meet. A requested bbox that crosses the
 * antimeridian (west > east) is two boxes; when the bounds meet both, the answer is a box that
 * crosses it too and holds both overlaps (a search box may hold more: the exact test follows).
 */
function intersectBbox(
  requested: IncidentQuery['bbox'],
  bounds: [number, number, number, number],
): [number, number, number, number] | undefined {
  if (requested === undefined) return bounds;
  const [west, south, east, north] = requested;
  const [boundsWest, boundsSouth, boundsEast, boundsNorth] = bounds;
  const lat: [number, number] = [Math.max(south, boundsSouth), Math.min(north, boundsNorth)];
  if (lat[0] > lat[1]) return undefined;
  if (west <= east) {
    const lon: [number, number] = [Math.max(west, boundsWest), Math.min(east, boundsEast)];
    return lon[0] <= lon[1] ? [lon[0], lat[0], lon[1], lat[1]] : undefined;
  }
  // [west, 180] and [-180, east]
  const eastern = boundsEast >= west;
  const western = boundsWest <= east;
  if (eastern && western) {
    return [Math.max(west, boundsWest), lat[0], Math.min(east, boundsEast), lat[1]];
  }
  if (eastern) return [Math.max(west, boundsWest), lat[0], boundsEast, lat[1]];
  if (western) return [boundsWest, lat[0], Math.min(east, boundsEast), lat[1]];
  return undefined;
}
