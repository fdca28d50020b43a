/** Reads of API tokens, and their secret hashes and last use (kept outside the record). */
import type { Role } from '../core/auth/permissions.js';
import type { ApiToken, User } from '../core/auth/users.js';
import type { Db, Tx } from './transactions.js';

/** A token with the hash of its secret and its user, for authentication. */
export interface TokenCredential {
  readonly token: ApiToken;
  readonly secretSha256: string;
  readonly user: User;
}

/** The tokens of one user, or of everyone when userId is undefined; newest first. */
export async function listTokens(db: Db, userId?: string): Promise<ApiToken[]> {
  let query = baseQuery(db);
  if (userId !== undefined) query = query.where('t.user_id', '=', userId);
  const rows = await query.orderBy('t.created_at', 'desc').orderBy('t.id').execute();
  return rows.map(({ secret_sha256: _secret, ...row }) => toToken(row));
}

/** One token with its secret hash, or undefined. */
export async function findTokenCredential(
  db: Db,
  tokenId: string,
): Promise<TokenCredential | undefined> {
  // One query for the token and its user: every API request with a token asks this.
  const row = await baseQuery(db)
    .select([
      'u.role as user_role',
      'u.actor as user_actor',
      'u.created_at as user_created_at',
      'u.disabled_at as user_disabled_at',
    ])
    .where('t.id', '=', tokenId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { secret_sha256, user_role, user_actor, user_created_at, user_disabled_at, ...rest } = row;
  return {
    token: toToken(rest),
    secretSha256: secret_sha256,
    user: {
      id: rest.user_id,
      name: rest.user_name,
      role: user_role as Role,
      actor: user_actor,
      createdAt: user_created_at,
      disabledAt: user_disabled_at,
    },
  };
}

/** Stores the hash of a new token's secret. */
export async function saveTokenSecret(tx: Tx, tokenId: string, secretSha256: string) {
  await tx
    .insertInto('api_token_secrets')
    .values({ token_id: tokenId, secret_sha256: secretSha256, last_used_at: null })
    .execute();
}

/** Notes when a token was last used (operational, not part of the record). */
export async function touchToken(db: Db, tokenId: string, at: string): Promise<void> {
  await db
    .updateTable('api_token_secrets')
    .set({ last_used_at: at })
    .where('token_id', '=', tokenId)
    .execute();
}

function baseQuery(db: Db) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('api_token_secrets as s', 's.token_id', 't.id')
    .select([
      't.id',
      't.user_id',
      'u.name as user_name',
      't.label',
      't.created_at',
      't.expires_at',
      't.revoked_at',
      's.last_used_at',
      's.secret_sha256',
    ]);
}

function toToken(row: {
  id: string;
  user_id: string;
  user_name: string;
  label: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.user_name,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
