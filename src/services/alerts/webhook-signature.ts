/**
 * Signatures for the webhooks Truce sends, in the Standard Webhooks scheme
 * (standardwebhooks.com), so that a receiver can check them with any of that scheme's libraries.
 * The signed text is `${id}.${timestamp}.${body}`; the signature is its HMAC-SHA256 keyed with
 * the secret, in base64, after a version tag: "v1,<base64>". The id and timestamp are signed so
 * that a captured delivery cannot be replayed later or under another id.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, invalid } from '../../core/errors.js';

/** The three headers of a signed delivery, by their Standard Webhooks names. */
export type WebhookHeaders = {
  readonly 'webhook-id': string;
  /** Unix time in whole seconds, as decimal digits. */
  readonly 'webhook-timestamp': string;
  /** One or more space-separated "v1,<base64>" signatures (several while a secret rotates). */
  readonly 'webhook-signature': string;
};

export interface WebhookToSign {
  /** The delivery's id, the same on every retry, so that receivers can drop duplicates. */
  readonly id: string;
  readonly timestamp: Date;
  /** The exact body sent; a receiver must verify the bytes it received, before parsing them. */
  readonly body: string;
  /** A secret from newWebhookSecret: "whsec_" and the base64 of 24 to 64 random bytes. */
  readonly secret: string;
}

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = { smallest: 24, largest: 64 } as const;

/** A new secret: "whsec_" and the base64 of `byteLength` (24 to 64, default 32) random bytes. */
export function newWebhookSecret(byteLength = 32): string {
  if (
    !Number.isInteger(byteLength) ||
    byteLength < SECRET_BYTES.smallest ||
    byteLength > SECRET_BYTES.largest
  ) {
    throw invalid('byteLength', `must be a whole number from 24 to 64, not ${byteLength}`);
  }
  return SECRET_PREFIX + randomBytes(byteLength).toString('base64');
}

/**
 * The headers that sign one delivery. Throws a VALIDATION_FAILED DomainError for a malformed
 * secret, an id that cannot be a header value (empty, or with whitespace or a control
 * character) or an invalid date.
 */
export function signWebhook(delivery: WebhookToSign): WebhookHeaders {
  const key = secretKey(delivery.secret);
  const id = deliveryId(delivery.id, 'id');
  const seconds = Math.floor(delivery.timestamp.getTime() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0)
    throw invalid('timestamp', 'is not a valid date');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': `v1,${signature(key, id, seconds, delivery.body).toString('base64')}`,
  };
}

/**
 * Returns normally if one of the v1 signatures in the headers is the body's, under `secret`, and
 * the timestamp is within `toleranceSeconds` of `now` either way (a delivery from the future is
 * as suspect as a stale one). Header names are matched without regard to case, as in HTTP.
 * Otherwise throws an UNAUTHENTICATED DomainError saying what failed; a malformed secret is a
 * VALIDATION_FAILED one. Signatures are compared in constant time.
 */
export function verifyWebhook(
  headers: Readonly<Record<string, string | undefined>>,
  body: string,
  secret: string,
  now: Date,
  toleranceSeconds = 300,
): void {
  const key = secretKey(secret);
  if (Number.isNaN(now.getTime())) throw invalid('now', 'is not a valid date');
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw refused('webhook-timestamp', `"${timestamp}" is not a Unix time in whole seconds`);
  }
  const seconds = Number(timestamp);
  const age = Math.floor(now.getTime() / 1000) - seconds;
  if (age > toleranceSeconds) {
    throw refused(
      'webhook-timestamp',
      `the delivery is ${age} s old (limit ${toleranceSeconds} s)`,
    );
  }
  if (-age > toleranceSeconds) {
    throw refused('webhook-timestamp', `the delivery is dated ${-age} s in the future`);
  }
  const expected = signature(key, id, seconds, body);
  const matches = signatures.split(' ').some((versioned) => {
    const [version, encoded = ''] = versioned.split(',', 2);
    if (version !== 'v1') return false;
    const candidate = Buffer.from(encoded, 'base64');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  if (!matches) {
    throw refused('webhook-signature', 'no v1 signature matches the body under this secret');
  }
}

function signature(key: Buffer, id: string, seconds: number, body: string): Buffer {
  return createHmac('sha256', key).update(`${id}.${seconds}.${body}`, 'utf8').digest();
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
  const key = Buffer.from(encoded, 'base64');
  // Buffer.from skips characters that are not base64, so a round trip proves the text was.
  if (
    key.toString('base64') !== encoded ||
    key.length < SECRET_BYTES.smallest ||
    key.length > SECRET_BYTES.largest
  ) {
    throw invalid('secret', 'must be "whsec_" and the base64 of 24 to 64 bytes');
  }
  return key;
}

function deliveryId(id: string, path: string): string {
  if (!/^[\x21-\x7e]+$/.test(id)) {
    throw invalid(path, 'must be printable ASCII without spaces (it travels in a header)');
  }
  return id;
}

function header(headers: Readonly<Record<string, string | undefined>>, name: string): string {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  if (value === undefined || value === '') throw refused(name, 'the header is missing');
  return value;
}

function refused(headerName: string, message: string): DomainError {
  return new DomainError('UNAUTHENTICATED', `webhook refused: ${headerName}: ${message}`, [
    { path: headerName, message },
  ]);
}
