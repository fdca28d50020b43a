/** CAP alerts about activations: the list, the same as an Atom feed, and each CAP message. */
import type { Services } from '../../services.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { presentAlertFeed, presentAlerts } from '../presenters/alerts.js';
import {
  AlertFileParams,
  AlertFilters,
  AlertList,
  AtomFeed,
  CapMessage,
} from '../schemas/alerts.js';

export function alertRoutes(app: App, services: Services): void {
  const accountability = services.accountability;

  app.get(
    '/api/v1/alerts',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['alerts'],
        summary: 'CAP alerts about activations, newest first (a guarantor sees its own)',
        querystring: AlertFilters,
        response: {
          200: AlertList,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) =>
      presentAlerts(await accountability.alerts(request.query, requirePrincipal(request))),
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
          200: AtomFeed,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const base = `${request.protocol}://${request.host}`;
      const alerts = await accountability.alerts(request.query, requirePrincipal(request));
      return reply
        .type('application/atom+xml; charset=utf-8')
        .send(presentAlertFeed(alerts, base, request.url));
    },
  );

  app.get(
    '/api/v1/alerts/:file',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['alerts'],
        summary: 'One alert as the CAP 1.2 message sent: GET /api/v1/alerts/{id}.cap',
        params: AlertFileParams,
        response: {
          200: CapMessage,
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
