/**
 * Monitoring API, incidents: lists (filtered, keyset-paginated, JSON or GeoJSON), map clusters,
 * one incident with its reports, groupings and zones, and people's merges and splits.
 */
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { VERIFICATION_STATUSES } from '../../core/accountability/model.js';
import { DomainError } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { MAX_PAGE } from '../../services/incidents-service.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import {
  presentClusters,
  presentIncident,
  presentIncidentFeatures,
  presentIncidentList,
  presentTimeline,
} from '../presenters/incidents.js';
import { IdParams } from '../schemas/common.js';
import {
  ClusterCollection,
  ClusterQuery,
  IncidentCsv,
  IncidentDetail,
  IncidentFilterQuery,
  IncidentFilters,
  IncidentPage,
  MergeInput,
  SplitInput,
  Timeline,
  TimelineQuery,
} from '../schemas/incidents.js';

/** The list's query: the filters, a page size and a cursor. */
const ListQuery = Type.Object({
  ...IncidentFilters,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
});

/** Those query parameters as the service's filters; a bad bbox or status fails with a 400. */
function queryFilters(query: {
  bbox?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  sourceKind?: string | undefined;
  q?: string | undefined;
  zone?: string | undefined;
}) {
  const { bbox, type, status, q, ...rest } = query;
  return {
    ...rest,
    bbox: bbox === undefined ? undefined : parseBbox(bbox),
    types: type?.split(',').filter(Boolean),
    statuses: status === undefined ? undefined : parseStatuses(status),
    text: q,
  };
}

export function incidentRoutes(app: App, services: Services): void {
  app.post(
    '/api/v1/incidents/merge',
    {
      config: { access: { verb: 'incident.group' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Merge incidents into one; the decision wins over automatic grouping',
        body: MergeInput,
        response: {
          204: Type.Null(),
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      await services.incidents.merge(
        request.body.incidentIds,
        request.body.reason,
        requirePrincipal(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/incidents/:id/split',
    {
      config: { access: { verb: 'incident.group' } },
      schema: {
        tags: ['monitoring'],
        summary:
          'Move reports out of an incident into a new one; they are never grouped back automatically',
        params: IdParams,
        body: SplitInput,
        response: {
          204: Type.Null(),
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { reportIds, reason } = request.body;
      await services.incidents.split(
        request.params.id,
        reportIds,
        reason,
        requirePrincipal(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/incidents.csv',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary:
          'Every incident matching the filters as CSV (streamed, newest first; cells quoted and formula-safe)',
        querystring: IncidentFilterQuery,
        produces: ['text/csv'],
        response: {
          200: IncidentCsv,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const query = { ...queryFilters(request.query), limit: MAX_PAGE };
      // Bad filters (an unknown zone) fail here, before the first byte is sent.
      await services.incidents.list({ ...query, limit: 1 });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="incidents.csv"')
        .send(Readable.from(services.incidents.exportCsv(query)));
    },
  );

  app.get(
    '/api/v1/incidents',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Incidents, newest first; send Accept: application/geo+json for GeoJSON',
        querystring: ListQuery,
        response: {
          200: IncidentPage,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filters } = request.query;
      const page = await services.incidents.list({
        ...queryFilters(filters),
        cursor,
        limit: limit ?? 100,
      });
      const nextUrl = page.next === null ? null : withCursor(request.url, page.next);
      if (request.headers.accept?.includes('application/geo+json')) {
        return reply.type('application/geo+json').send(presentIncidentFeatures(page, nextUrl));
      }
      return presentIncidentList(page, nextUrl);
    },
  );

  app.get(
    '/api/v1/incidents/clusters',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Incidents clustered for a map at a zoom level, as GeoJSON points with counts',
        querystring: ClusterQuery,
        response: {
          200: ClusterCollection,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { zoom, ...filters } = request.query;
      const cells = await services.incidents.clusters(queryFilters(filters), zoom);
      return reply.type('application/geo+json').send(presentClusters(cells));
    },
  );

  app.get(
    '/api/v1/incidents/timeline',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary:
          'How many incidents matching the filters started in each bin of time, over their whole range',
        description:
          'The incidents of the list with the same filters, located or not (`unlocated` says how many have no place; a bbox or zone filter leaves those out). Bins have one round width (1 minute to years), aligned to the epoch in UTC, chosen so that there are at most `bins` of them; empty bins are listed with a count of 0. An incident counts in the bin of the start of its observed window. Without a source, words or zone filter the located ones are counted from the in-memory point index the clusters use.',
        querystring: TimelineQuery,
        response: {
          200: Timeline,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => {
      // The timeline spans every time: `from` and `to` (allowed through) are not applied.
      const { bins, ...filters } = request.query;
      const { from: _f, to: _t, ...untimed } = queryFilters(filters);
      return presentTimeline(await services.incidents.timeline(untimed, bins ?? 100));
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary: 'One incident with its reports and the explanation of each grouping',
        params: IdParams,
        response: {
          200: IncidentDetail,
          ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => presentIncident(await services.incidents.get(request.params.id)),
  );
}

function parseBbox(text: string): [number, number, number, number] {
  const raw = text.split(',');
  const parts = raw.map((part) => (part.trim() === '' ? NaN : Number(part)));
  const [west, south, east, north] = parts;
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    west !== undefined &&
    south !== undefined &&
    east !== undefined &&
    north !== undefined &&
    Math.abs(west) <= 180 &&
    Math.abs(east) <= 180 &&
    Math.abs(south) <= 90 &&
    Math.abs(north) <= 90 &&
    south <= north;
  if (!valid) {
    throw new DomainError('VALIDATION_FAILED', 'bbox is west,south,east,north in degrees', [
      {
        path: 'querystring/bbox',
        message: `"${text}" is not west,south,east,north within ±180/±90 with south <= north`,
      },
    ]);
  }
  return [west, south, east, north];
}

function parseStatuses(text: string): string[] {
  const statuses = text.split(',').filter(Boolean);
  const unknown = statuses.filter((s) => !(VERIFICATION_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `status: no status "${unknown.join('", "')}"`, [
      {
        path: 'querystring/status',
        message: `"${unknown.join('", "')}" is not a status; use any of ${VERIFICATION_STATUSES.join(', ')}, comma-separated`,
      },
    ]);
  }
  return statuses;
}

function withCursor(url: string, cursor: string): string {
  const parsed = new URL(url, 'http://x');
  parsed.searchParams.set('cursor', cursor);
  return `${parsed.pathname}${parsed.search}`;
}
