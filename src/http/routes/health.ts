/** Liveness and readiness probes. */
import type { Services } from '../../services.js';
import { PUBLIC } from '../access.js';
import type { App } from '../app-instance.js';
import { sendError } from '../error-handler.js';
import { errorResponses } from '../error-responses.js';
import { Liveness, Readiness } from '../schemas/instance.js';

export function healthRoutes(app: App, services: Services): void {
  app.get(
    '/healthz',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['operations'],
        summary: 'The process is up',
        response: { 200: Liveness },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable and its migrations are current',
        response: {
          200: Readiness,
          ...errorResponses('NOT_READY'),
        },
      },
    },
    async (_request, reply) => {
      const problems = await services.health.problems();
      if (problems.length > 0) {
        return sendError(
          reply,
          'NOT_READY',
          problems.join('; '),
          problems.map((message) => ({ path: 'database', message })),
        );
      }
      return { status: 'ready' as const };
    },
  );
}
