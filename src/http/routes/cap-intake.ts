/**
 * CAP messages as reports: POST /api/v1/reports/cap takes a CAP 1.2 (or 1.1) alert as XML and
 * files its first info block as one report (core/alerts/cap-report.ts), through the same intake
 * as JSON reports. The XML is read with the guards of core/alerts/xml-input.ts: nothing over
 * 1 MiB, no DTD, no entity declaration (XXE and entity expansion are refused before parsing).
 */
import { reportFromCap } from '../../core/alerts/cap-report.js';
import { parseCapMessage, XML_INPUT_LIMIT_BYTES } from '../../core/alerts/xml-input.js';
import { DomainError } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { CapIntakeResult } from '../schemas/reports.js';

const CAP_MEDIA_TYPES = ['application/cap+xml', 'application/xml', 'text/xml'];

export async function capIntakeRoutes(app: App, services: Services): Promise<void> {
  await app.register(async (scope) => {
    // Only in this scope: XML bodies arrive as text for the guarded parser.
    scope.addContentTypeParser(
      CAP_MEDIA_TYPES,
      { parseAs: 'string', bodyLimit: XML_INPUT_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/reports/cap',
      {
        config: { access: { verb: 'report.submit' } },
        bodyLimit: XML_INPUT_LIMIT_BYTES,
        schema: {
          tags: ['monitoring'],
          summary:
            'Send a CAP alert (application/cap+xml) as a report; parameter incidentType names its type',
          response: {
            200: CapIntakeResult,
            201: CapIntakeResult,
            ...errorResponses(
              'VALIDATION_FAILED',
              'MALFORMED_BODY',
              'BODY_TOO_LARGE',
              'UNSUPPORTED_MEDIA_TYPE',
              ...AUTHENTICATED_ERRORS,
            ),
          },
        },
      },
      async (request, reply) => {
        if (typeof request.body !== 'string') {
          throw new DomainError(
            'UNSUPPORTED_MEDIA_TYPE',
            `send the CAP message as ${CAP_MEDIA_TYPES.join(', ')}`,
            [{ path: 'content-type', message: 'not an XML media type' }],
          );
        }
        const message = parseCapMessage(request.body);
        const report = reportFromCap(message);
        const result = await services.reports.submitOne(
          { value: report, original: { cap: request.body } },
          requirePrincipal(request),
        );
        if (result.status === 'rejected') {
          throw new DomainError('VALIDATION_FAILED', 'the CAP message makes an invalid report', [
            ...result.problems,
          ]);
        }
        return reply
          .status(result.status === 'accepted' ? 201 : 200)
          .send({ status: result.status, id: result.id });
      },
    );
  });
}
