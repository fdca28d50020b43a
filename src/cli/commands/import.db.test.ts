import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/cli-io.js';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../test/support/dialects.js';
import { main } from '../main.js';

const fixture = (name: string) =>
  new URL(`../../../test/fixtures/data/${name}`, import.meta.url).pathname;

describeEachDialect('truce import', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'truce-import-'));
    for (const name of [
      'ucdp-ukraine-utf8-excerpt.csv',
      'ucdp-ukraine-cp1252-excerpt.csv',
      'cir-synthetic.csv',
    ]) {
      copyFileSync(fixture(name), join(dir, name));
    }
  });
  afterEach(() => database.drop());

  const run = async (...argv: string[]) => {
    const c = captureIo({ cwd: dir });
    const code = await main([...argv, '--db', database.url], c.io);
    return { code, out: c.stdout(), err: c.stderr() };
  };

  it('imports a UCDP file, and a second import changes nothing', async () => {
    const first = await run('import', 'ucdp-ukraine-utf8-excerpt.csv', '--format', 'ucdp');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^ucdp-ukraine-utf8-excerpt\.csv: 29 rows read\n {2}29 new reports, 0 updated, 0 unchanged\n {2}0 rejected/,
    );
    const again = await run('import', 'ucdp-ukraine-utf8-excerpt.csv', '--format', 'ucdp');
    expect(again.out).toMatch(/ {2}0 new reports, 0 updated, 29 unchanged\n/);
  });

  it('lands the valid rows of a defective file and lists each rejected row with its line', async () => {
    const result = await run('import', 'cir-synthetic.csv', '--format', 'cir');
    expect(result.code).toBe(1);
    // SYN0002 appears twice (a defect of the file): two reports, neither a correction of the other.
    expect(result.out).toMatch(/11 new reports, 0 updated, 0 unchanged/);
    const again = await run('import', 'cir-synthetic.csv', '--format', 'cir');
    expect(again.out).toMatch(/0 new reports, 0 updated, 11 unchanged/);
    const rejects = readFileSync(join(dir, 'cir-synthetic.csv.rejects.csv'), 'utf8').split('\n');
    expect(rejects[0]).toBe('line,field,severity,message');
    expect(rejects).toContain('5,"entry",error,"is empty"');
  });

  it('writes the reject file to the working directory, not beside a file elsewhere', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'truce-shared-'));
    copyFileSync(fixture('cir-synthetic.csv'), join(shared, 'cir-synthetic.csv'));
    const result = await run('import', join(shared, 'cir-synthetic.csv'), '--format', 'cir');
    expect(result.out).toContain(join(dir, 'cir-synthetic.csv.rejects.csv'));
    expect(existsSync(join(dir, 'cir-synthetic.csv.rejects.csv'))).toBe(true);
    expect(readdirSync(shared)).toEqual(['cir-synthetic.csv']);
  });

  it('stores nothing from a defective file with --all-or-nothing', async () => {
    const result = await run('import', 'cir-synthetic.csv', '--format', 'cir', '--all-or-nothing');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/rows rejected; nothing stored \(--all-or-nothing\)/);
    const after = await run('import', 'ucdp-ukraine-utf8-excerpt.csv', '--format', 'ucdp');
    expect(after.out).toMatch(/29 new reports/);
  });

  it('asks for --date-format when day and month cannot be told apart, and imports with it', async () => {
    const asked = await run('import', 'ucdp-ukraine-cp1252-excerpt.csv', '--format', 'ucdp');
    expect(asked.code).toBe(2);
    expect(asked.err).toMatch(/pass --date-format DD\/MM\/YYYY or MM\/DD\/YYYY/);
    const told = await run(
      'import',
      'ucdp-ukraine-cp1252-excerpt.csv',
      '--format',
      'ucdp',
      '--date-format',
      'MM/DD/YYYY',
    );
    expect(told.code).toBe(0);
    expect(told.out).toMatch(/38 rows read\n {2}38 new reports/);
  });

  it('refuses an unknown format or a bad map as usage errors', async () => {
    expect((await run('import', 'cir-synthetic.csv', '--format', 'excel')).code).toBe(2);
    expect(
      (await run('import', 'cir-synthetic.csv', '--format', 'csv', '--map', 'nonsense')).err,
    ).toMatch(/--map takes column=field/);
  });
});

describeEachDialect('importing over the API', (dialect) => {
  it('imports an uploaded file and answers with the summary and rejected rows', async () => {
    const { createTestApp } = await import('../../../test/support/test-app.js');
    const t = await createTestApp(dialect);
    try {
      const cookie = await t.login('analyst', 'demo-analyst-pass');
      const upload = (url: string, file: string) =>
        t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': 'text/csv' },
          payload: readFileSync(fixture(file)),
        });
      const response = await upload('/api/v1/imports?format=cir', 'cir-synthetic.csv');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ stored: true, read: 17 });
      // The answer's schema lists every field of the summary: none is dropped on the way out.
      expect(Object.keys(body).sort()).toEqual(
        [
          'accepted',
          'disappeared',
          'read',
          'rejected',
          'rejects',
          'sourceName',
          'stored',
          'unchanged',
          'updated',
          'warnings',
        ].sort(),
      );
      expect(body.accepted).toBeGreaterThan(0);
      expect(body.rejects).toContainEqual({
        line: 5,
        field: 'entry',
        severity: 'error',
        message: 'is empty',
      });
      const ambiguous = await upload(
        '/api/v1/imports?format=ucdp',
        'ucdp-ukraine-cp1252-excerpt.csv',
      );
      expect(ambiguous.statusCode).toBe(400);
      expect(ambiguous.json().error.details[0].message).toMatch(/--date-format/);
      expect(ambiguous.body).not.toMatch(/truce-imports/);
      const viewer = await t.login('viewer', 'demo-viewer-pass');
      const denied = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports?format=cir',
        headers: { cookie: viewer, 'content-type': 'text/csv' },
        payload: 'x',
      });
      expect(denied.statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
