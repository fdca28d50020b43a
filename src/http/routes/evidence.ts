/**
 * Evidence files: upload (the raw bytes as the body, any content type) and download. Files are
 * addressed by SHA-256; the answer to a download carries the hash so the client can check it,
 * and is never a page the browser would run: only images, video and audio are shown inline,
 * everything else is an attachment, always with `nosniff`.
 */
import { INLINE_MEDIA_TYPES } from '../../core/reports/sniff.js';
import type { Services } from '../../services.js';
import { MAX_EVIDENCE_BYTES } from '../../services/evidence-service.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { presentEvidenceInfo } from '../presenters/evidence.js';
import { EvidenceFile, EvidenceInfo, Sha256Params, UploadHeaders } from '../schemas/evidence.js';

export async function evidenceRoutes(app: App, services: Services): Promise<void> {
  // Only in this scope: any content type is read as raw bytes.
  await app.register(async (scope) => {
    // Every content type, JSON and text included, is the file's bytes, untouched.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/evidence',
      {
        config: { access: { verb: 'report.submit' } },
        bodyLimit: MAX_EVIDENCE_BYTES,
        schema: {
          tags: ['monitoring'],
          summary: `Upload an evidence file (raw bytes, up to ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB); cite its SHA-256 in reports`,
          headers: UploadHeaders,
          response: {
            201: EvidenceInfo,
            ...errorResponses('VALIDATION_FAILED', 'BODY_TOO_LARGE', ...AUTHENTICATED_ERRORS),
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const bytes = Buffer.isBuffer(body)
          ? new Uint8Array(body)
          : new TextEncoder().encode(JSON.stringify(body ?? ''));
        const stated = request.headers['x-content-sha256'];
        const info = await services.evidence.store(
          bytes,
          typeof stated === 'string' ? stated : undefined,
        );
        return reply.status(201).send(presentEvidenceInfo(info));
      },
    );
  });

  app.get(
    '/api/v1/evidence/:sha256',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Download an evidence file; its SHA-256 is in the x-content-sha256 header',
        params: Sha256Params,
        response: {
          200: EvidenceFile,
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const file = await services.evidence.fetch(request.params.sha256);
      const inline = INLINE_MEDIA_TYPES.includes(file.mediaType);
      return reply
        .type(inline ? file.mediaType : 'application/octet-stream')
        .header('x-content-sha256', file.sha256)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename="${file.sha256}"`,
        )
        .send(Buffer.from(file.data));
    },
  );
}
