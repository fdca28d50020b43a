/**
 * Reading an agreement file: YAML or JSON text in, the file's value and every problem out, each
 * problem placed at a line and column of the text. Nothing here throws for bad input.
 */
import { Value } from 'typebox/value';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { AgreementFileSchema, type AgreementFile } from './file-schema.js';
import { describeSchemaError, type SchemaError } from './schema-messages.js';

/** A path into the file's value: keys and array indexes. */
export type FilePath = readonly (string | number)[];

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
export function parseAgreementText(text: string, format: 'yaml' | 'json'): ParsedAgreementFile {
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

  const value: unknown = doc.toJS();
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
