import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

describe('login limiter', () => {
  const setup = () => {
    let now = 0;
    const limiter = new LoginLimiter(
      { perAccount: 3, perAddress: 5, windowMs: 60_000 },
      () => new Date(now),
    );
    return { limiter, advance: (ms: number) => (now += ms) };
  };

  it('allows attempts until the account limit, then says how long to wait', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.retryAfterSeconds('a', `ip${i}`)).toBe(0);
      limiter.fail('a', `ip${i}`);
      advance(10_000);
    }
    // The oldest of the three failures was 30 s ago; it leaves the window in 30 s.
    expect(limiter.retryAfterSeconds('a', 'ip9')).toBe(30);
    advance(30_001);
    expect(limiter.retryAfterSeconds('a', 'ip9')).toBe(0);
  });

  it('counts per address across accounts', () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i += 1) limiter.fail(`user${i}`, 'ip');
    expect(limiter.retryAfterSeconds('fresh', 'ip')).toBe(60);
    expect(limiter.retryAfterSeconds('fresh', 'other-ip')).toBe(0);
  });

  it('forgets an account’s failures after a success', () => {
    const { limiter } = setup();
    limiter.fail('a', 'ip');
    limiter.fail('a', 'ip');
    limiter.succeed('a');
    limiter.fail('a', 'ip');
    expect(limiter.retryAfterSeconds('a', 'ip2')).toBe(0);
  });
});
