import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { auditRemote, type Fetcher } from '../../cli/remote-audit.js';
import { openNote, parseVerifierKey, signerFromSeed } from '../../core/record/note.js';
import { createServices } from '../../services.js';
import { fromBase64, hashLeaf } from '../../core/record/hash.js';
import { decodeBundle } from '../../core/record/tiles.js';
import { verifyConsistency, verifyInclusion } from '../../core/record/verify.js';
import { forgeRecord } from '../../../test/support/forge.js';

const signer = signerFromSeed('truce.test/record', new Uint8Array(32).fill(3));

describeEachDialect('the record over HTTP', (dialect) => {
  let t: TestApp;
  let size: number;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const b64 = (s: string) => fromBase64(s) ?? new Uint8Array(0);
  const fetcher: Fetcher = async (url) => {
    const response = await get(url.replace('http://truce.test', ''));
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}`);
    const raw = response.rawPayload;
    return new Uint8Array(response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { recordSigner: signer });
    await t.services.record.signCheckpoint();
    size = await t.services.record.size();
  });
  afterAll(() => t.close());

  it('serves a signed checkpoint as text, not cached for long, verifiable with the served key', async () => {
    const checkpoint = await get('/record/checkpoint');
    expect(checkpoint.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(checkpoint.headers['cache-control']).toContain('no-cache');
    const key = parseVerifierKey((await get('/record/key')).body);
    if ('error' in key) throw new Error(key.error);
    const opened = openNote(checkpoint.body, [key]);
    expect(opened.ok).toBe(true);
    expect(checkpoint.body.split('\n').slice(0, 2)).toEqual([
      t.services.record.origin,
      String(size),
    ]);
  });

  it('serves tiles and entry bundles as C2SP tlog-tiles says, immutable and gzipped', async () => {
    const tile = await get(`/record/tile/0/000.p/${size}`);
    expect(tile.statusCode).toBe(200);
    expect(tile.headers['content-type']).toBe('application/octet-stream');
    expect(tile.headers['cache-control']).toContain('immutable');
    expect(tile.rawPayload.length).toBe(size * 32);
    const bundle = await get(`/record/tile/entries/000.p/${size}`);
    expect(bundle.headers['content-encoding']).toBe('gzip');
    const entries = decodeBundle(new Uint8Array(gunzipSync(bundle.rawPayload)));
    if ('error' in entries) throw new Error(entries.error);
    expect(entries).toHaveLength(size);
    expect(Buffer.from(hashLeaf(entries[4] as Uint8Array))).toEqual(
      tile.rawPayload.subarray(4 * 32, 5 * 32),
    );
  });

  it('answers 400 for malformed tile paths and 404 for tiles that do not exist', async () => {
    expect((await get('/record/tile/0/x01')).statusCode).toBe(400);
    expect((await get('/record/tile/0/000.p/0')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await get('/record/tile/0/000')).statusCode).toBe(404);
    expect((await get(`/record/tile/0/000.p/${size + 1}`)).statusCode).toBe(404);
    expect((await get('/record/tile/entries/001.p/1')).statusCode).toBe(404);
  });

  it('gives inclusion proofs by index or event id that verify against the checkpoint', async () => {
    const checkpoint = (await get('/api/v1/record')).json().checkpoint;
    const entry = (await get('/api/v1/record/entries/3')).json();
    for (const query of [`index=3`, `event=${entry.eventId}`]) {
      const proof = (await get(`/api/v1/record/proof/inclusion?${query}`)).json();
      expect(proof).toMatchObject({ index: 3, size: checkpoint.size, root: checkpoint.root });
      expect(
        verifyInclusion(
          3,
          proof.size,
          b64(entry.leafHash),
          proof.proof.map(b64),
          b64(checkpoint.root),
        ).ok,
      ).toBe(true);
    }
    expect(Buffer.from(hashLeaf(b64(entry.entry))).toString('base64')).toBe(entry.leafHash);
  });

  it('gives consistency proofs that verify', async () => {
    const proof = (await get(`/api/v1/record/proof/consistency?from=3&to=${size}`)).json();
    expect(
      verifyConsistency(3, size, proof.proof.map(b64), b64(proof.root1), b64(proof.root2)).ok,
    ).toBe(true);
  });

  it.each([
    ['/api/v1/record/proof/inclusion?index=999&size=5', 'index: 999 is not below the tree size 5'],
    ['/api/v1/record/proof/inclusion?index=0&size=99999', 'size: 99999 is beyond the record'],
    ['/api/v1/record/proof/inclusion?size=3', 'give exactly one of index or event'],
    ['/api/v1/record/proof/consistency?from=0&to=3', 'from: must be at least 1'],
    ['/api/v1/record/proof/consistency?from=4&to=3', 'from: 4 is larger than to (3)'],
    ['/api/v1/record/proof/inclusion?index=-1', 'querystring/index must be >= 0'],
  ])('refuses %s with a clear 400', async (url, message) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(message);
  });

  it('finds an entry by its event id, as a decision names it', async () => {
    const entry = (await get('/api/v1/record/entries/3')).json();
    const found = await get(`/api/v1/record/events/${entry.eventId}`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual(entry);
  });

  it('answers 404 for an unknown event or entry', async () => {
    const unknown = await get('/api/v1/record/events/nope');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('no event "nope" in the record');
    expect(unknown.json().error.details[0].path).toBe('params/eventId');
    expect((await get('/api/v1/record/proof/inclusion?event=nope')).statusCode).toBe(404);
    expect((await get('/api/v1/record/entries/99999')).statusCode).toBe(404);
  });

  it('passes an outside audit over HTTP, and a later one consistent with the first', async () => {
    const key = parseVerifierKey(t.services.record.verifierKey);
    if ('error' in key) throw new Error(key.error);
    const first = await auditRemote('http://truce.test', key, undefined, fetcher);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const admin = await t.login('admin', 'demo-admin-pass');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/record/checkpoint',
      headers: { cookie: admin },
    });
    const second = await auditRemote('http://truce.test', key, first.note, fetcher);
    expect(second).toMatchObject({ ok: true, consistentFrom: size });
  });

  it('lets only admins and coordinators sign a checkpoint on demand', async () => {
    const viewer = await t.login('viewer', 'demo-viewer-pass');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/record/checkpoint',
          headers: { cookie: viewer },
        })
      ).statusCode,
    ).toBe(403);
    const coordinator = await t.login('coordinator', 'demo-coordinator-pass');
    const signed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/record/checkpoint',
      headers: { cookie: coordinator },
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().size).toBe(await t.services.record.size());
  });

  // Destroys the log: keep it last.
  it('catches a server that rewrote its history and signed it again', async () => {
    const key = parseVerifierKey(t.services.record.verifierKey);
    if ('error' in key) throw new Error(key.error);
    const trusted = await auditRemote('http://truce.test', key, undefined, fetcher);
    if (!trusted.ok) throw new Error(trusted.problem);
    const db = t.services.store.db;
    await db.deleteFrom('record_checkpoints').execute();
    const changed = await forgeRecord(db, dialect === 'postgres', (data) =>
      data.replace('"role":"coordinator"', '"role":"admin"'),
    );
    expect(changed).toBe(1);
    // The operator restarts the server on the rewritten database and signs with the same key.
    const restarted = await createServices(t.databaseUrl, { recordSigner: signer });
    await restarted.record.signCheckpoint();
    await restarted.close();
    const fresh = await auditRemote('http://truce.test', key, undefined, fetcher);
    expect(fresh.ok).toBe(true);
    const again = await auditRemote('http://truce.test', key, trusted.note, fetcher);
    expect(again).toEqual({ ok: false, problem: expect.stringContaining('the log was rewritten') });
  });
});
