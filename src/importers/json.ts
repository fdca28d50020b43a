/**
 * JSON and GeoJSON files are read whole: the formats analysts export as JSON (Bellingcat's
 * TimeMap, UCDP GeoJSON, ad hoc FeatureCollections) are a few megabytes, and JSON cannot be
 * streamed record by record without a streaming parser. MAX_JSON_BYTES bounds the memory.
 */
import { readFile, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { detectEncoding } from './csv.js';
import { ImportUsageError } from './errors.js';

/** Larger JSON files are refused (convert them to CSV, which streams). */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** The parsed file and its text. Throws ImportUsageError when too large or not JSON. */
export async function readJsonFile(path: string): Promise<{ value: unknown; text: string }> {
  const { size } = await stat(path);
  if (size > MAX_JSON_BYTES) {
    throw new ImportUsageError(
      `${path} is ${size} bytes; JSON is read whole and the limit is ${MAX_JSON_BYTES}: convert it to CSV`,
    );
  }
  const bytes = await readFile(path);
  const text = iconv.decode(bytes, detectEncoding(bytes));
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch (error) {
    throw new ImportUsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The 1-based line of each element of the root array (or, with `key`, of the array under that
 * key of the root object), when every element starts on its own line; otherwise (a minified
 * file) the element's position, index + 1.
 */
export function elementLines(text: string, count: number, key?: string): number[] {
  const lines = scanElementLines(text, key);
  const distinct =
    lines.length === count && lines.every((l, i) => i === 0 || l > (lines[i - 1] ?? 0));
  return distinct ? lines : Array.from({ length: count }, (_, i) => i + 1);
}

interface Frame {
  readonly kind: 'object' | 'array';
  readonly target: boolean;
  key?: string;
  expectValue: boolean;
}

/** Where each element of the target array starts; a small scanner that skips strings. */
function scanElementLines(text: string, key: string | undefined): number[] {
  const lines: number[] = [];
  const stack: Frame[] = [];
  let line = 1;
  const markValue = () => {
    const top = stack.at(-1);
    if (top?.kind === 'array' && top.target) lines.push(line);
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') line += 1;
    else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && !top.expectValue) top.key = text.slice(i + 1, end);
      else markValue();
      i = end;
    } else if (c === ':') {
      const top = stack.at(-1);
      if (top) top.expectValue = true;
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectValue = false;
    } else if (c === '{' || c === '[') {
      markValue();
      const parent = stack.at(-1);
      const target =
        c === '[' &&
        (key === undefined
          ? stack.length === 0
          : stack.length === 1 && parent?.kind === 'object' && parent.key === key);
      stack.push({ kind: c === '{' ? 'object' : 'array', target, expectValue: false });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c !== ' ' && c !== '\t' && c !== '\r') {
      markValue();
      while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1] ?? '')) i += 1;
    }
  }
  return lines;
}
