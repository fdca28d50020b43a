/**
 * Plain-language messages for schema errors in agreement files: what is wrong, in the file's
 * own words (field names, allowed values), never a JSON Schema keyword.
 */
import { DATE_PATTERN, ID_PATTERN } from './file-schema.js';

/** A path into a file's value: keys and array indexes. */
export type FilePath = readonly (string | number)[];

/** A schema error as TypeBox reports it. */
export interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly message: string;
}

/** Where a schema error is (path; whether to point at a key or a value) and what it says. */
export interface DescribedError {
  readonly path: FilePath;
  readonly at: 'key' | 'value';
  readonly message: string;
}

/** Turns one schema error into a located, readable message. */
export function describeSchemaError(error: SchemaError, root: unknown): DescribedError {
  const path = pointerToPath(error.instancePath, root);
  const got = valueAt(root, path);
  const params = error.params;
  switch (error.keyword) {
    case 'required': {
      const missing = (params['requiredProperties'] as string[] | undefined) ?? [];
      return {
        path,
        at: 'value',
        message: `missing required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      };
    }
    case 'additionalProperties': {
      const extra = (params['additionalProperties'] as string[] | undefined) ?? [];
      return {
        path: extra.length === 1 ? [...path, extra[0] ?? ''] : path,
        at: 'key',
        message: `unknown field ${extra.map((e) => `"${e}"`).join(', ')}`,
      };
    }
    case 'boolean':
      // TypeBox repeats each unknown field as "schema is false"; say it once, as above.
      return { path, at: 'key', message: `unknown field "${String(path[path.length - 1])}"` };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[] | undefined) ?? [];
      return {
        path,
        at: 'value',
        message: `${show(got)} is not one of: ${allowed.map(String).join(', ')}`,
      };
    }
    case 'const':
      return {
        path,
        at: 'value',
        message: `must be "${String(params['allowedValue'])}" (got ${show(got)})`,
      };
    case 'type': {
      const hint =
        params['type'] === 'string' && (typeof got === 'number' || typeof got === 'boolean')
          ? ` (YAML read ${String(got)} as a ${typeof got}: put it in quotes)`
          : '';
      return { path, at: 'value', message: `must be ${article(String(params['type']))}${hint}` };
    }
    case 'pattern':
      return { path, at: 'value', message: patternMessage(String(params['pattern']), got) };
    case 'format':
      return {
        path,
        at: 'value',
        message: `${show(got)} is not a valid ${String(params['format']).toUpperCase()}`,
      };
    case 'minItems':
      return { path, at: 'value', message: `needs at least ${String(params['limit'])} item(s)` };
    case 'minLength':
      return { path, at: 'value', message: 'must not be empty' };
    case 'exclusiveMinimum':
      return { path, at: 'value', message: `must be greater than ${String(params['limit'])}` };
    case 'maximum':
      return { path, at: 'value', message: `must be at most ${String(params['limit'])}` };
    default:
      return { path, at: 'value', message: error.message };
  }
}

function patternMessage(pattern: string, got: unknown): string {
  if (pattern === ID_PATTERN) {
    return `${show(got)} is not a valid id: use letters, digits, ".", "-" and "_" (at most 64, starting with a letter or digit)`;
  }
  if (pattern === DATE_PATTERN) {
    return `${show(got)} is not a date (YYYY-MM-DD) or date-time with offset (2015-02-15T00:00:00+02:00)`;
  }
  if (pattern === '^P') return `${show(got)} is not an ISO 8601 duration (e.g. P14D, PT24H, P15Y)`;
  if (pattern === '^[a-z]{2,3}$') return `${show(got)} is not an ISO 639 language code (e.g. en)`;
  if (pattern === '^[0-9a-f]{64}$') return `${show(got)} is not a SHA-256 in lowercase hex`;
  return `${show(got)} does not match ${pattern}`;
}

function pointerToPath(pointer: string, root: unknown): FilePath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(part)) {
      path.push(Number(part));
      node = node[Number(part)];
    } else {
      path.push(part);
      node =
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[part]
          : undefined;
    }
  }
  return path;
}

/** The value at a path, or undefined. */
export function valueAt(root: unknown, path: FilePath): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
