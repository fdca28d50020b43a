/** Password hashing (argon2id) and random secrets. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. @node-rs/argon2 defaults to argon2id.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** An argon2id PHC string for the password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** True when the password matches the argon2id hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of nothing anyone knows, verified against when a user does not exist, so that an
// unknown user name costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

/** Spends the time of one password check without a user. Always false. */
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword(randomSecret(16));
  await verifyPassword(await decoyHash, password);
  return false;
}

/** A random URL-safe secret of `bytes` random bytes. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A readable generated password: five groups of four characters, about 100 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8, 12, 16].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Hex SHA-256 of a string. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
