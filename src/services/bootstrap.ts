/**
 * What happens on an empty database: either the first admin with a random password, or (demo)
 * one user per role with the published demo passwords and the demo flag set.
 */
import { ROLES, type Role } from '../core/auth/permissions.js';
import { systemPrincipal } from '../core/auth/principal.js';
import { stampEvents } from '../core/events.js';
import { inTransaction, record } from '../store/record.js';
import { countUsers } from '../store/user-store.js';
import type { ServiceContext } from './context.js';
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
  ctx: ServiceContext,
  users: UsersService,
  options: { demo: boolean },
): Promise<BootstrapResult> {
  if ((await countUsers(ctx.store.db)) > 0) return { kind: 'existing' };
  const by = systemPrincipal(options.demo ? 'demo' : 'bootstrap');
  if (!options.demo) {
    const { user, generatedPassword } = await users.add({ name: 'admin', role: 'admin' }, by);
    return { kind: 'first-admin', name: user.name, password: generatedPassword ?? '' };
  }
  for (const demo of DEMO_USERS) {
    await users.add(demo, by);
  }
  await inTransaction(ctx.store.db, (tx) =>
    record(
      tx,
      stampEvents(
        [{ type: 'instance.demo_loaded', payload: { users: DEMO_USERS.map((u) => u.name) } }],
        {
          at: ctx.now().toISOString(),
          by: 'system:demo',
          newId: ctx.newId,
        },
      ),
    ),
  );
  return { kind: 'demo', users: DEMO_USERS };
}
