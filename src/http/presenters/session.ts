/** The session as the API shows it. */
import { ROLE_VERBS } from '../../core/auth/permissions.js';
import type { User } from '../../core/auth/users.js';
import type * as Session from '../schemas/session.js';
import { presentUser } from './users.js';

/** The signed-in user with the verbs of their role; `expiresAt` is null for API tokens. */
export function presentSession(user: User, expiresAt: string | null): Session.Session {
  return { user: presentUser(user), expiresAt, verbs: [...ROLE_VERBS[user.role]] };
}
