/** Who is acting: a signed-in user (by session or API token), or the operator at the CLI. */
import type { Role, Verb } from './permissions.js';
import { roleCan } from './permissions.js';
import type { User } from './users.js';

export type Principal =
  | {
      readonly kind: 'user';
      readonly user: User;
      readonly via: 'session' | 'token';
      readonly tokenId?: string;
    }
  | { readonly kind: 'system'; readonly what: string };

/** The operator running a CLI command on the server's own database. */
export function systemPrincipal(what: string): Principal {
  return { kind: 'system', what };
}

/** The `by` of events this principal causes: `user:<id>`, `token:<id>` or `system:<what>`. */
export function principalId(principal: Principal): string {
  if (principal.kind === 'system') return `system:${principal.what}`;
  return principal.via === 'token' && principal.tokenId !== undefined
    ? `token:${principal.tokenId}`
    : `user:${principal.user.id}`;
}

/** True when the principal may perform the verb. The CLI operator may do everything. */
export function principalCan(principal: Principal, verb: Verb): boolean {
  return principal.kind === 'system' || roleCan(principal.user.role, verb);
}

/** The principal's role, or undefined for the system. */
export function principalRole(principal: Principal): Role | undefined {
  return principal.kind === 'user' ? principal.user.role : undefined;
}
