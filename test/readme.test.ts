// Keeps the README's commands true: the quick start, the demo passwords and every CLI example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../src/cli/command.js';
import { COMMANDS } from '../src/cli/main.js';
import { DEMO_USERS } from '../src/services/bootstrap.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

/** Splits a shell command line into words, honouring simple quotes. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('README', () => {
  it('gives the two commands, and they are what package.json runs', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('\nnpm test\n');
    expect(pkg.scripts['start']).toBe('node bin/truce.js serve --demo');
    expect(pkg.scripts['test']).toMatch(/typecheck.*lint.*vitest run/);
    expect(pkg.bin['truce']).toBe('bin/truce.js');
  });

  it('lists exactly the demo users and passwords the demo creates', () => {
    const rows = [...readme.matchAll(/^\| (\w+) +\| ([\w ()]+?) +\| (demo-[\w-]+) +\|$/gm)].map(
      (m) => [m[1], m[3]],
    );
    expect(rows).toEqual(DEMO_USERS.map((u) => [u.name, u.password]));
  });

  it('uses only commands and flags that exist in its CLI examples', () => {
    const examples = [...readme.matchAll(/^(?:[^`\n]*\| )?npx truce ([^\n#]+?)\s*(?:#.*)?$/gm)].map(
      (m) => m[1] ?? '',
    );
    expect(examples.length).toBeGreaterThan(8);
    for (const example of examples) {
      const argv = words(example).filter((w) => w !== '--help');
      const command = COMMANDS.find(
        (c) => argv.slice(0, c.name.split(' ').length).join(' ') === c.name,
      );
      expect(command, example).toBeDefined();
      if (command)
        expect(
          () => parseCommandArgs(command, argv.slice(command.name.split(' ').length)),
          example,
        ).not.toThrow();
    }
  });

  it('documents every environment variable the configuration reads', () => {
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const variables = new Set([...source.matchAll(/TRUCE_[A-Z_]+/g)].map((m) => m[0]));
    for (const variable of variables) expect(readme).toContain(`\`${variable}\``);
  });
});
