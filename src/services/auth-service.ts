/**
 * Sign-in and authentication: password login creating a session, session and API-token checks,
 * logout. Unknown user and wrong password fail identically, in the same time.
 */
import { DomainError } from '../core/errors.js';
import type { Principal } from '../core/auth/principal.js';
import type { User } from '../core/auth/users.js';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findSession,
  insertSession,
  supersedeSession,
} from '../store/session-store.js';
import { findTokenCredential, touchToken } from '../store/token-store.js';
import { findPasswordHash, findUserById, findUserByName } from '../store/user-store.js';
import type { ServiceContext } from './context.js';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './login-limiter.js';
import { randomSecret, sameDigest, sha256Hex, verifyDecoy, verifyPassword } from './secrets.js';
import { parseTokenSecret } from './tokens-service.js';
import type { UsersService } from './users-service.js';

export interface SessionPolicy {
  /** A session ends after this long without use. */
  readonly idleMs: number;
  /** A session ends this long after login, however active. */
  readonly absoluteMs: number;
  /** A session's id is replaced after this long, so a stolen cookie goes stale. */
  readonly rotateMs: number;
  /** How long a replaced id still works, for requests that were already on their way. */
  readonly graceMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 8 * 3_600_000,
  absoluteMs: 7 * 86_400_000,
  rotateMs: 15 * 60_000,
  graceMs: 60_000,
};

/** A session cookie value to set, with when it expires. */
export interface IssuedSession {
  readonly id: string;
  readonly expiresAt: string;
}

/** How finely a token's last use is recorded. */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

export function createAuthService(
  ctx: ServiceContext,
  users: UsersService,
  options: { limits?: LoginLimits; sessions?: SessionPolicy } = {},
) {
  const { db } = ctx.store;
  const policy = options.sessions ?? DEFAULT_SESSION_POLICY;
  const limiter = new LoginLimiter(options.limits ?? DEFAULT_LOGIN_LIMITS, ctx.now);

  async function issueSession(userId: string, absoluteExpiresAt: string): Promise<IssuedSession> {
    const now = ctx.now();
    const id = randomSecret(32);
    const idle = new Date(now.getTime() + policy.idleMs).toISOString();
    const expiresAt = idle < absoluteExpiresAt ? idle : absoluteExpiresAt;
    await insertSession(db, {
      id_sha256: sha256Hex(id),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      absolute_expires_at: absoluteExpiresAt,
      superseded_at: null,
    });
    return { id, expiresAt };
  }

  return {
    policy,

    /**
     * Checks a user name and password from a client address. Returns the user and a new
     * session, or throws INVALID_CREDENTIALS (same for unknown user, wrong password and
     * disabled user) or RATE_LIMITED.
     */
    async login(
      name: string,
      password: string,
      address: string,
    ): Promise<{ user: User; session: IssuedSession }> {
      const attempt = limiter.begin(name, address);
      if ('retryAfterSeconds' in attempt) {
        const wait = attempt.retryAfterSeconds;
        throw new DomainError(
          'RATE_LIMITED',
          `too many failed sign-ins; try again in ${wait} s`,
          [],
          wait,
        );
      }
      const user = await findUserByName(db, name);
      const hash = user === undefined ? undefined : await findPasswordHash(db, user.id);
      const ok =
        hash === undefined ? await verifyDecoy(password) : await verifyPassword(hash, password);
      if (user === undefined || !ok || user.disabledAt !== null) {
        throw new DomainError('INVALID_CREDENTIALS', 'wrong user name or password');
      }
      limiter.succeed(attempt);
      const now = ctx.now();
      await deleteExpiredSessions(
        db,
        now.toISOString(),
        new Date(now.getTime() - policy.graceMs).toISOString(),
      );
      const absolute = new Date(now.getTime() + policy.absoluteMs).toISOString();
      return { user, session: await issueSession(user.id, absolute) };
    },

    /**
     * The principal behind a session cookie value, or undefined when the session is unknown,
     * expired or its user disabled. Extends the idle expiry; replaces the id when it is due for
     * rotation (the caller must then set the `renewed` cookie).
     */
    async authenticateSession(
      sessionId: string,
    ): Promise<{ principal: Principal; expiresAt: string; renewed?: IssuedSession } | undefined> {
      const idHash = sha256Hex(sessionId);
      const row = await findSession(db, idHash);
      const now = ctx.now();
      const nowIso = now.toISOString();
      if (row === undefined) return undefined;
      if (row.expires_at <= nowIso || row.absolute_expires_at <= nowIso) {
        await deleteSession(db, idHash);
        return undefined;
      }
      if (
        row.superseded_at !== null &&
        Date.parse(row.superseded_at) + policy.graceMs <= now.getTime()
      ) {
        await deleteSession(db, idHash);
        return undefined;
      }
      const user = await findUserById(db, row.user_id);
      if (user === undefined || user.disabledAt !== null) return undefined;
      const principal: Principal = { kind: 'user', user, via: 'session' };
      // A replaced id, within its grace period: serve the request, change nothing.
      if (row.superseded_at !== null) return { principal, expiresAt: row.expires_at };
      if (now.getTime() - Date.parse(row.created_at) >= policy.rotateMs) {
        await supersedeSession(db, idHash, nowIso);
        const renewed = await issueSession(user.id, row.absolute_expires_at);
        return { principal, expiresAt: renewed.expiresAt, renewed };
      }
      const idle = new Date(now.getTime() + policy.idleMs).toISOString();
      const expiresAt = idle < row.absolute_expires_at ? idle : row.absolute_expires_at;
      await extendSession(db, idHash, expiresAt);
      return { principal, expiresAt };
    },

    /** The principal behind a bearer token, or undefined when it is unknown, revoked or expired. */
    async authenticateToken(presented: string): Promise<Principal | undefined> {
      const parsed = parseTokenSecret(presented);
      if (parsed === undefined) return undefined;
      const found = await findTokenCredential(db, parsed.tokenId);
      if (found === undefined || !sameDigest(found.secretSha256, sha256Hex(presented)))
        return undefined;
      const nowIso = ctx.now().toISOString();
      const { token } = found;
      if (token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= nowIso))
        return undefined;
      const { user } = found;
      if (user.disabledAt !== null) return undefined;
      // Last use is kept to the minute: writing it on every request would make each request
      // a write of its own (and an fsync), and serialise a machine's requests behind them.
      const last = token.lastUsedAt === null ? 0 : Date.parse(token.lastUsedAt);
      if (Date.parse(nowIso) - last >= TOKEN_USE_RESOLUTION_MS)
        await touchToken(db, token.id, nowIso);
      return { kind: 'user', user, via: 'token', tokenId: token.id };
    },

    /**
     * A signed-in user changes their password, proving the current one. Counted by the same
     * limiter as sign-in, so it cannot be used to guess passwords.
     */
    async changeOwnPassword(principal: Principal, current: string, next: string, address: string) {
      if (principal.kind !== 'user' || principal.via !== 'session') {
        throw new DomainError(
          'FORBIDDEN',
          'changing a password needs a signed-in session, not an API token',
        );
      }
      const attempt = limiter.begin(principal.user.name, address);
      if ('retryAfterSeconds' in attempt) {
        const wait = attempt.retryAfterSeconds;
        throw new DomainError(
          'RATE_LIMITED',
          `too many wrong passwords; try again in ${wait} s`,
          [],
          wait,
        );
      }
      await users.changeOwnPassword(principal.user, current, next, principal);
      limiter.succeed(attempt);
    },

    /** Ends the session with this cookie value (no error when it does not exist). */
    async logout(sessionId: string): Promise<void> {
      await deleteSession(db, sha256Hex(sessionId));
    },
  };
}
