import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_MS, resolveTrendRange, TREND_MAX_MS, windowsOf } from './trend-range.js';

const HOUR_MS = 3_600_000;
const now = new Date('2026-11-25T12:00:00Z');
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);

describe('resolveTrendRange', () => {
  it('refuses an empty or reversed range', () => {
    expect(resolveTrendRange({ from: now, to: now, bucket: 'auto' }, TREND_MAX_MS, now)).toEqual({
      ok: false,
      message: 'from: must be before to',
    });
  });

  it('picks the tier with auto and keeps an explicit one', () => {
    expect(resolveTrendRange({ from: ago(2), to: now, bucket: 'auto' }, TREND_MAX_MS, now)).toEqual({
      ok: true,
      tier: 'raw',
    });
    expect(resolveTrendRange({ from: ago(24 * 30), to: now, bucket: 'auto' }, TREND_MAX_MS, now)).toEqual({
      ok: true,
      tier: '1h',
    });
    expect(resolveTrendRange({ from: ago(2), to: now, bucket: '1d' }, TREND_MAX_MS, now)).toEqual({
      ok: true,
      tier: '1d',
    });
  });

  it('caps each tier, longer for an export than for a chart', () => {
    const twoDaysRaw = { from: ago(48), to: now, bucket: 'raw' as const };
    expect(resolveTrendRange(twoDaysRaw, TREND_MAX_MS, now)).toEqual({
      ok: false,
      message: 'to: a raw range is at most 1 day',
    });
    expect(resolveTrendRange(twoDaysRaw, EXPORT_MAX_MS, now)).toEqual({ ok: true, tier: 'raw' });
  });
});

describe('windowsOf', () => {
  it('covers the range with consecutive windows, the last one cut at the end', () => {
    const windows = [...windowsOf(ago(10), now, 6 * HOUR_MS)];
    expect(windows).toEqual([
      { from: ago(10), to: ago(4) },
      { from: ago(4), to: now },
    ]);
  });
});
