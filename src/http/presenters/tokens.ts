/** API tokens as the API shows them. */
import type { ApiToken } from '../../core/auth/users.js';
import type * as Tokens from '../schemas/tokens.js';
import type { Resolved } from './resolved.js';

/** A token as the API shows it (never its secret). */
export function presentToken(token: ApiToken): Tokens.Token {
  return {
    id: token.id,
    user: token.userName,
    label: token.label,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt,
    lastUsedAt: token.lastUsedAt,
  };
}

/** A token just created, with its secret (shown once). */
export function presentCreatedToken(created: Resolved<'tokens', 'create'>): Tokens.CreatedToken {
  return { token: presentToken(created.token), secret: created.secret };
}
