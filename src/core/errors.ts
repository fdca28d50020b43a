/**
 * The one error type the core and services raise for expected failures. Every code is listed
 * in ERROR_CODES with what it means; http/error-handler.ts maps codes to HTTP statuses, the CLI
 * maps them to exit codes. Messages say what was wrong; details say where.
 */

/** Where a problem was found (a JSON path, a flag, a file:line) and what is wrong there. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

/** Every stable error code, with its meaning. Clients may rely on these strings. */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'The input does not match the expected shape; details name each field.',
  MALFORMED_BODY: 'The request body could not be parsed (for example, invalid JSON).',
  BODY_TOO_LARGE: 'The request body is larger than the documented limit.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body has a content type this endpoint does not accept.',
  UNAUTHENTICATED: 'No valid session or API token was presented.',
  INVALID_CREDENTIALS: 'The user name or password is wrong (the two are not told apart).',
  FORBIDDEN: 'The authenticated user lacks the permission this action needs.',
  NOT_FOUND: 'The resource or route does not exist.',
  CONFLICT:
    'The action conflicts with the current state in a way no code below names (for example, a report no longer waiting for triage).',
  NAME_TAKEN: 'A user with that name already exists; choose another name.',
  LAST_ADMIN: 'The change would leave no enabled admin; make another user admin first.',
  INCIDENT_LOCKED:
    'Another person holds the incident’s edit lock; try again once it expires (the message says when).',
  STEP_REFUSED:
    'The verification ladder does not allow this step from the incident’s current status; details list the allowed steps.',
  INCIDENT_DISMISSED:
    'The incident is rejected or not a violation, so it cannot be a finding; reopen it first.',
  ACTIVATION_WITHDRAWN:
    'The activation was withdrawn (no finding meets its trigger any more): there is nothing to respond to.',
  RATE_LIMITED: 'Too many attempts; retry after the time given.',
  NOT_READY: 'The service is not ready (database unreachable or migrations pending).',
  INTERNAL: 'An unexpected failure; the request id identifies it in the server log.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An expected failure with a stable code, a human message and the places it concerns. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    /** Seconds after which a retry may succeed (RATE_LIMITED only). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Shorthand for a VALIDATION_FAILED error about one field. */
export function invalid(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
}
