/** API tokens as the API shows them (never their secrets, except once at creation). */
import { Type, type Static } from 'typebox';
import { Nullable, Timestamp } from './common.js';

export const Token = Type.Object(
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
export type Token = Static<typeof Token>;

export const TokenList = Type.Object({ tokens: Type.Array(Token) });
export type TokenList = Static<typeof TokenList>;

/** A token just created, with its secret (shown once). */
export const CreatedToken = Type.Object({
  token: Token,
  secret: Type.String({ description: 'send as Authorization: Bearer <secret>' }),
});
export type CreatedToken = Static<typeof CreatedToken>;
