/**
 * A small typed fetch client for the Truce API: same origin, cookies included, JSON in and out
 * (and plain text for the record's signed notes and key).
 * Every failure becomes an ApiError (the server answered with an error) or a NetworkError (it
 * could not be reached), so screens always have a message to show.
 */
import type { Problem } from './api-types';
import { t } from './strings';

/** The server answered with an error status. `message` is the server's explanation. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly Problem[] = [],
    /** Seconds to wait before retrying, from the Retry-After header; null when absent. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** The request never got an answer: the server is down or the network is broken. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor() {
    super(t('error.network'));
  }
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Calls `listener` whenever a request is refused because the session is missing or has ended.
 * Returns a function that stops listening.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Sends one request and returns the parsed JSON answer (undefined for 204 No Content). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'include', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await send(path, init);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', t('error.badResponse'));
  }
}

/** Fetches a plain-text resource (a signed note, a key) and returns its text unchanged. */
export async function requestText(path: string): Promise<string> {
  const headers = { Accept: 'text/plain' };
  const response = await send(path, { headers, credentials: 'include', cache: 'no-store' });
  try {
    return await response.text();
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', t('error.badResponse'));
  }
}

/** How far an upload has gone: bytes sent of the total (null when the browser cannot tell). */
export interface UploadProgress {
  readonly sent: number;
  readonly total: number | null;
}

/**
 * POSTs `file` as the raw body (application/octet-stream) with XMLHttpRequest, which, unlike
 * fetch, reports upload progress: `onProgress` is called as bytes go out, `onSent` once the
 * whole file is sent and the server is working on it. Resolves with the parsed JSON answer;
 * rejects with an ApiError or a NetworkError, as `request` does. `signal` aborts the upload.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  hooks: {
    readonly onProgress?: (progress: UploadProgress) => void;
    readonly onSent?: () => void;
    readonly signal?: AbortSignal;
  } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (event) => {
      hooks.onProgress?.({
        sent: event.loaded,
        total: event.lengthComputable ? event.total : null,
      });
    });
    xhr.upload.addEventListener('load', () => hooks.onSent?.());
    xhr.addEventListener('error', () => reject(new NetworkError()));
    xhr.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    xhr.addEventListener('load', () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText) as unknown;
      } catch {
        parsed = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorOf(xhr.status, parsed, xhr.getResponseHeader('Retry-After')));
      } else if (parsed === undefined) {
        reject(new ApiError(xhr.status, 'BAD_RESPONSE', t('error.badResponse')));
      } else {
        resolve(parsed as T);
      }
    });
    hooks.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** Fetches `path`; a failure to connect becomes a NetworkError, an error status an ApiError. */
async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  return apiErrorOf(response.status, parsed, response.headers.get('Retry-After'));
}

/**
 * The ApiError for an error answer with status `status`, parsed JSON body `parsed` (undefined
 * when it was not JSON) and Retry-After header `retryAfterHeader`; tells the listeners when the
 * session has ended.
 */
function apiErrorOf(status: number, parsed: unknown, retryAfterHeader: string | null): ApiError {
  const retryAfter = parseRetryAfter(retryAfterHeader);
  const error = isErrorBody(parsed)
    ? new ApiError(
        status,
        parsed.error.code,
        parsed.error.message,
        (parsed.error.details ?? []).filter(isDetail),
        retryAfter,
      )
    : new ApiError(status, `HTTP_${status}`, t('error.http', { status }), [], retryAfter);
  if (error.code === 'UNAUTHENTICATED') {
    for (const listener of unauthenticatedListeners) listener();
  }
  return error;
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

interface ErrorBody {
  error: { code: string; message: string; details?: unknown[] };
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string' &&
    (!('details' in error) || Array.isArray(error.details))
  );
}

function isDetail(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'path' in value &&
    typeof value.path === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}
