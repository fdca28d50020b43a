/**
 * Reading an agreement file: YAML or JSON text in, the file's value and every problem out, each
 * problem placed at a line and column of the text. Nothing here throws for bad input.
 */
import { Value } from 'typebox/value';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { AgreementFileSchema, type AgreementFile } from './file-schema.js';
import { describeSchemaError, type FilePath, type SchemaError } from './schema-messages.js';

/** One problem in a file, placed where it is. Lines and columns count from 1. */
export interface FileProblem {
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: string;
}

/** A parsed file: its value when the syntax and schema are right, its problems, and a locator. */
export interface ParsedAgreementFile {
  /** The file's value when it matches the schema; undefined otherwise. */
  readonly file: AgreementFile | undefined;
  readonly problems: FileProblem[];
  /** Where a path is in the text (the nearest existing node, else the start). */
  readonly locate: (path: FilePath, at?: 'key' | 'value') => { line: number; column: number };
  /** The text offset where the value at a path starts, when it is a scalar. */
  readonly offsetOf: (path: FilePath) => { start: number; source: string } | undefined;
  /** The line and column of a text offset. */
  readonly positionAt: (offset: number) => { line: number; column: number };
}

/**
 * Parses YAML (or JSON, which is read by the same YAML 1.2 parser after a strict JSON check when
 * `format` is 'json') and checks it against the schema. Duplicate keys are errors.
 */
export function parseAgreementText(raw: string, format: 'yaml' | 'json'): ParsedAgreementFile {
  // A byte-order mark is not content; dropping it keeps columns on line 1 right.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: FilePath, at: 'key' | 'value' = 'value') => {
    const found = nearestNode(doc.contents, path, at);
    return position(found?.range?.[0] ?? 0);
  };
  const offsetOf = (path: FilePath) => {
    const node = nearestNode(doc.contents, path, 'value', true);
    if (!isScalar(node) || node.range === undefined || node.range === null) return undefined;
    return { start: node.range[0], source: text.slice(node.range[0], node.range[1]) };
  };
  const problems: FileProblem[] = [];

  if (format === 'json') {
    const jsonProblem = checkJson(text, position);
    if (jsonProblem)
      return { file: undefined, problems: [jsonProblem], locate, offsetOf, positionAt: position };
  }
  for (const error of doc.errors) {
    const { line, column } = position(error.pos[0]);
    problems.push({ severity: 'error', line, column, path: '', message: firstLine(error.message) });
  }
  if (problems.length > 0) {
    return { file: undefined, problems, locate, offsetOf, positionAt: position };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Alias bombs, and nesting deep enough to exhaust the stack.
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      severity: 'error',
      ...position(0),
      path: '',
      message: /alias/i.test(message)
        ? `too many YAML aliases (more than ${MAX_ALIAS_COUNT}); write the repeated values out`
        : 'the file is nested too deeply to read',
    });
    return { file: undefined, problems, locate, offsetOf, positionAt: position };
  }
  if (nestingDepth(value) > MAX_DEPTH) {
    problems.push({
      severity: 'error',
      ...position(0),
      path: '',
      message: `the file nests values more than ${MAX_DEPTH} levels deep`,
    });
    return { file: undefined, problems, locate, offsetOf, positionAt: position };
  }
  for (const bad of malformedStrings(value)) {
    problems.push({
      severity: 'error',
      ...locate(bad),
      path: formatPath(bad),
      message: 'contains a lone UTF-16 surrogate or a control character; it cannot be stored',
    });
  }
  if (problems.length > 0)
    return { file: undefined, problems, locate, offsetOf, positionAt: position };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      severity: 'error',
      ...position(0),
      path: '',
      message: 'an agreement file is a mapping with the keys truce, document, actors, ...',
    });
    return { file: undefined, problems, locate, offsetOf, positionAt: position };
  }
  for (const error of schemaErrors(value)) {
    const described = describeSchemaError(error, value);
    problems.push({
      severity: 'error',
      ...locate(described.path, described.at),
      path: formatPath(described.path),
      message: described.message,
    });
  }
  return {
    file: problems.length === 0 ? (value as AgreementFile) : undefined,
    problems: dedupe(problems),
    locate,
    offsetOf,
    positionAt: position,
  };
}

/** Lone surrogates, and control characters other than tab and line breaks. */
const UNSTORABLE =
  // Control characters are exactly what this looks for.
  // eslint-disable-next-line no-control-regex
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The most YAML aliases a file may use (each expands to a copy of its anchor). */
export const MAX_ALIAS_COUNT = 1000;

/** How deep a file's values may nest; agreement files need about ten levels. */
export const MAX_DEPTH = 64;

/** Paths of strings that cannot be stored (lone surrogates, control characters but tab and newlines). */
function malformedStrings(
  value: unknown,
  path: (string | number)[] = [],
  found: FilePath[] = [],
): FilePath[] {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) {
      found.push([...path]);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => malformedStrings(item, [...path, i], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) malformedStrings(item, [...path, key], found);
  }
  return found;
}

/** How deeply a value nests (a scalar is 0). Stops counting past `limit`. */
export function nestingDepth(value: unknown, limit = MAX_DEPTH + 1): number {
  if (value === null || typeof value !== 'object' || limit <= 0) return 0;
  let deepest = 0;
  for (const item of Object.values(value)) {
    deepest = Math.max(deepest, nestingDepth(item, limit - 1));
    if (deepest >= limit) break;
  }
  return deepest + 1;
}

/** `commitments[2].deadline.duration` for ['commitments', 2, 'deadline', 'duration']. */
export function formatPath(path: FilePath): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function schemaErrors(value: unknown): SchemaError[] {
  return [...Value.Errors(AgreementFileSchema, value)] as SchemaError[];
}

function checkJson(
  text: string,
  position: (offset: number) => { line: number; column: number },
): FileProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    return {
      severity: 'error',
      ...position(Math.min(offset, Math.max(0, text.length - 1))),
      path: '',
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
    };
  }
}

function nearestNode(
  root: unknown,
  path: FilePath,
  at: 'key' | 'value',
  exact = false,
): Node | undefined {
  let node = root as Node | null | undefined;
  let best: Node | undefined = node ?? undefined;
  for (const [i, part] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === part);
      if (pair === undefined) return exact ? undefined : best;
      if (last && at === 'key' && isScalar(pair.key)) return pair.key;
      node = pair.value as Node | null;
      if (node === null) return exact ? undefined : (pair.key as Node);
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (item === undefined) return exact ? undefined : best;
      node = item;
    } else {
      return exact ? undefined : best;
    }
    best = node;
  }
  return node ?? undefined;
}

function dedupe(problems: FileProblem[]): FileProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
