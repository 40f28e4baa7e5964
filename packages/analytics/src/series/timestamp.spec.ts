import { describe, expect, it } from 'vitest';
import { toEpochMs } from './timestamp.js';

describe('toEpochMs', () => {
  it('reads epoch ms and zoned ISO text to the same instant', () => {
    const ms = Date.UTC(2026, 11, 1, 10, 30);
    expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs('2026-12-01T10:30:00Z')).toBe(ms);
    expect(toEpochMs('2026-12-01T11:30:00.000+01:00')).toBe(ms);
  });

  it('refuses text without a zone, non-dates and non-finite numbers', () => {
    expect(toEpochMs('2026-12-01T10:30:00')).toBeNull();
    expect(toEpochMs('2026-13-45T10:30:00Z')).toBeNull();
    expect(toEpochMs('yesterday')).toBeNull();
    expect(toEpochMs(Number.NaN)).toBeNull();
    expect(toEpochMs(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toEpochMs(undefined)).toBeNull();
  });
});
