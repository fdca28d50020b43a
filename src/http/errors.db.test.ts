import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { ERROR_CODES } from '../core/errors.js';
import { BODY_LIMIT } from './app.js';
import { STATUS_BY_CODE } from './error-handler.js';

describeEachDialect('bad requests get the one error format, saying what and where', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin', 'demo-admin-pass');
  });
  afterAll(() => t.close());

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin, 'content-type': contentType },
      payload,
    });

  it('rejects malformed JSON', async () => {
    const response = await post('{"name": "x",');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'MALFORMED_BODY', details: [{ path: 'body' }] },
    });
  });

  it('rejects wrong types without coercing them', async () => {
    const response = await post(JSON.stringify({ name: 42, role: 'viewer' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body/name', message: 'must be string' }],
    });
  });

  it('rejects unknown fields instead of dropping them', async () => {
    const response = await post(JSON.stringify({ name: 'x1', role: 'viewer', admin: true }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'body/admin', message: 'is not an allowed field' },
    ]);
    expect(await t.services.users.find('x1')).toBeUndefined();
  });

  it('names every missing field', async () => {
    const response = await post('{}');
    expect(response.json().error.details).toEqual([
      { path: 'body/name', message: 'is required' },
      { path: 'body/role', message: 'is required' },
    ]);
  });

  it('rejects a body over the documented limit with 413', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(BODY_LIMIT), role: 'viewer' }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await post('name=x', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a malformed URL in the same format', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/%E0%A4%A',
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'url' }],
    });
  });

  it('answers unknown API routes with NOT_FOUND in the same format', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'no route GET /api/v1/nothing-here', details: [] },
    });
  });

  it('gives every response a request id, keeping a sane one the client sent', async () => {
    const generated = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'client-abc.1' },
    });
    expect(kept.headers['x-request-id']).toBe('client-abc.1');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\u0001' },
    });
    expect(replaced.headers['x-request-id']).not.toBe('bad id\u0001');
  });

  it('hides internal failures behind INTERNAL with the request id', async () => {
    const { buildApp } = await import('./app.js');
    const app = await buildApp(t.services, { logLevel: 'silent' });
    app.get('/api/v1/explode', { config: { access: { public: true } } }, async () => {
      throw new Error('secret internal detail');
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/explode' });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('secret internal detail');
      expect(response.json().error.message).toContain(String(response.headers['x-request-id']));
    } finally {
      await app.close();
    }
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/session',
        '/api/v1/users',
        '/api/v1/users/{name}',
        '/readyz',
      ]),
    );
    expect(
      doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['name', 'role']);
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('lists every error code in the OpenAPI document, and answers each with its status', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const enums: string[][] = [];
    JSON.stringify(doc, (key, value: unknown) => {
      if (key === 'enum' && Array.isArray(value) && value.includes('VALIDATION_FAILED')) {
        enums.push(value as string[]);
      }
      return value;
    });
    expect(enums.length).toBeGreaterThan(0);
    for (const codes of enums) expect(codes).toEqual(Object.keys(ERROR_CODES));
    for (const code of ['INCIDENT_LOCKED', 'STEP_REFUSED', 'ACTIVATION_WITHDRAWN', 'NAME_TAKEN']) {
      expect(STATUS_BY_CODE[code as keyof typeof ERROR_CODES]).toBe(409);
    }
  });
});
