import { describe, expect, it } from 'vitest';
import { nextRetryAt } from './backoff.js';

const policy = { baseMs: 10_000, maxMs: 3_600_000, windowMs: 24 * 3_600_000 };
const created = new Date('2026-11-25T00:00:00Z');
const mid = () => 0.5;

describe('nextRetryAt', () => {
  it('doubles from the base per attempt, capped at the maximum', () => {
    const now = created;
    const delays = [1, 2, 3, 10, 20].map(
      (n) => nextRetryAt(n, created, now, policy, mid)!.getTime() - now.getTime(),
    );
    expect(delays).toEqual([10_000, 20_000, 40_000, 3_600_000, 3_600_000]);
  });

  it('jitters ±20 %', () => {
    const low = nextRetryAt(1, created, created, policy, () => 0)!.getTime() - created.getTime();
    const high = nextRetryAt(1, created, created, policy, () => 1)!.getTime() - created.getTime();
    expect([low, high]).toEqual([8_000, 12_000]);
  });

  it('gives up when the next try would fall outside the window', () => {
    const late = new Date(created.getTime() + 24 * 3_600_000 - 5_000);
    expect(nextRetryAt(1, created, late, policy, mid)).toBeNull();
    expect(nextRetryAt(1, created, new Date(created.getTime() + 1000), policy, mid)).not.toBeNull();
  });
});
