/** TypeBox schemas shared by routes; OpenAPI is generated from these. */
import { Type, type TSchema } from 'typebox';
import { ROLES, type Role } from '../core/auth/permissions.js';
import { ERROR_CODES, type ErrorCode } from '../core/errors.js';
import { STATUS_BY_CODE } from './error-handler.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });

export const RoleSchema = Type.Unsafe<Role>(Type.String({ enum: [...ROLES] }));

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    actor: Nullable(Type.String()),
    createdAt: Timestamp,
    disabledAt: Nullable(Timestamp),
  },
  { $id: 'User', additionalProperties: false },
);

export const TokenSchema = Type.Object(
  {
    id: Type.String(),
    user: Type.String({ description: 'name of the user the token acts as' }),
    label: Type.String(),
    createdAt: Timestamp,
    expiresAt: Nullable(Timestamp),
    revokedAt: Nullable(Timestamp),
    lastUsedAt: Nullable(Timestamp),
  },
  { $id: 'Token', additionalProperties: false },
);

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

/** Response entries for the error codes a route can answer with. */
export function errorResponses(...codes: ErrorCode[]): Record<number, typeof ErrorSchema> {
  const responses: Record<number, typeof ErrorSchema> = {};
  for (const code of codes) responses[STATUS_BY_CODE[code]] = ErrorSchema;
  return responses;
}

/** The errors any authenticated route can answer with. */
export const AUTHENTICATED_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN'] as const satisfies ErrorCode[];
