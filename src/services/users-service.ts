/** Adding users, changing roles, disabling, enabling and setting passwords. */
import { DomainError, type ErrorDetail } from '../core/errors.js';
import { stampEvents, type EventBody } from '../core/events.js';
import { principalId, type Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/permissions.js';
import { checkPassword, checkRoleBinding, checkUserName, type User } from '../core/auth/users.js';
import { record } from '../store/record.js';
import { inTransaction, type Tx } from '../store/transactions.js';
import { deleteUserSessions } from '../store/session-store.js';
import {
  countEnabledAdmins,
  countUsers,
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

/** A change to a user; omitted fields stay as they are. */
export interface UserChange {
  readonly role?: string | undefined;
  readonly actor?: string | null | undefined;
  readonly disabled?: boolean | undefined;
}

/** A user added, with the password generated for it (when none was given). */
export interface AddedUser {
  readonly user: User;
  readonly generatedPassword?: string;
}

export type UsersService = ReturnType<typeof createUsersService>;

/** User administration. Every change is recorded with the acting principal. */
export function createUsersService(ctx: ServiceContext) {
  const { db } = ctx.store;

  /** Runs `work` in one write transaction and records the events it returns. */
  async function write(by: Principal, work: (tx: Tx, at: string) => Promise<EventBody[]>) {
    const at = ctx.now().toISOString();
    await inTransaction(db, async (tx) => {
      const bodies = await work(tx, at);
      if (bodies.length > 0) {
        await record(tx, stampEvents(bodies, { at, by: principalId(by), newId: ctx.newId }));
      }
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

  /** Validates new users and hashes their passwords (before any transaction: hashing is slow). */
  async function prepare(inputs: readonly NewUser[]) {
    return Promise.all(
      inputs.map(async (input) => {
        const actor = input.actor ?? null;
        const generated = input.password === undefined ? generatePassword() : undefined;
        const password = input.password ?? generated ?? '';
        const problems: ErrorDetail[] = [
          ...checkUserName(input.name),
          ...checkRoleBinding(input.role, actor),
          ...checkPassword(password),
        ];
        if (problems.length > 0) throw invalidUser(problems);
        return {
          userId: ctx.newId(),
          name: input.name,
          role: input.role as Role,
          actor,
          hash: await hashPassword(password),
          generated,
        };
      }),
    );
  }

  return {
    /** Every user, by name (sorted here, so the order is the same on every database). */
    list: async (): Promise<User[]> =>
      (await listUsers(db)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),

    find: (name: string): Promise<User | undefined> => findUserByName(db, name),

    /**
     * Adds users in one transaction, recording `alsoRecord` with them; all land or none. With
     * `onlyIfEmpty`, does nothing (and returns undefined) when any user exists.
     */
    async addAll(
      inputs: readonly NewUser[],
      by: Principal,
      options: { alsoRecord?: EventBody[]; onlyIfEmpty?: boolean } = {},
    ): Promise<AddedUser[] | undefined> {
      const prepared = await prepare(inputs);
      let skipped = false;
      await write(by, async (tx, at) => {
        if (options.onlyIfEmpty && (await countUsers(tx)) > 0) {
          skipped = true;
          return [];
        }
        const bodies: EventBody[] = [];
        for (const user of prepared) {
          if ((await findUserByName(tx, user.name)) !== undefined) {
            throw new DomainError('NAME_TAKEN', `a user named "${user.name}" already exists`, [
              { path: 'name', message: 'already taken' },
            ]);
          }
          const { userId, name, role, actor } = user;
          bodies.push(
            { type: 'user.added', payload: { userId, name, role, actor } },
            { type: 'user.password_set', payload: { userId } },
          );
        }
        // The password rows reference the users rows, which record() writes: record first.
        await record(tx, stampEvents(bodies, { at, by: principalId(by), newId: ctx.newId }));
        for (const user of prepared) await savePasswordHash(tx, user.userId, user.hash, at);
        return options.alsoRecord ?? [];
      });
      if (skipped) return undefined;
      return Promise.all(
        prepared.map(async (p) => {
          const user = await findUserByName(db, p.name);
          if (user === undefined) throw new Error(`user ${p.name} vanished after insert`);
          return p.generated === undefined ? { user } : { user, generatedPassword: p.generated };
        }),
      );
    },

    /** Adds a user; returns the generated password when none was given. */
    async add(input: NewUser, by: Principal): Promise<AddedUser> {
      const [added] = (await this.addAll([input], by)) ?? [];
      if (added === undefined) throw new Error('adding a user returned nothing');
      return added;
    },

    /**
     * Changes role, actor binding and enabled state in one transaction. Refuses a change that
     * would leave no enabled admin. Records only what actually changes.
     */
    async update(name: string, change: UserChange, by: Principal): Promise<User> {
      await write(by, async (tx) => {
        const user = await requireUser(tx, name);
        const role = change.role ?? user.role;
        const actor = change.actor === undefined ? user.actor : change.actor;
        const disabled = change.disabled ?? user.disabledAt !== null;
        const problems = checkRoleBinding(role, actor);
        if (problems.length > 0) throw invalidUser(problems);
        const staysAdmin = role === 'admin' && !disabled;
        if (user.role === 'admin' && user.disabledAt === null && !staysAdmin) {
          if ((await countEnabledAdmins(tx, user.id)) === 0) {
            throw new DomainError(
              'LAST_ADMIN',
              `cannot change "${user.name}": it is the last enabled admin`,
            );
          }
        }
        const bodies: EventBody[] = [];
        if (role !== user.role || actor !== user.actor) {
          bodies.push({
            type: 'user.role_set',
            payload: { userId: user.id, role: role as Role, actor },
          });
        }
        if (disabled && user.disabledAt === null) {
          await deleteUserSessions(tx, user.id);
          bodies.push({ type: 'user.disabled', payload: { userId: user.id } });
        }
        if (!disabled && user.disabledAt !== null)
          bodies.push({ type: 'user.enabled', payload: { userId: user.id } });
        return bodies;
      });
      return (await findUserByName(db, name)) as User;
    },

    /** Changes a user's role (and actor binding). */
    setRole(name: string, role: string, actor: string | null, by: Principal): Promise<User> {
      return this.update(name, { role, actor }, by);
    },

    /** Disables a user: sessions end at once and its tokens stop working. */
    disable(name: string, by: Principal): Promise<User> {
      return this.update(name, { disabled: true }, by);
    },

    /** Enables a disabled user. */
    enable(name: string, by: Principal): Promise<User> {
      return this.update(name, { disabled: false }, by);
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
