/**
 * The live stream for dashboards: server-sent events at /api/v1/stream. Each alert about an
 * activation (opened, overdue, breached, met, withdrawn) is sent as it is recorded, with an id a
 * reconnecting client hands back as Last-Event-ID to get what it missed. Alerts recorded by
 * another process (the CLI) arrive within two seconds. Change notices (`event: change`, see
 * stream-changes.ts) say what the public record gained since the stream opened, within a second;
 * they carry no id, so they never move the resume position. Streams end when the server closes.
 */
import type { Services } from '../../services.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { EventStream, StreamQuery } from '../schemas/alerts.js';
import { createChangeWatcher, type ChangeNotice } from './stream-changes.js';
import { serialRuns } from '../serial-runs.js';

/** How often a stream looks for alerts recorded by other processes. */
const POLL_MS = 2000;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

export function streamRoutes(app: App, services: Services): void {
  const open = new Set<() => void>();
  /** Set when the server closes: a stream that registers after that is ended at once. */
  let closing = false;
  const changes = createChangeWatcher(services, (error) =>
    app.log.warn({ err: error }, 'reading the record for change notices failed'),
  );
  // A graceful close would otherwise wait for every dashboard to hang up.
  app.addHook('preClose', async () => {
    closing = true;
    for (const end of [...open]) end();
    changes.stop();
  });

  app.get(
    '/api/v1/stream',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['alerts'],
        summary:
          'Server-sent events: each alert as it is recorded (event "alert"; send Last-Event-ID to resume) and what the record gained (event "change")',
        description:
          'Alerts (`event: alert`, with `id:`) are filtered by `obligor` and a guarantor sees only its own. ' +
          'Change notices (`event: change`, no `id:`, not resumed) say what the public record gained since ' +
          'the stream opened, at most one per kind each second: `{ "kind": "report"|"incident"|"activation"|' +
          '"finding"|"response"|"document", "count": n, "ids": [at most 50], "index": record index of the last entry }`. ' +
          'A bulk import gives one notice with its count. A "report" notice may also mean new incidents. ' +
          'A "document" notice names the documents saved, or whose parts (provisions, zones, commitments, ...) were saved or removed.',
        querystring: StreamQuery,
        response: {
          200: EventStream,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const by = requirePrincipal(request);
      const { obligor } = request.query;
      const resumeFrom = request.headers['last-event-id'];
      let position = typeof resumeFrom === 'string' && resumeFrom !== '' ? resumeFrom : undefined;
      const pending: ChangeNotice[] = [];
      // Held until the stream is ready; subscribed before the answer starts, so nothing
      // recorded after the client sees the answer is lost.
      let sendChanges = (notices: ChangeNotice[]): void => void pending.push(...notices);
      const unwatch = await changes.subscribe((notices) => sendChanges(notices));
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
      const sendRounds = serialRuns(
        async () => {
          const batch = await services.accountability.alertsSince(position, by, obligor);
          position = batch.position;
          for (const alert of batch.alerts) {
            if (closed) return false;
            raw.write(`id: ${alert.position}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
          }
          // A full batch may have more behind it.
          return batch.alerts.length === 500;
        },
        () => !closed,
      );
      const pump = async (): Promise<void> => {
        if (closed) return;
        try {
          await sendRounds();
        } catch (error) {
          request.log.warn({ err: error }, 'the alert stream failed; closing it');
          end();
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
        unwatch();
        open.delete(end);
        raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
      // The client may have gone, or the server begun to close, while the watcher started.
      if (request.raw.socket.destroyed || closing) end();
      sendChanges = (notices) => {
        if (closed) return;
        for (const notice of notices)
          raw.write(`event: change\ndata: ${JSON.stringify(notice)}\n\n`);
      };
      sendChanges(pending.splice(0));
      await pump();
    },
  );
}
