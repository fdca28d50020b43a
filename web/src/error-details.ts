/**
 * Turning errors into what a screen shows: the main message, and the server's `details`
 * matched to the form fields they concern.
 */
import { ApiError, NetworkError } from './api';
import type { Problem } from './api-types';
import { t } from './strings';

/** A problem the app found itself, whose message is ready to show as it is. */
export class DisplayError extends Error {
  override readonly name = 'DisplayError';
}

/**
 * The field a detail path names, without the request part: `body/actor`, `/actor`, `body.actor`
 * and `actor` all name `actor`.
 */
export function fieldOf(path: string): string {
  return path
    .replace(/^(body|query|params)(?=[/.]|$)/, '')
    .replace(/^[/.]+/, '')
    .replace(/\//g, '.');
}

/** The messages of the details that concern `field`. */
export function fieldMessages(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter((d) => fieldOf(d.path) === field).map((d) => d.message);
}

/** The details that concern none of `fields`, to be listed with the main message. */
export function otherDetails(error: unknown, fields: readonly string[]): Problem[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter((d) => !fields.includes(fieldOf(d.path)));
}

/** The one-line message for any error a request or a screen can raise. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError || error instanceof DisplayError) {
    return error.message;
  }
  if (error instanceof Error) return t('error.unexpected', { message: error.message });
  return t('error.unexpected', { message: String(error) });
}
