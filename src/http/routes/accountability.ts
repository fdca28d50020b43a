/**
 * Accountability API: verification steps (one or many incidents), assignment, edit locks,
 * attribution claims, findings with the trigger engine's answers, activations, guarantors'
 * responses and per-guarantor summaries.
 */
import { Type } from 'typebox';
import {
  ACTIVATION_STATUSES,
  ATTRIBUTION_CONFIDENCES,
  RESPONSE_TYPES,
  VERIFICATION_STATUSES,
} from '../../core/accountability/model.js';
import { SEVERITIES } from '../../core/agreements/vocabulary.js';
import type { Services } from '../../services.js';
import { MAX_BULK } from '../../services/accountability-service.js';
import { atomFeed } from '../../core/alerts/atom.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
const Enum = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const VerificationFields = {
  status: Enum(VERIFICATION_STATUSES),
  method: Type.Optional(Text(2000, 'how the decision was reached')),
  notes: Type.Optional(Text(4000)),
};
const IncidentIds = Type.Array(Type.String({ maxLength: 64 }), {
  minItems: 1,
  maxItems: MAX_BULK,
});
const Basis = Type.Object(
  {
    reportIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 1000 })),
    evidence: Type.Optional(
      Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), {
        maxItems: 100,
        description: 'SHA-256 of uploaded evidence',
      }),
    ),
    text: Text(4000, 'the basis in words'),
  },
  { additionalProperties: false },
);
const Dissent = Type.Optional(Text(4000, 'who disagrees, and why'));
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** The record event of a decision, to prove it is in the record (GET /api/v1/record/proof/inclusion?event=). */
const EventId = Type.Union([Type.String(), Type.Null()], {
  description:
    'the record event that made it, for /api/v1/record/proof/inclusion?event=; null for decisions made before migration 0010',
});
const ActivationSchema = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  commitmentId: Type.String(),
  obligor: Type.String({ description: 'the guarantor (actor id) whose commitment it is' }),
  incidentId: Type.String(),
  findingIds: Type.Array(Type.String()),
  activatedAt: Type.String(),
  deadline: Nullable(Type.String({ description: 'null: the commitment sets no deadline' })),
  breachAt: Nullable(Type.String({ description: 'when an overdue activation counts as breached' })),
  tier: Type.Integer({ description: 'escalation tier, 1 at activation, up at each lapse' }),
  status: Enum(ACTIVATION_STATUSES),
  late: Type.Boolean({ description: 'met by a response after the deadline' }),
  statusAt: Type.String(),
  eventId: EventId,
});
const Text0 = Type.String();
const OrNull = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Names = Type.Record(Type.String(), Type.String(), {
  description: 'user names of the principal ids mentioned (user:<id>, token:<id>)',
});
const EvaluationSchema = Type.Object({
  documentId: Text0,
  commitmentId: Text0,
  result: Enum(['triggered', 'not_triggered', 'indeterminate'] as const),
  met: Type.Array(Text0, { description: 'conditions met, in words' }),
  unmet: Type.Array(
    Type.Object({
      condition: Text0,
      outcome: Enum(['failed', 'undecided'] as const),
      reason: Text0,
    }),
  ),
  evaluatedAt: Text0,
});
const FindingSchema = Type.Object({
  id: Text0,
  incidentId: Text0,
  documentId: Text0,
  provisionId: Text0,
  severity: Enum(SEVERITIES),
  notes: OrNull(Text0),
  by: Text0,
  at: Text0,
  eventId: EventId,
  evaluations: Type.Array(EvaluationSchema),
});
const AccountabilitySchema = Type.Object({
  names: Names,
  status: Enum(VERIFICATION_STATUSES),
  nextStatuses: Type.Array(Enum(VERIFICATION_STATUSES)),
  steps: Type.Array(
    Type.Object({
      from: Text0,
      to: Text0,
      method: OrNull(Text0),
      notes: OrNull(Text0),
      obstructionIncidentId: OrNull(Text0),
      by: Text0,
      at: Text0,
      eventId: Text0,
    }),
  ),
  assignment: Type.Union([Type.Object({ assignee: Text0, assignedAt: Text0 }), Type.Null()]),
  lock: Type.Union([Type.Object({ userId: Text0, expiresAt: Text0 }), Type.Null()]),
  attributions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      actor: OrNull(Text0),
      declined: Type.Boolean(),
      declinedReason: OrNull(Text0),
      confidence: OrNull(Text0),
      basis: Type.Object({
        reportIds: Type.Array(Text0),
        evidence: Type.Array(Text0),
        text: Text0,
      }),
      dissent: OrNull(Text0),
      by: Text0,
      at: Text0,
      eventId: EventId,
    }),
  ),
  findings: Type.Array(FindingSchema),
  activations: Type.Array(ActivationSchema),
});
const ActivationDetailSchema = Type.Intersect([
  ActivationSchema,
  Type.Object({
    names: Names,
    responses: Type.Array(
      Type.Object({
        id: Text0,
        actor: Text0,
        type: Enum(RESPONSE_TYPES),
        description: Text0,
        respondedAt: Text0,
        evidence: Type.Array(Text0),
        qualifying: Type.Boolean({ description: 'of a kind the commitment promises' }),
        recordedBy: Text0,
        recordedAt: Text0,
        eventId: EventId,
      }),
    ),
  }),
]);
const SummarySchema = Type.Object({
  obligor: Text0,
  activations: Type.Integer(),
  open: Type.Integer(),
  met: Type.Integer(),
  overdue: Type.Integer(),
  breached: Type.Integer(),
  withdrawn: Type.Integer(),
  lateResponses: Type.Integer(),
  medianResponseHours: Type.Union([Type.Number(), Type.Null()]),
});
const CHANGE_ERRORS = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  ...AUTHENTICATED_ERRORS,
] as const;

export function accountabilityRoutes(app: App, services: Services): void {
  const accountability = services.accountability;

  app.post(
    '/api/v1/incidents/:id/verification',
    {
      config: { access: { verb: 'incident.verify' } },
      schema: {
        tags: ['accountability'],
        summary:
          'Take one step of the verification ladder (four eyes; verified/rejected by verifiers)',
        params: IdParams,
        body: Type.Object(
          {
            ...VerificationFields,
            obstructionIncidentId: Type.Optional(
              Type.String({
                maxLength: 64,
                description: 'for unverifiable: the obstruction incident that prevented it',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: AccountabilitySchema, ...errorResponses(...CHANGE_ERRORS) },
      },
    },
    async (request) => {
      await accountability.setVerification(
        request.params.id,
        request.body,
        requirePrincipal(request),
      );
      return accountability.incidentAccountability(request.params.id);
    },
  );

  app.post(
    '/api/v1/incidents/verification',
    {
      config: { access: { verb: 'incident.verify' } },
      schema: {
        tags: ['accountability'],
        summary: 'Take the same verification step for many incidents; each is checked and recorded',
        body: Type.Object(
          { incidentIds: IncidentIds, ...VerificationFields },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                incidentId: Type.String(),
                ok: Type.Boolean(),
                error: Type.Optional(Type.String()),
              }),
            ),
          }),
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => {
      const { incidentIds, ...step } = request.body;
      return {
        results: await accountability.setVerificationMany(
          incidentIds,
          step,
          requirePrincipal(request),
        ),
      };
    },
  );

  app.post(
    '/api/v1/incidents/assignments',
    {
      config: { access: { verb: 'incident.assign' } },
      schema: {
        tags: ['accountability'],
        summary: 'Assign incidents to a person (by user name), or to nobody (null)',
        body: Type.Object(
          {
            incidentIds: IncidentIds,
            assignee: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses(...CHANGE_ERRORS) },
      },
    },
    async (request, reply) => {
      await accountability.assign(
        request.body.incidentIds,
        request.body.assignee,
        requirePrincipal(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/incidents/:id/lock',
    {
      config: { access: { verb: 'incident.verify' } },
      schema: {
        tags: ['accountability'],
        summary: 'Take or renew the edit lock of an incident (15 minutes)',
        params: IdParams,
        response: {
          200: Type.Object({ userId: Type.String(), expiresAt: Type.String() }),
          ...errorResponses(...CHANGE_ERRORS),
        },
      },
    },
    async (request) => accountability.lock(request.params.id, requirePrincipal(request)),
  );

  app.delete(
    '/api/v1/incidents/:id/lock',
    {
      config: { access: { verb: 'incident.verify' } },
      schema: {
        tags: ['accountability'],
        summary: 'Release the edit lock of an incident',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(...CHANGE_ERRORS) },
      },
    },
    async (request, reply) => {
      await accountability.unlock(request.params.id, requirePrincipal(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/incidents/:id/attributions',
    {
      config: { access: { verb: 'incident.attribute' } },
      schema: {
        tags: ['accountability'],
        summary: 'Record a new version of the attribution: an actor with confidence, or declined',
        params: IdParams,
        body: Type.Union([
          Type.Object(
            {
              actor: Type.String({ minLength: 1, maxLength: 64 }),
              confidence: Enum(ATTRIBUTION_CONFIDENCES),
              basis: Basis,
              dissent: Dissent,
            },
            { additionalProperties: false },
          ),
          Type.Object(
            { declined: Text(2000, 'why attribution is declined'), basis: Basis, dissent: Dissent },
            { additionalProperties: false },
          ),
        ]),
        response: {
          201: Type.Object({ version: Type.Integer() }),
          ...errorResponses(...CHANGE_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const result = await accountability.attribute(
        request.params.id,
        request.body,
        requirePrincipal(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/incidents/:id/accountability',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['accountability'],
        summary:
          'An incident’s verification steps, assignment, lock, attributions, findings and activations',
        params: IdParams,
        response: {
          200: AccountabilitySchema,
          ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => accountability.incidentAccountability(request.params.id),
  );

  app.post(
    '/api/v1/findings',
    {
      config: { access: { verb: 'finding.record' } },
      schema: {
        tags: ['accountability'],
        summary: 'Qualify an incident against a provision; every commitment is evaluated',
        body: Type.Object(
          {
            incidentId: Type.String({ maxLength: 64 }),
            documentId: Type.String({ maxLength: 64 }),
            provisionId: Type.String({ maxLength: 64 }),
            severity: Enum(SEVERITIES),
            notes: Type.Optional(Text(4000)),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ findingId: Type.String() }),
          ...errorResponses(...CHANGE_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const result = await accountability.recordFinding(request.body, requirePrincipal(request));
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/findings/:id',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['accountability'],
        summary: 'A finding with the trigger engine’s answer for each commitment it could concern',
        params: IdParams,
        response: { 200: FindingSchema, ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => accountability.finding(request.params.id),
  );

  app.get(
    '/api/v1/activations',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['accountability'],
        summary: 'Activations of commitments, newest first (a guarantor sees its own)',
        querystring: Type.Object({
          obligor: Type.Optional(Type.String({ maxLength: 64 })),
          status: Type.Optional(Enum(ACTIVATION_STATUSES)),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        }),
        response: {
          200: Type.Object({ activations: Type.Array(ActivationSchema) }),
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => ({
      activations: await accountability.activations(request.query, requirePrincipal(request)),
    }),
  );

  app.get(
    '/api/v1/activations/:id',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['accountability'],
        summary: 'One activation with its response clock and the guarantor’s responses',
        params: IdParams,
        response: {
          200: ActivationDetailSchema,
          ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => accountability.activation(request.params.id, requirePrincipal(request)),
  );

  app.post(
    '/api/v1/activations/:id/responses',
    {
      config: { access: { verb: 'activation.respond' } },
      schema: {
        tags: ['accountability'],
        summary: 'Record the guarantor’s response (statement, consultation or action)',
        params: IdParams,
        body: Type.Object(
          {
            type: Enum(RESPONSE_TYPES),
            description: Text(4000, 'what was done'),
            respondedAt: Type.Optional(Type.String({ format: 'date-time' })),
            evidence: Type.Optional(
              Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), { maxItems: 100 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ responseId: Type.String(), qualifying: Type.Boolean() }),
          ...errorResponses('FORBIDDEN', ...CHANGE_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const result = await accountability.respond(
        request.params.id,
        request.body,
        requirePrincipal(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/guarantors/summary',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['accountability'],
        summary: 'Per guarantor: activations by status and the median time to respond',
        response: {
          200: Type.Object({ guarantors: Type.Array(SummarySchema) }),
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async () => ({ guarantors: await accountability.guarantorSummaries() }),
  );

  const AlertFilters = Type.Object({
    obligor: Type.Optional(Type.String({ maxLength: 64 })),
    activationId: Type.Optional(Type.String({ maxLength: 64 })),
    msgType: Type.Optional(Enum(['Alert', 'Update', 'Cancel'] as const)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  });

  app.get(
    '/api/v1/alerts',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['alerts'],
        summary: 'CAP alerts about activations, newest first (a guarantor sees its own)',
        querystring: AlertFilters,
        response: {
          200: Type.Object({
            alerts: Type.Array(
              Type.Object({
                id: Type.String(),
                activationId: Type.String(),
                obligor: Type.String(),
                msgType: Type.String(),
                headline: Type.String(),
                sent: Type.String(),
              }),
            ),
          }),
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => ({
      alerts: await accountability.alerts(request.query, requirePrincipal(request)),
    }),
  );

  app.get(
    '/api/v1/alerts.atom',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['alerts'],
        summary: 'The alerts as an Atom feed (RFC 4287), each entry linking its CAP message',
        querystring: AlertFilters,
        response: {
          200: Type.String({ description: 'Atom 1.0 XML (application/atom+xml)' }),
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const base = `${request.protocol}://${request.host}`;
      const alerts = await accountability.alerts(request.query, requirePrincipal(request));
      const xml = atomFeed({
        id: `${base}/api/v1/alerts.atom`,
        title: 'Truce: activations of security guarantees',
        updated: alerts[0]?.sent ?? new Date(0).toISOString(),
        links: { self: `${base}${request.url}` },
        author: { name: 'Truce' },
        entries: alerts.map((a) => ({
          id: `urn:uuid:${a.id}`,
          title: a.headline,
          updated: a.sent,
          published: a.sent,
          summary: `${a.msgType}: ${a.headline}`,
          links: {
            page: `${base}/activations/${encodeURIComponent(a.activationId)}`,
            capMessage: `${base}/api/v1/alerts/${encodeURIComponent(a.id)}.cap`,
          },
          categories: [{ term: a.msgType }, { term: a.obligor, label: 'guarantor' }],
        })),
      });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/api/v1/alerts/:file',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['alerts'],
        summary: 'One alert as the CAP 1.2 message sent: GET /api/v1/alerts/{id}.cap',
        params: Type.Object({ file: Type.String({ maxLength: 80, pattern: '\\.cap$' }) }),
        response: {
          200: Type.String({ description: 'CAP 1.2 XML (application/cap+xml)' }),
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const id = request.params.file.slice(0, -'.cap'.length);
      const xml = await accountability.alertXml(id, requirePrincipal(request));
      return reply.type('application/cap+xml; charset=utf-8').send(xml);
    },
  );
}
