/**
 * Request validation. Bodies are validated strictly: no type coercion, unknown fields rejected
 * (never silently dropped). Query strings and path parameters are coerced from text.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../core/errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function buildAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const strict = buildAjv(false);
const coercing = buildAjv(true);

/** Fastify's validator compiler: strict for bodies, coercing for query, params and headers. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  return ajv.compile(schema as object);
};

/** Turns validation errors into `{ path, message }` details, the path rooted at the part. */
export function describeValidationErrors(
  part: string,
  errors: readonly Partial<ErrorObject>[],
): ErrorDetail[] {
  return errors.map((error) => {
    const base = `${part}${error.instancePath ?? ''}`;
    const params = (error.params ?? {}) as Record<string, unknown>;
    if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') {
      return { path: `${base}/${params['missingProperty']}`, message: 'is required' };
    }
    if (
      error.keyword === 'additionalProperties' &&
      typeof params['additionalProperty'] === 'string'
    ) {
      return {
        path: `${base}/${params['additionalProperty']}`,
        message: 'is not an allowed field',
      };
    }
    return { path: base, message: error.message ?? 'is invalid' };
  });
}
