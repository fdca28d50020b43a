import { describe, expect, it } from 'vitest';
import { LoginLimiter, type Attempt } from './login-limiter.js';

describe('login limiter', () => {
  const setup = () => {
    let now = 0;
    const limiter = new LoginLimiter(
      { perAccount: 3, perAddress: 5, windowMs: 60_000 },
      () => new Date(now),
    );
    return { limiter, advance: (ms: number) => (now += ms) };
  };
  const started = (result: ReturnType<LoginLimiter['begin']>): Attempt => {
    if ('retryAfterSeconds' in result) throw new Error('limited');
    return result;
  };

  it('counts attempts as they start, so parallel guesses cannot all pass', () => {
    const { limiter } = setup();
    const results = Array.from({ length: 10 }, (_, i) => limiter.begin('a', `ip${i}`));
    expect(results.filter((r) => !('retryAfterSeconds' in r))).toHaveLength(3);
    expect(results.at(-1)).toEqual({ retryAfterSeconds: 60 });
  });

  it('says how long to wait until the oldest counted attempt leaves the window', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i += 1) {
      started(limiter.begin('a', `ip${i}`));
      advance(10_000);
    }
    expect(limiter.retryAfterSeconds('a', 'ip9')).toBe(30);
    advance(30_001);
    expect(limiter.retryAfterSeconds('a', 'ip9')).toBe(0);
  });

  it('counts per address across accounts', () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i += 1) started(limiter.begin(`user${i}`, 'ip'));
    expect(limiter.retryAfterSeconds('fresh', 'ip')).toBe(60);
    expect(limiter.retryAfterSeconds('fresh', 'other-ip')).toBe(0);
  });

  it('forgives a success and the account’s earlier failures', () => {
    const { limiter } = setup();
    started(limiter.begin('a', 'ip'));
    started(limiter.begin('a', 'ip'));
    limiter.succeed(started(limiter.begin('a', 'ip')));
    started(limiter.begin('a', 'ip'));
    expect(limiter.retryAfterSeconds('a', 'ip2')).toBe(0);
  });

  it('keeps memory bounded by sweeping expired keys', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 5_000; i += 1) limiter.begin(`user${i}`, `ip${i}`);
    expect(limiter.trackedKeys).toBe(10_000);
    advance(60_001);
    limiter.begin('late', 'late-ip');
    // Over the threshold: the 10,000 expired keys are swept, the fresh ones stay.
    expect(limiter.trackedKeys).toBe(2);
  });
});
