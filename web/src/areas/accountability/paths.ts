/**
 * The paths of the activations area, built and parsed in one place: the list (with its status
 * filter in the query string) and one activation.
 */
import { ACTIVATION_STATUSES } from '../../../../src/core/accountability/model.js';
import type { ActivationStatus } from './types';

/** The activations area's own path. */
export const ACTIVATIONS_PATH = '/activations';

/** The page a path inside the activations area shows. */
export type ActivationsRoute =
  | { readonly page: 'list' }
  | { readonly page: 'activation'; readonly activationId: string }
  | { readonly page: 'unknown' };

/** The path of an activation's page. */
export function activationPath(activationId: string): string {
  return `${ACTIVATIONS_PATH}/${encodeURIComponent(activationId)}`;
}

/** The list's path showing only activations of `status` (all when null). */
export function activationListPath(status: ActivationStatus | null): string {
  return status === null ? ACTIVATIONS_PATH : `${ACTIVATIONS_PATH}?status=${status}`;
}

/** The status filter of a query string; null (all) when absent or not a status. */
export function parseStatusFilter(search: string): ActivationStatus | null {
  const status = new URLSearchParams(search).get('status');
  return ACTIVATION_STATUSES.find((known) => known === status) ?? null;
}

/** The route of `path` (without query string). */
export function parseActivationsPath(path: string): ActivationsRoute {
  const rest = path.slice(ACTIVATIONS_PATH.length).replace(/\/+$/, '');
  if (rest === '') return { page: 'list' };
  const parts = rest.split('/').slice(1);
  const [first] = parts;
  if (parts.length !== 1 || first === undefined || first === '') return { page: 'unknown' };
  try {
    return { page: 'activation', activationId: decodeURIComponent(first) };
  } catch {
    return { page: 'unknown' };
  }
}
