/** Incidents: lists for maps and tables, and one incident with its reports and groupings. */
import { csvLine } from '../core/csv.js';
import { DomainError } from '../core/errors.js';
import { createGroupingDecisions } from './grouping-decisions.js';
import { createPointIndex } from './point-index.js';
import { reachesZone, zoneBoxes, zoneListPage, zonePoints } from './zone-search.js';
import { groupingDecisionsOf } from '../store/grouping-decision-store.js';
import { incidentsOfReports } from '../store/report-store.js';
import { principalNames } from '../store/accountability-store.js';
import {
  cellDegreesAt,
  clusterPoints,
  type Cluster,
  type ClusterFilter,
  type StartTimes,
} from '../core/incidents/clusters.js';
import { histogram } from '../core/incidents/timeline.js';
import {
  clusterIncidents,
  findIncident,
  groupingLinks,
  incidentReports,
  listIncidents,
  matchingPoints,
  placeOfIncident,
  sourceNamesOf,
  unlocatedStartTimes,
  type IncidentListRow,
  type IncidentQuery,
} from '../store/incident-store.js';
import type { ServiceContext } from './context.js';
import type { StoredZone } from '../core/agreements/stored.js';
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

/** The most incidents one page may hold. */
export const MAX_PAGE = 1000;

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

  const pointIndex = createPointIndex(db);
  const currentPoints = () => pointIndex.current();

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

  /** The located incidents matching the filters, from the database. */
  async function pointsMatching(query: FilterQuery) {
    if (query.zone === undefined) return matchingPoints(db, query);
    return zonePoints(db, query, await findZone(query.zone));
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
  const service = {
    ...createGroupingDecisions(ctx),

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
      // A zone: its search boxes narrow the query in the database (zone-search.ts); the exact
      // test runs here, page by page, until the page is full or the incidents run out.
      const zone = await findZone(query.zone);
      const boxes = await zoneBoxes(db, zone, query.bbox);
      const found: IncidentListRow[] = [];
      for (;;) {
        const { rows, more } = await zoneListPage(db, query, boxes, after);
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
      const reports = await incidentReports(db, id);
      const links = await groupingLinks(
        db,
        reports.map((r) => r.id),
      );
      // Links may reach reports of other incidents (suggestions, or a pair a person split): name
      // those incidents, so a person can merge them from here.
      const inside = new Set(reports.map((r) => r.id));
      const outside = links.flatMap((l) =>
        [l.reportId, l.otherId].filter((reportId) => !inside.has(reportId)),
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
        decisions,
        /** User names for the principal ids of `decisions`. */
        names: await principalNames(
          db,
          decisions.map((d) => d.by),
        ),
        groupings: links.map((l) => {
          const away = inside.has(l.reportId) ? l.otherId : l.reportId;
          return {
            reportId: l.reportId,
            otherId: l.otherId,
            /** The incident of the pair's report that is not in this one; null when both are. */
            otherIncidentId: inside.has(away) ? null : (incidentOf.get(away) ?? null),
            explanation: l.explanation,
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
