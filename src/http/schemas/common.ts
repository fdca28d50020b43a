/**
 * TypeBox helpers and schemas every area of the API shares; OpenAPI is generated from the
 * schemas under schemas/. Each schema exports its Static type under the same name. Schema
 * modules import only typebox, other schema modules and pure core vocabulary (no node:, no
 * fastify), so the web app can import their types.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { ERROR_CODES, type ErrorCode } from '../../core/errors.js';

/** The schema, or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** An ISO 8601 instant. */
export const Timestamp = Type.String({ format: 'date-time' });
/** One of a closed word list, typed as its union. */
export const Enum = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
/** Non-empty text up to a length. */
export const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
/** An object the API does not describe field by field. */
export const Loose = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
});
/** `{id}` in a path. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export type IdParams = Static<typeof IdParams>;
/** `?limit=` of a list: 1 to 1000, 100 when absent. */
export const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 }));
/** A query string with only a limit. */
export const LimitQuery = Type.Object({ limit: Limit });
export type LimitQuery = Static<typeof LimitQuery>;
/** Where a problem was found and what is wrong there. */
export const Problem = Type.Object({ path: Type.String(), message: Type.String() });
export type Problem = Static<typeof Problem>;

/** The one error format (`Error` in OpenAPI; not named so here, Error being the global). */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.Unsafe<ErrorCode>(Type.String({ enum: Object.keys(ERROR_CODES) })),
      message: Type.String(),
      details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
    }),
  },
  { $id: 'Error' },
);
