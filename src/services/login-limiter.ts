/**
 * Counts failed logins per account and per client address in a sliding window, and refuses
 * further attempts while a limit is exceeded. Kept in memory: a restart forgets, which is
 * acceptable for a single-process server and keeps the hot path free of writes.
 */

export interface LoginLimits {
  /** Failed attempts allowed per account within the window. */
  readonly perAccount: number;
  /** Failed attempts allowed per client address within the window. */
  readonly perAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
};

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => Date,
  ) {}

  /** Seconds until an attempt is allowed again, or 0 when it is allowed now. */
  retryAfterSeconds(account: string, address: string): number {
    const now = this.now().getTime();
    const wait = Math.max(
      this.waitFor(`account:${account}`, this.limits.perAccount, now),
      this.waitFor(`address:${address}`, this.limits.perAddress, now),
    );
    return Math.ceil(wait / 1000);
  }

  /** Notes a failed attempt. */
  fail(account: string, address: string): void {
    const now = this.now().getTime();
    for (const key of [`account:${account}`, `address:${address}`]) {
      const recent = this.recent(key, now);
      recent.push(now);
      this.failures.set(key, recent);
    }
  }

  /** Forgets an account's failures after a successful login. */
  succeed(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private waitFor(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length === 0) this.failures.delete(key);
    if (recent.length < limit) return 0;
    const oldestCounted = recent[recent.length - limit] ?? now;
    return oldestCounted + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
  }
}
