/** Domain values as the API shows them. */
import type { ApiToken, User } from '../core/auth/users.js';

/** A user as the API shows it. */
export function presentUser(user: User) {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    actor: user.actor,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
  };
}

/** A token as the API shows it (never its secret). */
export function presentToken(token: ApiToken) {
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
