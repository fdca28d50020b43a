/**
 * `POST /api/v1/imports`: the importers over HTTP, for the web app's upload. The file is the
 * raw body (up to 200 MiB), kept in a temporary file while it streams through the importer,
 * then removed; the answer is the summary and the rejected rows with their lines.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Type } from 'typebox';
import { DomainError } from '../../core/errors.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../importers/index.js';
import type { Services } from '../../services.js';
import { importReportFile, type RejectLine } from '../../services/import-service.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { presentImportSummary } from '../presenters/imports.js';
import { ImportSummary } from '../schemas/imports.js';

/** The largest file the API takes. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** The most rejected rows listed in the answer (the count is always complete). */
export const MAX_LISTED_REJECTS = 1000;

export async function importRoutes(app: App, services: Services): Promise<void> {
  await app.register(async (plain) => {
    // The same type provider as the app, so the schema types the query.
    const scope = plain as unknown as App;
    // The file streams to disk: never parsed, never held whole in memory.
    // Every content type, JSON and text included, is the file's bytes, untouched.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { bodyLimit: MAX_IMPORT_BYTES }, (_request, payload, done) =>
      done(null, payload),
    );
    scope.post(
      '/api/v1/imports',
      {
        config: { access: { verb: 'report.submit' } },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags: ['monitoring'],
          summary: 'Import a report file (the raw body) with the same importers as `truce import`',
          querystring: Type.Object({
            format: Type.Unsafe<ImportFormat>(Type.String({ enum: [...IMPORT_FORMATS] })),
            source: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            dateFormat: Type.Optional(Type.String({ enum: ['DD/MM/YYYY', 'MM/DD/YYYY'] })),
            allOrNothing: Type.Optional(Type.Boolean()),
            map: Type.Optional(
              Type.String({ description: 'generic CSV: column=field,column=field' }),
            ),
          }),
          response: {
            200: ImportSummary,
            ...errorResponses('VALIDATION_FAILED', 'BODY_TOO_LARGE', ...AUTHENTICATED_ERRORS),
          },
        },
      },
      async (request) => {
        const dir = join(tmpdir(), 'truce-imports');
        await mkdir(dir, { recursive: true });
        const path = join(dir, randomUUID());
        try {
          await pipeline(request.body as NodeJS.ReadableStream, createWriteStream(path));
          const rejects: RejectLine[] = [];
          const { format, source, dateFormat, allOrNothing, map } = request.query;
          const summary = await importReportFile(
            services.reports,
            {
              path,
              format,
              allOrNothing: allOrNothing === true,
              ...(source === undefined ? {} : { source }),
              ...(dateFormat === undefined ? {} : { dateFormat }),
              ...(map === undefined ? {} : { map: parseMap(map) }),
            },
            requirePrincipal(request),
            { onReject: (r) => rejects.length < MAX_LISTED_REJECTS && rejects.push(r) },
          );
          return presentImportSummary(summary, rejects);
        } catch (error) {
          // Messages name the file: the uploaded one, not the server's temporary copy.
          if (error instanceof DomainError) {
            throw new DomainError(
              error.code,
              error.message.replaceAll(path, 'the uploaded file'),
              error.details.map((d) => ({
                ...d,
                message: d.message.replaceAll(path, 'the uploaded file'),
              })),
            );
          }
          throw error;
        } finally {
          await rm(path, { force: true });
        }
      },
    );
  });
}

function parseMap(text: string): Record<string, string> {
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [column = '', field = ''] = pair.split('=');
      return [column.trim(), field.trim()];
    }),
  );
}
