/**
 * Webhook administration: register endpoints (the only URLs Truce ever calls), list, disable
 * and enable them, read an endpoint's delivery log, replay a delivery. Admins only.
 */
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import type { WebhookFilters } from '../../services/webhooks-service.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';

const manage = { access: { verb: 'webhook.manage' as const } };
const IdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const Keys = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 130 }), {
      minItems: 1,
      maxItems: 100,
      description,
    }),
  );
const Filters = Type.Object(
  {
    obligors: Keys('guarantors (actor ids) whose activations are sent'),
    commitments: Keys('commitments as <document>/<commitment>'),
    zones: Keys('zones as <document>/<zone>: incidents inside (or crossing the edge)'),
    bbox: Type.Optional(
      Type.Array(Type.Number(), {
        minItems: 4,
        maxItems: 4,
        description: 'west, south, east, north (WGS 84)',
      }),
    ),
    incidentTypes: Keys('incident types or categories'),
  },
  { additionalProperties: false },
);
const EndpointSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  filters: Type.Unsafe<WebhookFilters>({ type: 'object', additionalProperties: true }),
  createdAt: Type.String(),
  failures: Type.Integer({ description: 'failed attempts in a row' }),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
});
const ERRORS = ['VALIDATION_FAILED', 'NOT_FOUND', ...AUTHENTICATED_ERRORS] as const;

export function webhookRoutes(app: App, services: Services): void {
  const webhooks = services.webhooks;

  app.post(
    '/api/v1/webhooks',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'Register an endpoint for signed alert deliveries; the secret is shown once',
        body: Type.Object(
          {
            url: Type.String({ minLength: 1, maxLength: 2000 }),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            filters: Type.Optional(Filters),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Intersect([EndpointSchema, Type.Object({ secret: Type.String() })]),
          ...errorResponses(...ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { filters, ...rest } = request.body;
      const endpoint = await webhooks.register(
        {
          ...rest,
          filters: {
            ...filters,
            bbox: filters?.bbox as [number, number, number, number] | undefined,
          },
        },
        requirePrincipal(request),
      );
      return reply.status(201).send(endpoint);
    },
  );

  app.get(
    '/api/v1/webhooks',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'Registered webhook endpoints (without their secrets)',
        response: {
          200: Type.Object({ endpoints: Type.Array(EndpointSchema) }),
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async () => ({ endpoints: await webhooks.list() }),
  );

  app.post(
    '/api/v1/webhooks/:id/disable',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'Stop deliveries to an endpoint; queued ones wait until it is enabled',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: EndpointSchema, ...errorResponses(...ERRORS) },
      },
    },
    async (request) => webhooks.disable(request.params.id, request.body.reason),
  );

  app.post(
    '/api/v1/webhooks/:id/enable',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'Resume deliveries to an endpoint',
        params: IdParams,
        response: { 200: EndpointSchema, ...errorResponses(...ERRORS) },
      },
    },
    async (request) => webhooks.enable(request.params.id),
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'The delivery log of an endpoint, newest first',
        params: IdParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        }),
        response: {
          200: Type.Object({
            deliveries: Type.Array(
              Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }),
            ),
          }),
          ...errorResponses(...ERRORS),
        },
      },
    },
    async (request) => ({
      deliveries: await webhooks.deliveries(request.params.id, request.query.limit ?? 100),
    }),
  );

  app.post(
    '/api/v1/webhooks/deliveries/:id/replay',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'Send a delivery again from its first attempt (same webhook-id)',
        params: IdParams,
        response: { 202: Type.Null(), ...errorResponses(...ERRORS) },
      },
    },
    async (request, reply) => {
      await webhooks.replay(request.params.id);
      return reply.status(202).send(null);
    },
  );
}
