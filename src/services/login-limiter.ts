/**
 * Counts password attempts per account and per client address in a sliding window, and refuses
 * further attempts while a limit is exceeded. An attempt is counted when it starts (so parallel
 * guesses cannot all pass the check before any is counted) and forgiven when it succeeds. Kept
 * in memory: a restart forgets, which is acceptable for a single-process server and keeps the
 * hot path free of writes.
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

/** An attempt in progress, to pass back to `succeed`. */
export interface Attempt {
  readonly account: string;
  readonly address: string;
  readonly at: number;
}

// Above this many keys, expired ones are swept so that memory stays bounded.
const SWEEP_ABOVE = 10_000;

export class LoginLimiter {
  private readonly attempts = new Map<string, number[]>();
  // Sweeping costs one pass over every key, so it runs when the map has doubled since the last.
  private sweepAt = SWEEP_ABOVE;

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

  /**
   * Starts an attempt: returns seconds to wait when over a limit (nothing is counted), or the
   * attempt, already counted as a failure until `succeed` forgives it.
   */
  begin(account: string, address: string): { retryAfterSeconds: number } | Attempt {
    const retryAfterSeconds = this.retryAfterSeconds(account, address);
    if (retryAfterSeconds > 0) return { retryAfterSeconds };
    const at = this.now().getTime();
    for (const key of [`account:${account}`, `address:${address}`]) {
      const recent = this.recent(key, at);
      recent.push(at);
      this.attempts.set(key, recent);
    }
    if (this.attempts.size > this.sweepAt) {
      this.sweep(at);
      this.sweepAt = Math.max(SWEEP_ABOVE, this.attempts.size * 2);
    }
    return { account, address, at };
  }

  /** Forgives a successful attempt, and the account's earlier failures. */
  succeed(attempt: Attempt): void {
    this.attempts.delete(`account:${attempt.account}`);
    const key = `address:${attempt.address}`;
    const list = this.attempts.get(key);
    const i = list?.indexOf(attempt.at) ?? -1;
    if (list !== undefined && i >= 0) list.splice(i, 1);
  }

  /** How many keys are tracked (for tests of the memory bound). */
  get trackedKeys(): number {
    return this.attempts.size;
  }

  private waitFor(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length === 0) this.attempts.delete(key);
    if (recent.length < limit) return 0;
    const oldestCounted = recent[recent.length - limit] ?? now;
    return oldestCounted + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
  }

  private sweep(now: number): void {
    for (const key of [...this.attempts.keys()]) {
      if (this.recent(key, now).length === 0) this.attempts.delete(key);
    }
  }
}
