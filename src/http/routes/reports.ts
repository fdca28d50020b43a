/**
 * Monitoring API, intake: reports (one, or a batch of up to 10,000, each answered on its own),
 * public submissions and their triage. Incidents are in incidents.ts.
 */
import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import { principalCan } from '../../core/auth/principal.js';
import { DomainError } from '../../core/errors.js';
import { ReportInputSchema } from '../../core/reports/report-schema.js';
import type { Services } from '../../services.js';
import { MAX_BATCH, type IntakeResult } from '../../services/reports-service.js';
import { PUBLIC, requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import {
  presentBatch,
  presentIntakeResult,
  presentPending,
  presentStoredReport,
} from '../presenters/reports.js';
import { IdParams, LimitQuery } from '../schemas/common.js';
import {
  BatchOrResult,
  IntakeResult as IntakeResultSchema,
  PendingReports,
  ReportsInput,
  StoredReport,
  TriageInput,
} from '../schemas/reports.js';

/** How many public submissions one address may send per window. */
export const PUBLIC_SUBMISSIONS = { max: 10, windowMs: 10 * 60_000 } as const;

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
        body: ReportsInput,
        response: {
          200: BatchOrResult,
          201: IntakeResultSchema,
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
        return reply
          .status(result.status === 'accepted' ? 201 : 200)
          .send(presentIntakeResult(result));
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
      return presentBatch(results);
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
        body: ReportsInput,
        response: {
          201: IntakeResultSchema,
          200: IntakeResultSchema,
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
      return reply
        .status(result.status === 'accepted' ? 201 : 200)
        .send(presentIntakeResult(result));
    },
  );

  app.get(
    '/api/v1/reports/pending',
    {
      config: { access: { verb: 'report.triage' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Public submissions waiting for triage, oldest first',
        querystring: LimitQuery,
        response: {
          200: PendingReports,
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => presentPending(await services.reports.pending(request.query.limit ?? 100)),
  );

  app.get(
    '/api/v1/reports/:id',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary: 'One report as stored, with the incident it is in',
        params: IdParams,
        response: {
          200: StoredReport,
          ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) =>
      presentStoredReport(
        await services.reports.get(
          request.params.id,
          principalCan(requirePrincipal(request), 'report.triage'),
        ),
      ),
  );

  app.post(
    '/api/v1/reports/:id/triage',
    {
      config: { access: { verb: 'report.triage' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Accept a public submission into incidents, or reject it, with the reason',
        params: IdParams,
        body: TriageInput,
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
