import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  editedAgreement,
  lineOf,
  MINIMAL_AGREEMENT,
} from '../../../test/support/agreement-files.js';
import { captureIo } from '../../../test/support/cli-io.js';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../test/support/dialects.js';
import { main } from '../main.js';

describeEachDialect('agreements from the command line', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'truce-agreements-'));
  });
  afterEach(() => database.drop());

  const run = async (...argv: string[]) => {
    const c = captureIo({ cwd: dir });
    const code = await main([...argv, '--db', database.url], c.io);
    return { code, out: c.stdout(), err: c.stderr() };
  };

  it('imports, lists and exports a document; the export imports back unchanged', async () => {
    writeFileSync(join(dir, 'accord.yaml'), MINIMAL_AGREEMENT);
    expect(await run('agreements', 'import', 'accord.yaml')).toMatchObject({
      code: 0,
      out: 'accord.yaml: document test-accord created (11 parts saved, 0 removed)\n',
    });
    const listed = await run('agreements', 'list');
    expect(listed.out).toMatch(
      /^ID +KIND +STATUS +CONTRADICTIONS +COMMITMENTS +SCORES\ntest-accord +ceasefire_agreement +signed \(2020-03-01\) +- +1 +20-20\/26\n$/,
    );
    expect((await run('agreements', 'export', 'test-accord', '--out', 'out.yaml')).code).toBe(0);
    expect((await run('agreements', 'import', 'out.yaml')).out).toBe(
      'out.yaml: document test-accord unchanged (0 parts saved, 0 removed)\n',
    );
    const json = await run('agreements', 'export', 'test-accord', '--format', 'json');
    expect(JSON.parse(json.out).document.id).toBe('test-accord');
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toMatch(/^truce: agreement\/1\n/);
  });

  it('imports each file all-or-nothing: good files land, a bad one names its errors', async () => {
    writeFileSync(join(dir, 'good.yaml'), MINIMAL_AGREEMENT);
    writeFileSync(
      join(dir, 'bad.yaml'),
      editedAgreement(
        'id: test-accord',
        'id: other-accord',
        editedAgreement('    obligor: BBB', '    obligor: ZZZ'),
      ),
    );
    const result = await run('agreements', 'import', 'bad.yaml', 'good.yaml');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^bad\.yaml:\d+:14 commitments\[0\]\.obligor error unknown actor "ZZZ"/,
    );
    expect(result.err).toContain('bad.yaml: 1 error; nothing was stored\n');
    expect(result.out).toMatch(/^good\.yaml: document test-accord created/);
    expect((await run('agreements', 'list')).out).not.toContain('other-accord');
    expect((await run('agreements', 'export', 'other-accord')).code).toBe(1);
  });

  it('loads both built-in scenarios with truce demo, and again without changes', async () => {
    const first = await run('demo');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/minsk-2015\/minsk-ii-2015\.yaml: minsk-ii-2015 created\n/);
    expect(first.out.match(/created/g)).toHaveLength(5);
    const second = await run('demo');
    expect(second.out.match(/unchanged/g)).toHaveLength(5);
  });

  it('says a document was updated when only its header changed, and unchanged when nothing did', async () => {
    writeFileSync(join(dir, 'accord.yaml'), MINIMAL_AGREEMENT);
    await run('agreements', 'import', 'accord.yaml');
    writeFileSync(
      join(dir, 'renamed.yaml'),
      editedAgreement('title: Test Accord on a Ceasefire', 'title: Renamed'),
    );
    expect((await run('agreements', 'import', 'renamed.yaml')).out).toBe(
      'renamed.yaml: document test-accord updated (0 parts saved, 0 removed)\n',
    );
    expect((await run('agreements', 'import', 'renamed.yaml')).out).toMatch(/unchanged/);
  });

  it('refuses a file that is not UTF-8, naming the line, and still imports the others', async () => {
    writeFileSync(join(dir, 'good.yaml'), MINIMAL_AGREEMENT);
    const latin1 = Buffer.from(
      editedAgreement(
        'title: Test Accord on a Ceasefire',
        'title: Accord d\u00e9t\u00e9',
        MINIMAL_AGREEMENT,
      ),
      'latin1',
    );
    writeFileSync(join(dir, 'latin1.yaml'), latin1);
    const result = await run('agreements', 'import', 'latin1.yaml', 'good.yaml', 'missing.yaml');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `latin1.yaml:${lineOf(MINIMAL_AGREEMENT, 'title: Test Accord')}:18 error the file is not UTF-8 (save it as UTF-8)\n`,
    );
    expect(result.err).toContain('cannot read missing.yaml: no such file\n');
    expect(result.out).toMatch(/^good\.yaml: document test-accord created/);
  });
});
