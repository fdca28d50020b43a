/**
 * The projection of user, token and instance events (`users`, `api_tokens`,
 * `instance_settings`).
 */
import type { Db } from '../transactions.js';
import type { EventOf } from './projector.js';

/** A new user, enabled. */
export async function addUser(tx: Db, event: EventOf<'user.added'>): Promise<void> {
  const { userId, name, role, actor } = event.payload;
  await tx
    .insertInto('users')
    .values({ id: userId, name, role, actor, created_at: event.at, disabled_at: null })
    .execute();
}

/** A user's new role (and the actor it is bound to). */
export async function setUserRole(tx: Db, event: EventOf<'user.role_set'>): Promise<void> {
  const { userId, role, actor } = event.payload;
  await tx.updateTable('users').set({ role, actor }).where('id', '=', userId).execute();
}

/** A user disabled from now on. */
export async function disableUser(tx: Db, event: EventOf<'user.disabled'>): Promise<void> {
  await tx
    .updateTable('users')
    .set({ disabled_at: event.at })
    .where('id', '=', event.payload.userId)
    .execute();
}

/** A user enabled again. */
export async function enableUser(tx: Db, event: EventOf<'user.enabled'>): Promise<void> {
  await tx
    .updateTable('users')
    .set({ disabled_at: null })
    .where('id', '=', event.payload.userId)
    .execute();
}

/** A new API token, neither expired nor revoked. */
export async function createToken(tx: Db, event: EventOf<'token.created'>): Promise<void> {
  const { tokenId, userId, label, expiresAt } = event.payload;
  await tx
    .insertInto('api_tokens')
    .values({
      id: tokenId,
      user_id: userId,
      label,
      created_at: event.at,
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** An API token revoked from now on. */
export async function revokeToken(tx: Db, event: EventOf<'token.revoked'>): Promise<void> {
  await tx
    .updateTable('api_tokens')
    .set({ revoked_at: event.at })
    .where('id', '=', event.payload.tokenId)
    .execute();
}

/** The instance holds the demo data (the demo flag). */
export async function markDemoLoaded(tx: Db): Promise<void> {
  await tx
    .insertInto('instance_settings')
    .values({ key: 'demo', value: 'true' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: 'true' }))
    .execute();
}
