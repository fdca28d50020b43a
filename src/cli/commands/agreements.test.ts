import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  editedAgreement,
  lineOf,
  MINIMAL_AGREEMENT,
} from '../../../test/support/agreement-files.js';
import { captureIo } from '../../../test/support/cli-io.js';
import { main } from '../main.js';

describe('truce agreements lint', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'truce-lint-'));
    writeFileSync(join(dir, 'good.yaml'), MINIMAL_AGREEMENT);
    writeFileSync(join(dir, 'bad.yaml'), editedAgreement('    obligor: BBB', '    obligor: ZZZ'));
    writeFileSync(
      join(dir, 'vague.yaml'),
      editedAgreement('    strength: shall', '    strength: consider'),
    );
    writeFileSync(join(dir, 'broken.json'), '{ "truce": ');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
  });

  const lint = async (...argv: string[]) => {
    const c = captureIo({ cwd: dir });
    const code = await main(['agreements', 'lint', ...argv], c.io);
    return { code, out: c.stdout(), err: c.stderr() };
  };

  it('prints file:line:col rule message for each finding and a score per commitment, exit 0', async () => {
    const { code, out, err } = await lint('good.yaml');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    for (const line of lines)
      expect(line).toMatch(/^good\.yaml:\d+:\d+ (point-\d+|score|warning) /);
    expect(lines).toContain(
      `good.yaml:${lineOf(MINIMAL_AGREEMENT, 'where possible')}:57 point-6 Obligation strength 1/2: "where possible" lets the obligor decide when acting is possible. Drop "where possible" and "as it deems necessary", or replace it with a stated test of when the obligor must act.`,
    );
    expect(lines[lines.length - 1]).toBe(
      `good.yaml:${lineOf(MINIMAL_AGREEMENT, '  - id: bbb-guarantee')}:5 score commitment bbb-guarantee: 20/26 (grade B)`,
    );
    expect(err).toBe('1 file: 0 errors\n');
  });

  it('exits 1 on an error and says where it is', async () => {
    const { code, out, err } = await lint('bad.yaml', 'good.yaml');
    expect(code).toBe(1);
    expect(out).toMatch(
      /^bad\.yaml:\d+:14 error unknown actor "ZZZ": .* \(commitments\[0\]\.obligor\)$/m,
    );
    expect(err).toBe('2 files: 1 error\n');
  });

  it('with --strict, exits 1 when a commitment scores below --min-score', async () => {
    expect((await lint('good.yaml', '--strict')).code).toBe(0);
    const vague = await lint('vague.yaml', '--strict', '--min-score', '20');
    expect(vague.code).toBe(1);
    expect(vague.out).toMatch(/score commitment bbb-guarantee: 19\/26 \(grade B\) below 20$/m);
    expect(vague.err).toBe('1 file: 0 errors, 1 commitment below 20\n');
    expect((await lint('vague.yaml')).code).toBe(0);
  });

  it('reports invalid JSON and quiet mode prints only errors', async () => {
    const { code, out } = await lint('broken.json', '--quiet');
    expect(code).toBe(1);
    expect(out).toMatch(/^broken\.json:1:\d+ error invalid JSON: /);
    expect((await lint('good.yaml', '--quiet')).out).not.toMatch(/point-/);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await lint()).code).toBe(2);
    expect((await lint('notes.txt')).err).toMatch(/agreement files end in \.yaml, \.yml or \.json/);
    expect((await lint('missing.yaml')).err).toMatch(/cannot read missing\.yaml: no such file/);
    expect((await lint('good.yaml', '--strict', '--min-score', '30')).code).toBe(2);
  });
});

describe('truce agreements schema', () => {
  it('prints the JSON Schema', async () => {
    const c = captureIo();
    expect(await main(['agreements', 'schema'], c.io)).toBe(0);
    const schema = JSON.parse(c.stdout());
    expect(schema.properties.truce.const).toBe('agreement/1');
    expect(schema.properties.commitments.items.properties.deadline.properties.binds.enum).toEqual([
      'response',
      'meeting',
    ]);
  });
});
