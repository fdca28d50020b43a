/** API tokens for machines: created with a secret shown once, stored hashed, revocable. */
import { DomainError } from '../core/errors.js';
import { stampEvents } from '../core/events.js';
import { principalCan, principalId, type Principal } from '../core/auth/principal.js';
import type { ApiToken, User } from '../core/auth/users.js';
import { record } from '../store/record.js';
import { inTransaction } from '../store/transactions.js';
import { findTokenCredential, listTokens, saveTokenSecret } from '../store/token-store.js';
import { findUserByName } from '../store/user-store.js';
import type { ServiceContext } from './context.js';
import { randomSecret, sha256Hex } from './secrets.js';

/** Every token starts with this, so secret scanners can recognise a leaked one. */
export const TOKEN_PREFIX = 'truce_';
/** Longest lifetime a token can be given. */
export const MAX_TOKEN_DAYS = 3650;

export function createTokensService(ctx: ServiceContext) {
  const { db } = ctx.store;

  return {
    /** Tokens of one user (by name), or of everyone. */
    async list(userName?: string): Promise<ApiToken[]> {
      if (userName === undefined) return listTokens(db);
      const user = await findUserByName(db, userName);
      if (user === undefined) throw noSuchUser(userName);
      return listTokens(db, user.id);
    },

    /** Tokens of a user. */
    listFor: (user: User): Promise<ApiToken[]> => listTokens(db, user.id),

    /**
     * Creates a token for the named user. Returns the token and its secret; the secret is not
     * stored and cannot be shown again.
     */
    async create(
      input: { userName: string; label: string; expiresInDays?: number | undefined },
      by: Principal,
    ): Promise<{ token: ApiToken; secret: string }> {
      if (by.kind === 'user' && by.via === 'token') {
        // A leaked token must not be able to mint tokens that outlive its revocation.
        throw new DomainError(
          'FORBIDDEN',
          'creating an API token needs a signed-in session, not a token',
        );
      }
      const label = input.label.trim();
      if (label.length === 0 || label.length > 100) {
        throw new DomainError('VALIDATION_FAILED', 'label must be 1-100 characters', [
          { path: 'label', message: 'must be 1-100 characters' },
        ]);
      }
      const days = input.expiresInDays;
      if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `expiresInDays must be a whole number from 1 to ${MAX_TOKEN_DAYS}`,
          [
            {
              path: 'expiresInDays',
              message: `must be a whole number from 1 to ${MAX_TOKEN_DAYS}`,
            },
          ],
        );
      }
      const user = await findUserByName(db, input.userName);
      if (user === undefined) throw noSuchUser(input.userName);
      if (user.disabledAt !== null) {
        throw new DomainError('CONFLICT', `user "${user.name}" is disabled`);
      }
      const now = ctx.now();
      const at = now.toISOString();
      const expiresAt =
        days === undefined ? null : new Date(now.getTime() + days * 86_400_000).toISOString();
      const tokenId = newTokenId();
      const secret = `${TOKEN_PREFIX}${tokenId}_${randomSecret(32)}`;
      await inTransaction(db, async (tx) => {
        const events = stampEvents(
          [{ type: 'token.created', payload: { tokenId, userId: user.id, label, expiresAt } }],
          { at, by: principalId(by), newId: ctx.newId },
        );
        await record(tx, events);
        await saveTokenSecret(tx, tokenId, sha256Hex(secret));
      });
      const created = await findTokenCredential(db, tokenId);
      if (created === undefined) throw new Error(`token ${tokenId} vanished after insert`);
      return { token: created.token, secret };
    },

    /** Revokes a token. Users may revoke their own; `user.manage` may revoke any. */
    async revoke(tokenId: string, by: Principal): Promise<ApiToken> {
      const found = await findTokenCredential(db, tokenId);
      const mayRevoke =
        found !== undefined &&
        (principalCan(by, 'user.manage') ||
          (by.kind === 'user' && by.user.id === found.token.userId));
      // A token someone may not touch looks the same as one that does not exist.
      if (found === undefined || !mayRevoke) {
        throw new DomainError('NOT_FOUND', `no token with id "${tokenId}"`, [
          { path: 'id', message: 'no such token' },
        ]);
      }
      if (found.token.revokedAt === null) {
        await inTransaction(db, async (tx) => {
          const events = stampEvents([{ type: 'token.revoked', payload: { tokenId } }], {
            at: ctx.now().toISOString(),
            by: principalId(by),
            newId: ctx.newId,
          });
          await record(tx, events);
        });
      }
      const after = await findTokenCredential(db, tokenId);
      if (after === undefined) throw new Error(`token ${tokenId} vanished after revoke`);
      return after.token;
    },
  };
}

/** Splits a presented token into id and full secret, or undefined when it is not one of ours. */
export function parseTokenSecret(presented: string): { tokenId: string } | undefined {
  const match = /^truce_([A-Za-z0-9_-]{12})_[A-Za-z0-9_-]{43}$/.exec(presented);
  return match?.[1] === undefined ? undefined : { tokenId: match[1] };
}

function noSuchUser(name: string): DomainError {
  return new DomainError('NOT_FOUND', `no user named "${name}"`, [
    { path: 'user', message: 'no such user' },
  ]);
}

/**
 * A token id: 12 base64url characters, never starting with "-" (a command line would take
 * `truce tokens revoke -Bx...` for an option) or "_".
 */
export function newTokenId(random: () => string = () => randomSecret(9)): string {
  for (;;) {
    const id = random();
    if (!id.startsWith('-') && !id.startsWith('_')) return id;
  }
}
