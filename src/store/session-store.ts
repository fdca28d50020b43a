/** Login sessions: operational state keyed by the SHA-256 of the cookie value, never recorded. */
import type { Db } from './transactions.js';
import type { SessionRow } from './schema.js';

export type { SessionRow };

/** Stores a new session. */
export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session with this id hash, or undefined. */
export async function findSession(db: Db, idSha256: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id_sha256', '=', idSha256).executeTakeFirst();
}

/** Extends a session's idle expiry. */
export async function extendSession(db: Db, idSha256: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ expires_at: expiresAt })
    .where('id_sha256', '=', idSha256)
    .execute();
}

/** Ends one session. */
export async function deleteSession(db: Db, idSha256: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_sha256', '=', idSha256).execute();
}

/** Ends every session of a user (on disable or password change). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Marks a session's id as replaced at `at`; it stays valid for a short grace period. */
export async function supersedeSession(db: Db, idSha256: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ superseded_at: at })
    .where('id_sha256', '=', idSha256)
    .execute();
}

/** Removes sessions that expired before `now`, and ids superseded before `supersededBefore`. */
export async function deleteExpiredSessions(
  db: Db,
  now: string,
  supersededBefore: string,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('superseded_at', '<', supersededBefore)]))
    .execute();
}
