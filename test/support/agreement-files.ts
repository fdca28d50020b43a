/** Agreement file texts for tests: the minimal fixture, and edits of it by line. */
import { readFileSync } from 'node:fs';

/** The text of test/fixtures/agreements/minimal.yaml: a small file with no errors. */
export const MINIMAL_AGREEMENT = readFileSync(
  new URL('../fixtures/agreements/minimal.yaml', import.meta.url),
  'utf8',
);

/** The minimal file with the first occurrence of `from` replaced by `to` (which must exist). */
export function editedAgreement(from: string, to: string, text = MINIMAL_AGREEMENT): string {
  if (!text.includes(from)) throw new Error(`fixture has no "${from}"`);
  return text.replace(from, to);
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`text has no "${needle}"`);
  return text.slice(0, index).split('\n').length;
}
