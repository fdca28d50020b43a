/** Adding users, changing roles, disabling, enabling and setting passwords. */
import { DomainError, type ErrorDetail } from '../core/errors.js';
import { stampEvents, type EventBody } from '../core/events.js';
import { principalId, type Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/permissions.js';
import { checkPassword, checkRoleBinding, checkUserName, type User } from '../core/auth/users.js';
import { inTransaction, record, type Tx } from '../store/record.js';
import { deleteUserSessions } from '../store/session-store.js';
import {
  countEnabledAdmins,
  findPasswordHash,
  findUserByName,
  listUsers,
  savePasswordHash,
} from '../store/user-store.js';
import type { ServiceContext } from './context.js';
import { generatePassword, hashPassword, verifyPassword } from './secrets.js';

export interface NewUser {
  readonly name: string;
  readonly role: string;
  readonly actor?: string | null | undefined;
  /** Omit to have a password generated and returned once. */
  readonly password?: string | undefined;
}

export type UsersService = ReturnType<typeof createUsersService>;

/** User administration. Every change is recorded with the acting principal. */
export function createUsersService(ctx: ServiceContext) {
  const { db } = ctx.store;

  async function write(by: Principal, work: (tx: Tx, at: string) => Promise<EventBody[]>) {
    const at = ctx.now().toISOString();
    await inTransaction(db, async (tx) => {
      const bodies = await work(tx, at);
      await record(tx, stampEvents(bodies, { at, by: principalId(by), newId: ctx.newId }));
    });
  }

  async function requireUser(tx: Tx, name: string): Promise<User> {
    const user = await findUserByName(tx, name);
    if (user === undefined) {
      throw new DomainError('NOT_FOUND', `no user named "${name}"`, [
        { path: 'name', message: 'no such user' },
      ]);
    }
    return user;
  }

  /** Refuses a change that would leave no enabled admin. */
  async function keepAnAdmin(tx: Tx, user: User, action: string) {
    if (
      user.role === 'admin' &&
      user.disabledAt === null &&
      (await countEnabledAdmins(tx, user.id)) === 0
    ) {
      throw new DomainError(
        'CONFLICT',
        `cannot ${action} "${user.name}": it is the last enabled admin`,
      );
    }
  }

  return {
    list: (): Promise<User[]> => listUsers(db),

    find: (name: string): Promise<User | undefined> => findUserByName(db, name),

    /** Adds a user; returns the generated password when none was given. */
    async add(input: NewUser, by: Principal): Promise<{ user: User; generatedPassword?: string }> {
      const actor = input.actor ?? null;
      const generated = input.password === undefined ? generatePassword() : undefined;
      const password = input.password ?? generated ?? '';
      const problems: ErrorDetail[] = [
        ...checkUserName(input.name),
        ...checkRoleBinding(input.role, actor),
        ...checkPassword(password),
      ];
      if (problems.length > 0) throw invalidUser(problems);
      const passwordHash = await hashPassword(password);
      const userId = ctx.newId();
      const at = ctx.now().toISOString();
      await inTransaction(db, async (tx) => {
        if ((await findUserByName(tx, input.name)) !== undefined) {
          throw new DomainError('CONFLICT', `a user named "${input.name}" already exists`, [
            { path: 'name', message: 'already taken' },
          ]);
        }
        const bodies: EventBody[] = [
          {
            type: 'user.added',
            payload: { userId, name: input.name, role: input.role as Role, actor },
          },
          { type: 'user.password_set', payload: { userId } },
        ];
        await record(tx, stampEvents(bodies, { at, by: principalId(by), newId: ctx.newId }));
        await savePasswordHash(tx, userId, passwordHash, at);
      });
      const user = await findUserByName(db, input.name);
      if (user === undefined) throw new Error(`user ${input.name} vanished after insert`);
      return generated === undefined ? { user } : { user, generatedPassword: generated };
    },

    /** Changes a user's role (and actor binding). */
    async setRole(name: string, role: string, actor: string | null, by: Principal): Promise<User> {
      const problems = checkRoleBinding(role, actor);
      if (problems.length > 0) throw invalidUser(problems);
      await write(by, async (tx) => {
        const user = await requireUser(tx, name);
        if (role !== 'admin') await keepAnAdmin(tx, user, 'change the role of');
        return [{ type: 'user.role_set', payload: { userId: user.id, role: role as Role, actor } }];
      });
      return (await findUserByName(db, name)) as User;
    },

    /** Disables a user: sessions end at once and its tokens stop working. */
    async disable(name: string, by: Principal): Promise<User> {
      await write(by, async (tx) => {
        const user = await requireUser(tx, name);
        if (user.disabledAt !== null) return [];
        await keepAnAdmin(tx, user, 'disable');
        await deleteUserSessions(tx, user.id);
        return [{ type: 'user.disabled', payload: { userId: user.id } }];
      });
      return (await findUserByName(db, name)) as User;
    },

    /** Enables a disabled user. */
    async enable(name: string, by: Principal): Promise<User> {
      await write(by, async (tx) => {
        const user = await requireUser(tx, name);
        return user.disabledAt === null
          ? []
          : [{ type: 'user.enabled', payload: { userId: user.id } }];
      });
      return (await findUserByName(db, name)) as User;
    },

    /** Sets a new password (generated when omitted) and ends the user's sessions. */
    async setPassword(name: string, password: string | undefined, by: Principal) {
      const generated = password === undefined ? generatePassword() : undefined;
      const chosen = password ?? generated ?? '';
      const problems = checkPassword(chosen);
      if (problems.length > 0) throw invalidUser(problems);
      const passwordHash = await hashPassword(chosen);
      await write(by, async (tx, at) => {
        const user = await requireUser(tx, name);
        await savePasswordHash(tx, user.id, passwordHash, at);
        await deleteUserSessions(tx, user.id);
        return [{ type: 'user.password_set', payload: { userId: user.id } }];
      });
      return generated === undefined ? {} : { generatedPassword: generated };
    },

    /** A user changes their own password, proving the current one. Other sessions end. */
    async changeOwnPassword(user: User, current: string, next: string, by: Principal) {
      const problems = checkPassword(next, 'newPassword');
      if (problems.length > 0) throw invalidUser(problems);
      const stored = await findPasswordHash(db, user.id);
      if (stored === undefined || !(await verifyPassword(stored, current))) {
        throw new DomainError('VALIDATION_FAILED', 'the current password is wrong', [
          { path: 'currentPassword', message: 'does not match' },
        ]);
      }
      const passwordHash = await hashPassword(next);
      await write(by, async (tx, at) => {
        await savePasswordHash(tx, user.id, passwordHash, at);
        await deleteUserSessions(tx, user.id);
        return [{ type: 'user.password_set', payload: { userId: user.id } }];
      });
    },
  };
}

function invalidUser(problems: ErrorDetail[]): DomainError {
  const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return new DomainError('VALIDATION_FAILED', summary, problems);
}
