/**
 * The record as a C2SP tiled transparency log, public at /record/: checkpoint, verifier key,
 * hash tiles and entry bundles. Tiles never change, so they are cached for a year.
 */
import { gzipSync } from 'node:zlib';
import { Type } from 'typebox';
import { parseTilePath } from '../../core/record/tiles.js';
import type { Services } from '../../services.js';
import { PUBLIC } from '../access.js';
import type { App } from '../app-instance.js';
import { sendError } from '../error-handler.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function recordTileRoutes(app: App, services: Services): void {
  app.get(
    '/record/checkpoint',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary: 'The latest signed checkpoint (C2SP tlog-checkpoint as a signed note)',
      },
    },
    async (_request, reply) => {
      const checkpoint =
        (await services.record.checkpoint()) ?? (await services.record.signCheckpoint());
      return reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-cache, max-age=0')
        .send(checkpoint?.note ?? '');
    },
  );

  app.get(
    '/record/key',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary: 'The verifier key of checkpoints (signed-note vkey form)',
      },
    },
    async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(`${services.record.verifierKey}\n`),
  );

  app.get(
    '/record/tile/*',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary:
          'A tile of tree hashes (tile/<L>/<N>[.p/<W>]) or an entry bundle (tile/entries/<N>[.p/<W>])',
        params: Type.Object({ '*': Type.String({ maxLength: 200 }) }),
        description: 'Malformed paths answer 400; tiles that do not exist (yet) answer 404.',
      },
    },
    async (request, reply) => {
      const tile = parseTilePath(request.params['*']);
      if ('error' in tile)
        return sendError(reply, 'VALIDATION_FAILED', tile.error, [
          { path: 'path', message: tile.error },
        ]);
      const bytes = await services.record.tile(tile);
      if (bytes === undefined)
        return sendError(reply, 'NOT_FOUND', `tile ${request.params['*']} does not exist (yet)`);
      reply.type('application/octet-stream').header('cache-control', IMMUTABLE);
      // Entry bundles are JSON text and compress well; hash tiles do not compress.
      if (tile.level === 'entries')
        return reply.header('content-encoding', 'gzip').send(gzipSync(bytes));
      return reply.send(Buffer.from(bytes));
    },
  );
}
