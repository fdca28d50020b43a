/**
 * Webhook administration: register endpoints (the only URLs Truce ever calls), list, disable
 * and enable them, read an endpoint's delivery log, replay a delivery. Admins only.
 */
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import {
  presentDeliveries,
  presentEndpoint,
  presentEndpoints,
  presentRegistered,
} from '../presenters/webhooks.js';
import { LimitQuery } from '../schemas/common.js';
import {
  DeliveryList,
  DisableInput,
  EndpointInput,
  EndpointList,
  RegisteredEndpoint,
  WebhookEndpoint,
  WebhookIdParams,
} from '../schemas/webhooks.js';

const manage = { access: { verb: 'webhook.manage' as const } };
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
        body: EndpointInput,
        response: {
          201: RegisteredEndpoint,
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
      return reply.status(201).send(presentRegistered(endpoint));
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
          200: EndpointList,
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async () => presentEndpoints(await webhooks.list()),
  );

  app.post(
    '/api/v1/webhooks/:id/disable',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'Stop deliveries to an endpoint; queued ones wait until it is enabled',
        params: WebhookIdParams,
        body: DisableInput,
        response: { 200: WebhookEndpoint, ...errorResponses(...ERRORS) },
      },
    },
    async (request) =>
      presentEndpoint(await webhooks.disable(request.params.id, request.body.reason)),
  );

  app.post(
    '/api/v1/webhooks/:id/enable',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'Resume deliveries to an endpoint',
        params: WebhookIdParams,
        response: { 200: WebhookEndpoint, ...errorResponses(...ERRORS) },
      },
    },
    async (request) => presentEndpoint(await webhooks.enable(request.params.id)),
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'The delivery log of an endpoint, newest first',
        params: WebhookIdParams,
        querystring: LimitQuery,
        response: {
          200: DeliveryList,
          ...errorResponses(...ERRORS),
        },
      },
    },
    async (request) =>
      presentDeliveries(await webhooks.deliveries(request.params.id, request.query.limit ?? 100)),
  );

  app.post(
    '/api/v1/webhooks/deliveries/:id/replay',
    {
      config: manage,
      schema: {
        tags: ['alerts'],
        summary: 'Send a delivery again from its first attempt (same webhook-id)',
        params: WebhookIdParams,
        response: { 202: Type.Null(), ...errorResponses(...ERRORS) },
      },
    },
    async (request, reply) => {
      await webhooks.replay(request.params.id);
      return reply.status(202).send(null);
    },
  );
}
