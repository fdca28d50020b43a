// No import circles: a circle among the store's or the services' modules is how the write path
// knotted itself before (record.ts and the per-area stores). The imports are read as text (every
// `from './x.js'`, `import('./x.js')` and `import './x.js'`), type-only imports included, since a
// circle of types still ties the modules' meaning together.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Every non-test TypeScript file under the folder. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The files a file imports by relative path, resolved to the files on disk (`./x.js` is x.ts or x.tsx; the web's `./x` too). */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)];
  return targets.flatMap((match) => {
    const base = resolve(dirname(file), match[1]!.replace(/\.js$/, ''));
    const candidates = [
      `${base}.ts`,
      `${base}.tsx`,
      join(base, 'index.ts'),
      join(base, 'index.tsx'),
    ];
    return candidates.filter((path) => known.has(path)).slice(0, 1);
  });
}

/** The circles among the files (strongly connected components of more than one file, or a self-import). */
function importCircles(files: readonly string[]): string[][] {
  const known = new Set(files);
  const edges = new Map(files.map((file) => [file, importsOf(file, known)]));
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(ROOT, member));
    } while (member !== file);
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) {
      circles.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return circles;
}

describe('import circles', () => {
  it.each(['src', 'web/src'])('there is none among the modules of %s', (folder) => {
    expect(importCircles(sourceFiles(join(ROOT, folder)))).toEqual([]);
  });

  it('reads the imports of both folders, so their emptiness means something', () => {
    for (const folder of ['src', 'web/src']) {
      const files = sourceFiles(join(ROOT, folder));
      const known = new Set(files);
      const edges = files.reduce((sum, file) => sum + importsOf(file, known).length, 0);
      expect(edges).toBeGreaterThan(files.length);
    }
  });

  it('finds a circle, also one made of type-only imports', () => {
    const folder = join(ROOT, 'test/fixtures/import-circle');
    expect(importCircles(sourceFiles(folder))).toEqual([
      [
        'test/fixtures/import-circle/a.ts',
        'test/fixtures/import-circle/b.ts',
        'test/fixtures/import-circle/c.ts',
      ],
    ]);
  });
});
