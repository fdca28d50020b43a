/**
 * Monitoring API, incidents: lists (filtered, keyset-paginated, JSON or GeoJSON), map clusters,
 * one incident with its reports, groupings and zones, and people's merges and splits.
 */
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { VERIFICATION_STATUSES } from '../../core/accountability/model.js';
import { DomainError } from '../../core/errors.js';
import { SOURCE_KINDS } from '../../core/reports/vocabulary.js';
import type { Services } from '../../services.js';
import { MAX_PAGE } from '../../services/incidents-service.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';

const Loose = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });
const IncidentSchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  status: Type.String(),
  observedFrom: Type.String(),
  observedTo: Type.String(),
  location: Type.Union([
    Type.Object({ lon: Type.Number(), lat: Type.Number(), radiusM: Type.Number() }),
    Type.Null(),
  ]),
  reports: Type.Integer(),
  sources: Type.Integer(),
});

/** The filters incident lists, clusters and the timeline share, as query parameters. */
const FILTERS = {
  bbox: Type.Optional(Type.String({ description: 'west,south,east,north (WGS 84)' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  type: Type.Optional(Type.String({ description: 'incident types, comma-separated' })),
  status: Type.Optional(
    Type.String({
      maxLength: 200,
      description: `statuses, comma-separated: any of ${VERIFICATION_STATUSES.join(', ')}`,
    }),
  ),
  source: Type.Optional(Type.String({ maxLength: 200, description: 'a source by name' })),
  sourceKind: Type.Optional(
    Type.Unsafe<string>({
      type: 'string',
      enum: [...SOURCE_KINDS],
      description: 'only incidents with a report from a source of this kind',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'words in report texts' })),
  zone: Type.Optional(
    Type.String({
      maxLength: 130,
      description:
        'only incidents inside a zone or whose precision crosses its edge: <document>/<zone>',
    }),
  ),
};

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
  const Reason = Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'why; kept in the record',
  });
  app.post(
    '/api/v1/incidents/merge',
    {
      config: { access: { verb: 'incident.group' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Merge incidents into one; the decision wins over automatic grouping',
        body: Type.Object(
          {
            incidentIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 2, maxItems: 100 }),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
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
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            reportIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 1000 }),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
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
        querystring: Type.Object(FILTERS),
        produces: ['text/csv'],
        response: {
          200: Type.Unsafe<unknown>({ type: 'string', description: 'CSV, RFC 4180' }),
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
        querystring: Type.Object({
          ...FILTERS,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 100 })),
          cursor: Type.Optional(Type.String({ maxLength: 400 })),
        }),
        response: { 200: Loose, ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS) },
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
        return reply.type('application/geo+json').send({
          type: 'FeatureCollection',
          features: page.incidents.map(({ location, ...incident }) => ({
            type: 'Feature',
            id: incident.id,
            geometry: location && { type: 'Point', coordinates: [location.lon, location.lat] },
            properties: { ...incident, radiusM: location?.radiusM ?? null },
          })),
          links:
            nextUrl === null ? [] : [{ rel: 'next', href: nextUrl, type: 'application/geo+json' }],
        });
      }
      return { incidents: page.incidents, next: page.next, nextUrl };
    },
  );

  app.get(
    '/api/v1/incidents/clusters',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Incidents clustered for a map at a zoom level, as GeoJSON points with counts',
        querystring: Type.Object({
          zoom: Type.Integer({ minimum: 0, maximum: 22 }),
          ...FILTERS,
        }),
        response: { 200: Loose, ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request, reply) => {
      const { zoom, ...filters } = request.query;
      const cells = await services.incidents.clusters(queryFilters(filters), zoom);
      return reply.type('application/geo+json').send({
        type: 'FeatureCollection',
        features: cells.map((c) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
          properties: { count: c.count, incidentId: c.incidentId },
        })),
      });
    },
  );

  const { from: _from, to: _to, ...UNTIMED_FILTERS } = FILTERS;
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
        querystring: Type.Object({
          ...UNTIMED_FILTERS,
          bins: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 1000,
              default: 100,
              description: 'at most this many bins',
            }),
          ),
        }),
        response: {
          200: Type.Object({
            from: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
              description: 'start of the first bin; null when no incident matches',
            }),
            to: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
              description: 'end of the last bin (exclusive); null when no incident matches',
            }),
            binMs: Type.Integer({ minimum: 1, description: 'the width of every bin, in ms' }),
            bins: Type.Array(
              Type.Object({
                start: Type.String({ format: 'date-time' }),
                count: Type.Integer({ minimum: 0 }),
              }),
            ),
            unlocated: Type.Integer({
              minimum: 0,
              description: 'how many of the incidents counted have no place (not on maps)',
            }),
          }),
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => {
      // The timeline spans every time: `from` and `to` (allowed through) are not applied.
      const { bins, ...filters } = request.query;
      const { from: _f, to: _t, ...untimed } = queryFilters(filters);
      return services.incidents.timeline(untimed, bins ?? 100);
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary: 'One incident with its reports and the explanation of each grouping',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({
            incident: IncidentSchema,
            zones: Type.Array(
              Type.Object({
                documentId: Type.String(),
                zoneId: Type.String(),
                name: Type.String(),
                kind: Type.String(),
                approximate: Type.Boolean(),
                inForce: Type.String({ enum: ['yes', 'indeterminate'] }),
                relation: Type.String({ enum: ['inside', 'outside', 'indeterminate', 'near'] }),
                distanceM: Type.Number(),
              }),
            ),
            reports: Type.Array(Loose),
            decisions: Type.Array(
              Type.Object({
                eventId: Type.String({
                  description: 'the record event, for /api/v1/record/events/{eventId}',
                }),
                kind: Type.Union([Type.Literal('merge'), Type.Literal('split')]),
                reason: Type.String(),
                incidentIds: Type.Array(Type.String(), {
                  description: 'the incidents as the decision named them',
                }),
                movedReportIds: Type.Array(Type.String(), {
                  description: 'for a split, the reports taken out',
                }),
                by: Type.String(),
                at: Type.String(),
              }),
              {
                description:
                  'people’s merges and splits that concerned these reports, oldest first',
              },
            ),
            names: Type.Record(Type.String(), Type.String(), {
              description: 'user names of the principal ids in decisions',
            }),
            groupings: Type.Array(Loose),
          }),
          ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => services.incidents.get(request.params.id),
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
