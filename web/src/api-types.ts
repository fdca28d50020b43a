/** Shapes of the JSON the Truce server sends and accepts under /api/v1. */

/** Public facts about the running instance. */
export interface Instance {
  readonly name: string;
  readonly version: string;
  readonly demo: boolean;
}

/** A person or machine account. `actor` binds a guarantor user to the actor it acts for. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly actor: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** The signed-in user, when the session ends, and the permission verbs it holds. */
export interface Session {
  readonly user: User;
  readonly expiresAt: string;
  readonly verbs: readonly string[];
}

/** A role with what it is for and the verbs it grants. */
export interface RoleInfo {
  readonly role: string;
  readonly description: string;
  readonly verbs: readonly string[];
}

/** An API token's public side; the secret is only ever returned at creation. */
export interface Token {
  readonly id: string;
  readonly user: string;
  readonly label: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** Where the server found a problem in a request, and what it is. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

/** Fields of a new user; omit `password` to have one generated. */
export interface NewUser {
  readonly name: string;
  readonly role: string;
  readonly actor?: string | null;
  readonly password?: string;
}

/** Changes to a user; any subset. */
export interface UserChange {
  readonly role?: string;
  readonly actor?: string | null;
  readonly disabled?: boolean;
}

/** The guarantor role, the only one bound to an actor. */
export const GUARANTOR_ROLE = 'guarantor';

/** The verb that opens user administration. */
export const USER_MANAGE_VERB = 'user.manage';
