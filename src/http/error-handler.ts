/**
 * The only place that knows HTTP statuses for error codes, and the one error format:
 * `{ "error": { "code", "message", "details": [{ "path", "message" }] } }`.
 * 5xx answers never carry internal messages or stacks; the request id ties them to the log.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode, type ErrorDetail } from '../core/errors.js';
import { describeValidationErrors } from './validation.js';

/** HTTP status for each error code. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NAME_TAKEN: 409,
  LAST_ADMIN: 409,
  INCIDENT_LOCKED: 409,
  STEP_REFUSED: 409,
  INCIDENT_DISMISSED: 409,
  ACTIVATION_WITHDRAWN: 409,
  RATE_LIMITED: 429,
  NOT_READY: 503,
  INTERNAL: 500,
};

/** The error body every endpoint uses. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

/** Builds the error body. */
export function errorBody(
  code: ErrorCode,
  message: string,
  details: readonly ErrorDetail[] = [],
): ErrorBody {
  return { error: { code, message, details: [...details] } };
}

/** Sends an error in the one format with the status of its code. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details: readonly ErrorDetail[] = [],
) {
  return reply
    .status(STATUS_BY_CODE[code])
    .type('application/json')
    .send(errorBody(code, message, details));
}

/** Fastify error handler: maps every thrown error to the one format. */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof DomainError) {
    if (error.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(error.retryAfterSeconds));
    return sendError(reply, error.code, error.message, error.details);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const details = describeValidationErrors(
      fastifyError.validationContext ?? 'body',
      fastifyError.validation,
    );
    const summary = details.map((d) => `${d.path} ${d.message}`).join('; ');
    return sendError(reply, 'VALIDATION_FAILED', `invalid request: ${summary}`, details);
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(
        reply,
        'MALFORMED_BODY',
        `the body is not valid JSON: ${fastifyError.message}`,
        [{ path: 'body', message: 'not valid JSON' }],
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(
        reply,
        'BODY_TOO_LARGE',
        `the body is larger than the limit of ${request.routeOptions.bodyLimit ?? 0} bytes`,
        [{ path: 'body', message: 'too large' }],
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(
        reply,
        'UNSUPPORTED_MEDIA_TYPE',
        `content type "${request.headers['content-type'] ?? ''}" is not accepted; send application/json`,
        [{ path: 'headers/content-type', message: 'unsupported' }],
      );
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 404
        ? 'NOT_FOUND'
        : status === 413
          ? 'BODY_TOO_LARGE'
          : status === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : 'VALIDATION_FAILED';
    return reply.status(status).send(errorBody(code, fastifyError.message));
  }
  request.log.error({ err: error }, 'request failed');
  return sendError(
    reply,
    'INTERNAL',
    `internal error; quote request id ${request.id} to the operator`,
  );
}
