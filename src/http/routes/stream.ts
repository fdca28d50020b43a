/**
 * The live stream for dashboards: server-sent events at /api/v1/stream. Each alert about an
 * activation (opened, overdue, breached, met, withdrawn) is sent as it is recorded, with an id a
 * reconnecting client hands back as Last-Event-ID to get what it missed. Alerts recorded by
 * another process (the CLI) arrive within two seconds. Streams end when the server closes.
 */
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../schemas.js';

/** How often a stream looks for alerts recorded by other processes. */
const POLL_MS = 2000;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

export function streamRoutes(app: App, services: Services): void {
  const open = new Set<() => void>();
  // A graceful close would otherwise wait for every dashboard to hang up.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get(
    '/api/v1/stream',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['alerts'],
        summary:
          'Server-sent events: each alert as it is recorded (event "alert"); send Last-Event-ID to resume',
        querystring: Type.Object({
          obligor: Type.Optional(Type.String({ maxLength: 64, description: 'one guarantor only' })),
        }),
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const by = requirePrincipal(request);
      const { obligor } = request.query;
      const resumeFrom = request.headers['last-event-id'];
      let position = typeof resumeFrom === 'string' && resumeFrom !== '' ? resumeFrom : undefined;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-content-type-options': 'nosniff',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n\n');

      let closed = false;
      let busy = false;
      let again = false;
      const pump = async (): Promise<void> => {
        if (closed) return;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            const batch = await services.accountability.alertsSince(position, by, obligor);
            position = batch.position;
            for (const alert of batch.alerts) {
              if (closed) return;
              raw.write(`id: ${alert.position}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
            }
            // A full batch may have more behind it.
            if (batch.alerts.length === 500) again = true;
          } while (again && !closed);
        } catch (error) {
          request.log.warn({ err: error }, 'the alert stream failed; closing it');
          end();
        } finally {
          busy = false;
        }
      };
      const unsubscribe = services.accountability.onChange(() => void pump());
      const poll = setInterval(() => void pump(), POLL_MS);
      const heartbeat = setInterval(() => raw.write(': still here\n\n'), HEARTBEAT_MS);
      const end = () => {
        if (closed) return;
        closed = true;
        clearInterval(poll);
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
      await pump();
    },
  );
}
