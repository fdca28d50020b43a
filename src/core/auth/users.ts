/**
 * Users and API tokens as the domain sees them, and the rules for their names, passwords and
 * role bindings. Pure: no storage, no hashing, no clock.
 */
import type { ErrorDetail } from '../errors.js';
import { isRole, type Role } from './permissions.js';

/** A person or machine account. `actor` binds a guarantor user to the actor it acts for. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly actor: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** An API token's public side; the secret is shown once at creation and stored only hashed. */
export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly userName: string;
  readonly label: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** Shortest accepted password. Long passphrases beat complexity rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest accepted password, so hashing cannot be used to exhaust the server. */
export const MAX_PASSWORD_LENGTH = 256;

const USER_NAME = /^[a-z][a-z0-9._-]{1,62}$/;
const ACTOR_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Problems with a proposed user name; empty when it is acceptable. */
export function checkUserName(name: string, path = 'name'): ErrorDetail[] {
  return USER_NAME.test(name)
    ? []
    : [
        {
          path,
          message:
            'must be 2-63 characters: a lowercase letter, then lowercase letters, digits, ".", "_" or "-"',
        },
      ];
}

/** Problems with a proposed password; empty when it is acceptable. */
export function checkPassword(password: string, path = 'password'): ErrorDetail[] {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return [{ path, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }];
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return [{ path, message: `must be at most ${MAX_PASSWORD_LENGTH} characters` }];
  }
  return [];
}

/**
 * Problems with a role and actor binding: the role must exist, a guarantor must act for exactly
 * one actor, and only a guarantor is bound to one.
 */
export function checkRoleBinding(
  role: string,
  actor: string | null,
  paths = { role: 'role', actor: 'actor' },
): ErrorDetail[] {
  if (!isRole(role)) {
    return [{ path: paths.role, message: `unknown role "${role}"` }];
  }
  if (role === 'guarantor' && actor === null) {
    return [{ path: paths.actor, message: 'a guarantor user must be bound to an actor' }];
  }
  if (role !== 'guarantor' && actor !== null) {
    return [{ path: paths.actor, message: 'only a guarantor user is bound to an actor' }];
  }
  if (actor !== null && !ACTOR_ID.test(actor)) {
    return [
      {
        path: paths.actor,
        message: 'must be an actor id: letters, digits, ".", "_", ":" or "-", at most 64',
      },
    ];
  }
  return [];
}
