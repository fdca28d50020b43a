/** Reads of users and writes of their password hashes (secrets kept outside the record). */
import type { Role } from '../core/auth/permissions.js';
import type { User } from '../core/auth/users.js';
import type { Db, Tx } from './transactions.js';
import type { UserRow } from './schema.js';

/** The user with this name, or undefined. */
export async function findUserByName(db: Db, name: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  return row && toUser(row);
}

/** The user with this id, or undefined. */
export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Every user, by name. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(toUser);
}

/** How many users exist. */
export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many enabled admins exist, optionally not counting one user. */
export async function countEnabledAdmins(db: Db, exceptUserId?: string): Promise<number> {
  let query = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null);
  if (exceptUserId !== undefined) query = query.where('id', '!=', exceptUserId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The stored argon2id hash of a user's password, or undefined. */
export async function findPasswordHash(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('user_passwords')
    .select('hash')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.hash;
}

/** Stores (or replaces) a user's password hash. */
export async function savePasswordHash(tx: Tx, userId: string, hash: string, at: string) {
  await tx
    .insertInto('user_passwords')
    .values({ user_id: userId, hash, set_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ hash, set_at: at }))
    .execute();
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    actor: row.actor,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}
