/** Users and roles as the API shows them. */
import { ROLE_DESCRIPTIONS, ROLE_VERBS, ROLES } from '../../core/auth/permissions.js';
import type { User } from '../../core/auth/users.js';
import type * as Users from '../schemas/users.js';
import type { Resolved } from './resolved.js';

/** A user as the API shows it. */
export function presentUser(user: User): Users.User {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    actor: user.actor,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
  };
}

/** Every role with its description and verbs. */
export function presentRoles(): Users.RoleList {
  return {
    roles: ROLES.map((role) => ({
      role,
      description: ROLE_DESCRIPTIONS[role],
      verbs: [...ROLE_VERBS[role]],
    })),
  };
}

/** A user just added, with the generated password when none was given (shown once). */
export function presentAddedUser(added: Resolved<'users', 'add'>): Users.AddedUser {
  const body = { user: presentUser(added.user) };
  return added.generatedPassword === undefined
    ? body
    : { ...body, password: added.generatedPassword };
}
