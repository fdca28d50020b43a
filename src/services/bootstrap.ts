/**
 * What happens on an empty database: either the first admin with a random password, or (demo)
 * one user per role with the published demo passwords and the demo flag set.
 */
import { ROLES, type Role } from '../core/auth/permissions.js';
import { systemPrincipal } from '../core/auth/principal.js';
import type { UsersService } from './users-service.js';

/** A demo user's published credentials. */
export interface DemoCredential {
  readonly name: string;
  readonly role: Role;
  readonly actor: string | null;
  readonly password: string;
}

/** The actor the demo guarantor acts for (ISO 3166 alpha-3 code of the United Kingdom). */
export const DEMO_GUARANTOR_ACTOR = 'GBR';

/** The demo users, one per role; their passwords are public (README, console, UI banner). */
export const DEMO_USERS: readonly DemoCredential[] = ROLES.map((role) => ({
  name: role,
  role,
  actor: role === 'guarantor' ? DEMO_GUARANTOR_ACTOR : null,
  password: `demo-${role}-pass`,
}));

/** What bootstrapping did, for the console. */
export type BootstrapResult =
  | { kind: 'existing' }
  | { kind: 'first-admin'; name: string; password: string }
  | { kind: 'demo'; users: readonly DemoCredential[] };

/**
 * On an empty database, creates the first admin (random password, returned once) or, with
 * `demo`, the demo users. Does nothing when any user exists.
 */
export async function bootstrapInstance(
  users: UsersService,
  options: { demo: boolean },
): Promise<BootstrapResult> {
  const by = systemPrincipal(options.demo ? 'demo' : 'bootstrap');
  // One transaction that first checks the database is still empty: an interrupted or
  // concurrent start never leaves half the demo users, or a second admin.
  if (!options.demo) {
    const added = await users.addAll([{ name: 'admin', role: 'admin' }], by, { onlyIfEmpty: true });
    const admin = added?.[0];
    if (admin === undefined) return { kind: 'existing' };
    return { kind: 'first-admin', name: admin.user.name, password: admin.generatedPassword ?? '' };
  }
  const added = await users.addAll(DEMO_USERS, by, {
    onlyIfEmpty: true,
    alsoRecord: [
      { type: 'instance.demo_loaded', payload: { users: DEMO_USERS.map((u) => u.name) } },
    ],
  });
  return added === undefined ? { kind: 'existing' } : { kind: 'demo', users: DEMO_USERS };
}
