/** The error answers a route declares in its schema, by error code. */
import type { ErrorCode } from '../core/errors.js';
import { STATUS_BY_CODE } from './error-handler.js';
import { ErrorSchema } from './schemas/common.js';

/** Response entries for the error codes a route can answer with. */
export function errorResponses(...codes: ErrorCode[]): Record<number, typeof ErrorSchema> {
  const responses: Record<number, typeof ErrorSchema> = {};
  for (const code of codes) responses[STATUS_BY_CODE[code]] = ErrorSchema;
  return responses;
}

/** The errors any authenticated route can answer with. */
export const AUTHENTICATED_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN'] as const satisfies ErrorCode[];

/** The errors a decision about an incident or activation can answer with. */
export const CHANGE_ERRORS = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  ...AUTHENTICATED_ERRORS,
] as const satisfies ErrorCode[];
