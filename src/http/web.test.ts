import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { buildApp } from './app.js';
import type { App } from './app-instance.js';

describe('serving the web app', () => {
  let t: TestApp;
  let app: App;
  const webRoot = mkdtempSync(join(tmpdir(), 'truce-web-'));
  beforeAll(async () => {
    const shell = '<!doctype html><title>Truce test shell</title>';
    writeFileSync(join(webRoot, 'index.html'), shell);
    writeFileSync(join(webRoot, 'index.html.br'), brotliCompressSync(shell));
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
    const big = `console.log(${JSON.stringify('x'.repeat(5000))})`;
    writeFileSync(join(webRoot, 'big.js'), big);
    writeFileSync(join(webRoot, 'big.js.br'), brotliCompressSync(big));
    writeFileSync(join(webRoot, 'big.js.gz'), gzipSync(big));
    t = await createTestApp('sqlite', { demo: false });
    app = await buildApp(t.services, { logLevel: 'silent', webRoot });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the app at / and its files, without credentials', async () => {
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('Truce test shell');
    const script = await app.inject({ method: 'GET', url: '/app.js' });
    expect(script.statusCode).toBe(200);
  });

  it('sends the build’s brotli or gzip copy of an asset to a browser that accepts it', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/big.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(200);
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('xxxxx');
    const gz = await app.inject({
      method: 'GET',
      url: '/big.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    // The app itself at `/`, to a client that accepts brotli without asking for HTML.
    const root = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-encoding': 'br' },
    });
    expect(root.statusCode).toBe(200);
    expect(root.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(root.rawPayload).toString()).toContain('Truce test shell');
    // The copies are sent in place of their file, not served at their own addresses.
    expect((await app.inject({ method: 'GET', url: '/big.js.br' })).statusCode).toBe(404);
    const plain = await app.inject({ method: 'GET', url: '/big.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(5000);
  });

  it('answers the app’s own pages (deep links) with the app', async () => {
    const page = await app.inject({
      method: 'GET',
      url: '/users',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Truce test shell');
  });

  it('keeps API paths and non-HTML requests as JSON 404s', async () => {
    const api = await app.inject({
      method: 'GET',
      url: '/api/v1/nope',
      headers: { accept: 'text/html' },
    });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const json = await app.inject({
      method: 'GET',
      url: '/users',
      headers: { accept: 'application/json' },
    });
    expect(json.statusCode).toBe(404);
  });
});
