import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature.js';

const secret = newWebhookSecret();
const body = JSON.stringify({
  alert: 'truce-alert-17',
  activated: ['commitment-7.2'],
  text: 'Київ',
});
const sentAt = new Date('2025-03-14T07:26:53.900Z');

function signed(overrides: Partial<Parameters<typeof signWebhook>[0]> = {}) {
  return signWebhook({ id: 'msg_2mL9dQ4nX', timestamp: sentAt, body, secret, ...overrides });
}

describe('webhook secrets', () => {
  it('are "whsec_" and the base64 of 32 random bytes by default, 24 to 64 on request', () => {
    const decoded = (value: string) => Buffer.from(value.slice('whsec_'.length), 'base64');
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(decoded(newWebhookSecret())).toHaveLength(32);
    expect(decoded(newWebhookSecret(24))).toHaveLength(24);
    expect(decoded(newWebhookSecret(64))).toHaveLength(64);
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
  });

  it.each([23, 65, 32.5])('refuses a length of %s bytes', (length) => {
    expect(() => newWebhookSecret(length)).toThrow(
      /^byteLength: must be a whole number from 24 to 64/,
    );
  });
});

describe('signing webhooks', () => {
  it('gives the three Standard Webhooks headers, the timestamp in whole seconds', () => {
    const headers = signed();
    expect(headers['webhook-id']).toBe('msg_2mL9dQ4nX');
    expect(headers['webhook-timestamp']).toBe('1741937213');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it('is deterministic: the same delivery gives the same signature', () => {
    expect(signed()).toEqual(signed());
  });

  it('agrees with the independent standardwebhooks library, both ways', () => {
    const now = new Date();
    const library = new Webhook(secret);
    const ours = signed({ timestamp: now });
    expect(library.verify(body, { ...ours })).toEqual(JSON.parse(body));
    expect(ours['webhook-signature']).toBe(library.sign('msg_2mL9dQ4nX', now, body));

    const theirs = {
      'webhook-id': 'msg_from_library',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': library.sign('msg_from_library', now, body),
    };
    expect(() => verifyWebhook(theirs, body, secret, now)).not.toThrow();
  });

  it.each([
    ['an empty id', { id: '' }, /^id: /],
    ['an id with a space', { id: 'msg 1' }, /^id: /],
    ['an id with a newline', { id: 'msg\n1' }, /^id: /],
    ['an invalid date', { timestamp: new Date(Number.NaN) }, /^timestamp: /],
    ['a secret without its prefix', { secret: secret.slice('whsec_'.length) }, /^secret: /],
    ['a secret that is not base64', { secret: 'whsec_not base64 at all!' }, /^secret: /],
    [
      'a secret of 16 bytes',
      { secret: `whsec_${Buffer.alloc(16, 1).toString('base64')}` },
      /^secret: /,
    ],
  ])('refuses %s', (_name, overrides, message) => {
    expect(() => signed(overrides)).toThrow(message);
  });
});

describe('verifying webhooks', () => {
  const inTime = new Date(sentAt.getTime() + 60_000);

  it('accepts a signed delivery within the tolerance, with header names in any case', () => {
    const headers = signed();
    expect(() => verifyWebhook(headers, body, secret, inTime)).not.toThrow();
    const shouted = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]),
    );
    expect(() => verifyWebhook(shouted, body, secret, inTime)).not.toThrow();
  });

  it('accepts the delivery when any one of several signatures matches (a secret rotating)', () => {
    const other = signed({ secret: newWebhookSecret() })['webhook-signature'];
    const headers = signed();
    const several = `v2,ignored ${other} ${headers['webhook-signature']}`;
    expect(() =>
      verifyWebhook({ ...headers, 'webhook-signature': several }, body, secret, inTime),
    ).not.toThrow();
  });

  const unauthenticated = (message: RegExp) =>
    expect.objectContaining({ code: 'UNAUTHENTICATED', message: expect.stringMatching(message) });

  it('refuses a tampered body', () => {
    expect(() => verifyWebhook(signed(), body.replace('7.2', '7.3'), secret, inTime)).toThrow(
      unauthenticated(/^webhook refused: webhook-signature: no v1 signature matches/),
    );
  });

  it('refuses a delivery signed with another secret', () => {
    expect(() => verifyWebhook(signed(), body, newWebhookSecret(), inTime)).toThrow(
      unauthenticated(/no v1 signature matches/),
    );
  });

  it('refuses a replay under another id or at another time', () => {
    const headers = signed();
    expect(() =>
      verifyWebhook({ ...headers, 'webhook-id': 'msg_other' }, body, secret, inTime),
    ).toThrow(unauthenticated(/no v1 signature matches/));
    const later = String(Number(headers['webhook-timestamp']) + 1);
    expect(() =>
      verifyWebhook({ ...headers, 'webhook-timestamp': later }, body, secret, inTime),
    ).toThrow(unauthenticated(/no v1 signature matches/));
  });

  it('refuses a stale timestamp, just past the tolerance, and accepts one at it', () => {
    const headers = signed();
    const atLimit = new Date(sentAt.getTime() - 900 + 300_000);
    expect(() => verifyWebhook(headers, body, secret, atLimit)).not.toThrow();
    expect(() => verifyWebhook(headers, body, secret, new Date(atLimit.getTime() + 1000))).toThrow(
      unauthenticated(
        /^webhook refused: webhook-timestamp: the delivery is 301 s old \(limit 300 s\)$/,
      ),
    );
    expect(() =>
      verifyWebhook(headers, body, secret, new Date(atLimit.getTime() + 1000), 600),
    ).not.toThrow();
  });

  it('refuses a timestamp in the future beyond the tolerance', () => {
    const headers = signed();
    const early = new Date(sentAt.getTime() - 301_000);
    expect(() => verifyWebhook(headers, body, secret, early)).toThrow(
      unauthenticated(/webhook-timestamp: the delivery is dated 301 s in the future$/),
    );
  });

  it.each([
    ['webhook-id', /webhook-id: the header is missing/],
    ['webhook-timestamp', /webhook-timestamp: the header is missing/],
    ['webhook-signature', /webhook-signature: the header is missing/],
  ])('refuses a delivery without %s', (name, message) => {
    const headers: Record<string, string | undefined> = { ...signed(), [name]: undefined };
    expect(() => verifyWebhook(headers, body, secret, inTime)).toThrow(unauthenticated(message));
  });

  it.each(['1741937213.5', '-1741937213', 'soon', '1e9'])(
    'refuses the timestamp %j, which is not whole seconds',
    (timestamp) => {
      const headers = { ...signed(), 'webhook-timestamp': timestamp };
      expect(() => verifyWebhook(headers, body, secret, inTime)).toThrow(
        unauthenticated(/webhook-timestamp: ".*" is not a Unix time in whole seconds/),
      );
    },
  );

  it('refuses signatures of another version or of another length', () => {
    const signature = signed()['webhook-signature'].slice('v1,'.length);
    for (const value of [
      `v2,${signature}`,
      `v1a,${signature}`,
      'v1,',
      `v1,${signature.slice(0, 20)}`,
    ]) {
      expect(() =>
        verifyWebhook({ ...signed(), 'webhook-signature': value }, body, secret, inTime),
      ).toThrow(unauthenticated(/no v1 signature matches/));
    }
  });

  it('refuses a malformed secret or clock as a programming error, not as a bad delivery', () => {
    expect(() => verifyWebhook(signed(), body, 'whsec_', inTime)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => verifyWebhook(signed(), body, secret, new Date(Number.NaN))).toThrow(/^now: /);
  });
});
