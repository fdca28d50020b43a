import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('rest of a photo'),
]);
const html = Buffer.from('<html><script>alert(1)</script></html>');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeEachDialect('evidence files', (dialect) => {
  let t: TestApp;
  let monitor: string;
  let viewer: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    monitor = await t.login('monitor', 'demo-monitor-pass');
    viewer = await t.login('viewer', 'demo-viewer-pass');
  });
  afterEach(() => t.close());

  const upload = (bytes: Buffer, headers: Record<string, string> = {}, cookie = monitor) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/evidence',
      headers: { cookie, 'content-type': 'application/octet-stream', ...headers },
      payload: bytes,
    });

  it('stores a file by SHA-256, sniffs its type from its bytes, and serves it with its hash', async () => {
    const response = await upload(png, {
      'content-type': 'text/html',
      'x-content-sha256': sha(png),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ sha256: sha(png), size: png.length, mediaType: 'image/png' });
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${sha(png)}`,
      headers: { cookie: viewer },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-sha256']).toBe(sha(png));
    expect(download.rawPayload.equals(png)).toBe(true);
  });

  it('stores text and JSON uploads byte for byte', async () => {
    for (const [type, text] of [
      ['text/plain', 'hello'],
      ['application/json', '{"b":1,  "a":2}'],
    ] as const) {
      const bytes = Buffer.from(text);
      const response = await upload(bytes, {
        'content-type': type,
        'x-content-sha256': sha(bytes),
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().size).toBe(bytes.length);
    }
  });

  it('never serves uploaded HTML as a page', async () => {
    await upload(html, { 'content-type': 'text/html' });
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${sha(html)}`,
      headers: { cookie: viewer },
    });
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a file whose bytes do not match the stated SHA-256, empty files, and viewers', async () => {
    const wrong = await upload(png, { 'x-content-sha256': sha(html) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('headers/x-content-sha256');
    expect((await upload(Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload(png, {}, viewer)).statusCode).toBe(403);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${'0'.repeat(64)}`,
      headers: { cookie: viewer },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('accepts a report citing uploaded evidence and rejects one citing a file never uploaded', async () => {
    await upload(png);
    const report = (evidence: string[]) => ({
      observedFrom: '2022-04-08T07:25:00Z',
      mode: 'camera',
      type: 'shelling',
      source: { kind: 'monitor', name: 'Camera 3' },
      evidence,
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { cookie: monitor },
      payload: { reports: [report([sha(png)]), report([sha(html)])] },
    });
    expect(response.json().results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
    ]);
    expect(response.json().results[1].problems).toEqual([
      { path: 'body/reports/1/evidence/0', message: 'no evidence with this SHA-256 was uploaded' },
    ]);
  });
});
