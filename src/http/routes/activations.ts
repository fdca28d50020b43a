/**
 * Activations of commitments (one, or a list), guarantors' responses to them, and
 * per-guarantor summaries. A guarantor sees only its own activations.
 */
import type { Services } from '../../services.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, CHANGE_ERRORS, errorResponses } from '../error-responses.js';
import {
  presentActivation,
  presentActivations,
  presentGuarantorSummaries,
  presentResponseRecorded,
} from '../presenters/accountability.js';
import {
  ActivationDetail,
  ActivationList,
  ActivationQuery,
  GuarantorSummaryList,
  ResponseInput,
  ResponseRecorded,
} from '../schemas/accountability.js';
import { IdParams } from '../schemas/common.js';

export function activationRoutes(app: App, services: Services): void {
  const accountability = services.accountability;

  app.get(
    '/api/v1/activations',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['accountability'],
        summary: 'Activations of commitments, newest first (a guarantor sees its own)',
        querystring: ActivationQuery,
        response: {
          200: ActivationList,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) =>
      presentActivations(
        await accountability.activations(request.query, requirePrincipal(request)),
      ),
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
          200: ActivationDetail,
          ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) =>
      presentActivation(
        await accountability.activation(request.params.id, requirePrincipal(request)),
      ),
  );

  app.post(
    '/api/v1/activations/:id/responses',
    {
      config: { access: { verb: 'activation.respond' } },
      schema: {
        tags: ['accountability'],
        summary: 'Record the guarantor’s response (statement, consultation or action)',
        params: IdParams,
        body: ResponseInput,
        response: {
          201: ResponseRecorded,
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
      return reply.status(201).send(presentResponseRecorded(result));
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
          200: GuarantorSummaryList,
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async () => presentGuarantorSummaries(await accountability.guarantorSummaries()),
  );
}
