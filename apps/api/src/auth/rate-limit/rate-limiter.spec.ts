import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

function setup() {
  let now = 1_000_000;
  const sut = new RateLimiter(60_000, () => now);
  return { sut, advance: (ms: number) => (now += ms) };
}

const attempts = (sut: RateLimiter, n: number, keys: Array<{ key: string; limit: number }>) =>
  Array.from({ length: n }, () => sut.hit(keys));

describe('RateLimiter', () => {
  it('allows the limit and refuses the next attempt with the seconds left in the window', () => {
    const { sut, advance } = setup();
    const keys = [{ key: 'login:email:a@x', limit: 10 }];
    expect(attempts(sut, 10, keys).every((d) => d.allowed)).toBe(true);
    advance(15_500);
    expect(sut.hit(keys)).toEqual({ allowed: false, retryAfterSeconds: 45 });
  });

  it('starts a fresh window once the old one is over', () => {
    const { sut, advance } = setup();
    const keys = [{ key: 'k', limit: 2 }];
    attempts(sut, 3, keys);
    advance(60_000);
    expect(sut.hit(keys)).toEqual({ allowed: true });
  });

  it('refuses when any one key is over, and counts keys apart', () => {
    const { sut } = setup();
    attempts(sut, 3, [{ key: 'ip:1', limit: 3 }]);
    expect(
      sut.hit([
        { key: 'email:b', limit: 10 },
        { key: 'ip:1', limit: 3 },
      ]).allowed,
    ).toBe(false);
    expect(
      sut.hit([
        { key: 'email:b', limit: 10 },
        { key: 'ip:2', limit: 3 },
      ]).allowed,
    ).toBe(true);
  });

  it('forgets expired windows when many keys are tracked', () => {
    const { sut, advance } = setup();
    for (let i = 0; i <= 10_001; i++) {
      sut.hit([{ key: `ip:${i}`, limit: 1 }]);
    }
    advance(60_000);
    sut.hit([{ key: 'fresh', limit: 1 }]);
    expect((sut as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});
