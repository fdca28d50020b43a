/**
 * Monitoring API: taking in reports (one, or a batch of up to 10,000, each answered on its own)
 * and reading incidents (filtered, keyset-paginated, JSON or GeoJSON).
 */
import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import { DomainError } from '../../core/errors.js';
import { ReportInputSchema } from '../../core/reports/report-schema.js';
import type { Services } from '../../services.js';
import { MAX_PAGE } from '../../services/incidents-service.js';
import { MAX_BATCH, type IntakeResult } from '../../services/reports-service.js';
import { PUBLIC, requirePrincipal } from '../access.js';
import type { App } from '../app.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../schemas.js';

/** How many public submissions one address may send per window. */
export const PUBLIC_SUBMISSIONS = { max: 10, windowMs: 10 * 60_000 } as const;

const Loose = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });
const ResultSchema = Type.Object({
  index: Type.Integer(),
  status: Type.String({ enum: ['accepted', 'duplicate', 'rejected'] }),
  id: Type.Optional(Type.String()),
  replaces: Type.Optional(Type.String()),
  problems: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});
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

export function reportRoutes(app: App, services: Services): void {
  app.post(
    '/api/v1/reports',
    {
      config: { access: { verb: 'report.submit' } },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['monitoring'],
        summary: `Send one report, or {"reports": [...]} with up to ${MAX_BATCH}; each is accepted, a duplicate (same clientId) or rejected with reasons`,
        description: `A report: ${JSON.stringify(Object.keys(ReportInputSchema.properties))}. Accepted reports are durable when the answer arrives.`,
        body: Loose,
        response: {
          // A batch: {accepted, duplicates, rejected, results}; one report already received: its result.
          200: Type.Unsafe({
            anyOf: [
              Type.Object({
                accepted: Type.Integer(),
                duplicates: Type.Integer(),
                rejected: Type.Integer(),
                results: Type.Array(ResultSchema),
              }),
              ResultSchema,
            ],
          }),
          201: ResultSchema,
          ...errorResponses('VALIDATION_FAILED', 'BODY_TOO_LARGE', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const by = requirePrincipal(request);
      const body = request.body;
      if (!('reports' in body)) {
        const result = await services.reports.submitOne({ value: body }, by);
        if (result.status === 'rejected') throw rejection(result, 'body');
        return reply.status(result.status === 'accepted' ? 201 : 200).send(result);
      }
      const list = body['reports'];
      if (!Array.isArray(list) || Object.keys(body).length !== 1) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'a batch is {"reports": [...]} and nothing else',
          [{ path: 'body/reports', message: 'must be an array of reports' }],
        );
      }
      if (list.length > MAX_BATCH) {
        throw new DomainError('VALIDATION_FAILED', `a batch holds at most ${MAX_BATCH} reports`, [
          { path: 'body/reports', message: `has ${list.length} reports; at most ${MAX_BATCH}` },
        ]);
      }
      const results = await services.reports.submit(
        list.map((value: unknown) => ({ value })),
        by,
      );
      const count = (status: IntakeResult['status']) =>
        results.filter((r) => r.status === status).length;
      return {
        accepted: count('accepted'),
        duplicates: count('duplicate'),
        rejected: count('rejected'),
        results: results.map((r) =>
          r.status === 'rejected'
            ? {
                ...r,
                problems: r.problems.map((p) => ({
                  ...p,
                  path: `body/reports/${r.index}${p.path === '/' ? '' : p.path}`,
                })),
              }
            : r,
        ),
      };
    },
  );

  app.post(
    '/api/v1/public/reports',
    {
      config: {
        access: PUBLIC,
        rateLimit: { max: PUBLIC_SUBMISSIONS.max, timeWindow: PUBLIC_SUBMISSIONS.windowMs },
      },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['monitoring'],
        summary: `Submit one report without signing in (${PUBLIC_SUBMISSIONS.max} per ${PUBLIC_SUBMISSIONS.windowMs / 60_000} minutes per address, 64 KiB); it is labelled unverified and waits for triage`,
        body: Loose,
        response: {
          201: ResultSchema,
          200: ResultSchema,
          ...errorResponses('VALIDATION_FAILED', 'BODY_TOO_LARGE', 'RATE_LIMITED'),
        },
      },
    },
    async (request, reply) => {
      // The address is kept only as a hash: enough to spot a flood, not to find the sender.
      const sender = createHash('sha256')
        .update(`truce-public:${request.ip}`)
        .digest('hex')
        .slice(0, 16);
      const result = await services.reports.submitOne({ value: request.body }, { public: sender });
      if (result.status === 'rejected') throw rejection(result, 'body');
      return reply.status(result.status === 'accepted' ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/v1/reports/pending',
    {
      config: { access: { verb: 'report.triage' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Public submissions waiting for triage, oldest first',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        }),
        response: {
          200: Type.Object({ reports: Type.Array(Loose) }),
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => ({ reports: await services.reports.pending(request.query.limit ?? 100) }),
  );

  app.post(
    '/api/v1/reports/:id/triage',
    {
      config: { access: { verb: 'report.triage' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Accept a public submission into incidents, or reject it, with the reason',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            decision: Type.Unsafe<'accepted' | 'rejected'>(
              Type.String({ enum: ['accepted', 'rejected'] }),
            ),
            reason: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          204: Type.Null(),
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { decision, reason } = request.body;
      await services.reports.triage(request.params.id, decision, reason, requirePrincipal(request));
      return reply.status(204).send(null);
    },
  );

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
    '/api/v1/incidents',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Incidents, newest first; send Accept: application/geo+json for GeoJSON',
        querystring: Type.Object({
          bbox: Type.Optional(Type.String({ description: 'west,south,east,north (WGS 84)' })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          type: Type.Optional(Type.String({ description: 'incident types, comma-separated' })),
          status: Type.Optional(Type.String({ maxLength: 40 })),
          source: Type.Optional(Type.String({ maxLength: 200 })),
          q: Type.Optional(Type.String({ maxLength: 200, description: 'words in report texts' })),
          zone: Type.Optional(
            Type.String({
              maxLength: 130,
              description:
                'only incidents inside a zone or whose precision crosses its edge: <document>/<zone>',
            }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 100 })),
          cursor: Type.Optional(Type.String({ maxLength: 400 })),
        }),
        response: { 200: Loose, ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request, reply) => {
      const { bbox, type, limit, q, ...rest } = request.query;
      const page = await services.incidents.list({
        ...rest,
        text: q,
        bbox: bbox === undefined ? undefined : parseBbox(bbox),
        types: type?.split(',').filter(Boolean),
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
          bbox: Type.Optional(Type.String({ description: 'west,south,east,north (WGS 84)' })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          type: Type.Optional(Type.String({ description: 'incident types, comma-separated' })),
          status: Type.Optional(Type.String({ maxLength: 40 })),
          source: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: Loose, ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request, reply) => {
      const { zoom, bbox, type, ...rest } = request.query;
      const cells = await services.incidents.clusters(
        {
          ...rest,
          bbox: bbox === undefined ? undefined : parseBbox(bbox),
          types: type?.split(',').filter(Boolean),
        },
        zoom,
      );
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
            groupings: Type.Array(Loose),
          }),
          ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => services.incidents.get(request.params.id),
  );
}

function rejection(
  result: Extract<IntakeResult, { status: 'rejected' }>,
  prefix: string,
): DomainError {
  const details = result.problems.map((p) => ({
    path: `${prefix}${p.path === '/' ? '' : p.path}`,
    message: p.message,
  }));
  return new DomainError(
    'VALIDATION_FAILED',
    `the report was not accepted: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
    details,
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

function withCursor(url: string, cursor: string): string {
  const parsed = new URL(url, 'http://x');
  parsed.searchParams.set('cursor', cursor);
  return `${parsed.pathname}${parsed.search}`;
}
