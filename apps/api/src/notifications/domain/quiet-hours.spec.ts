import { describe, expect, it } from 'vitest';
import { quietHoursEnd } from './quiet-hours.js';

const at = (iso: string) => new Date(iso);

describe('quietHoursEnd', () => {
  it('is null outside the window and the window end inside it (same day)', () => {
    const q = { start: '12:00', end: '14:00', timeZone: 'UTC' };
    expect(quietHoursEnd(at('2026-11-25T11:59:00Z'), q)).toBeNull();
    expect(quietHoursEnd(at('2026-11-25T12:00:00Z'), q)).toEqual(at('2026-11-25T14:00:00Z'));
    expect(quietHoursEnd(at('2026-11-25T14:00:00Z'), q)).toBeNull();
  });

  it('wraps midnight: evening ends tomorrow morning, early morning ends today', () => {
    const q = { start: '22:00', end: '07:00', timeZone: 'UTC' };
    expect(quietHoursEnd(at('2026-11-25T23:30:00Z'), q)).toEqual(at('2026-11-26T07:00:00Z'));
    expect(quietHoursEnd(at('2026-11-26T06:59:00Z'), q)).toEqual(at('2026-11-26T07:00:00Z'));
    expect(quietHoursEnd(at('2026-11-26T07:00:00Z'), q)).toBeNull();
  });

  it('reads the wall clock of the person’s zone, across a DST change', () => {
    const q = { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };
    // 21:30 UTC is 22:30 in Berlin (CET, +1): quiet until 07:00 CET = 06:00 UTC.
    expect(quietHoursEnd(at('2026-11-25T21:30:00Z'), q)).toEqual(at('2026-11-26T06:00:00Z'));
    // Night of 28→29 March 2026: clocks jump to CEST (+2), so 07:00 local is 05:00 UTC.
    expect(quietHoursEnd(at('2026-03-28T22:00:00Z'), q)).toEqual(at('2026-03-29T05:00:00Z'));
  });

  it('treats equal or malformed times as no quiet hours', () => {
    expect(
      quietHoursEnd(at('2026-11-25T12:00:00Z'), { start: '12:00', end: '12:00', timeZone: 'UTC' }),
    ).toBeNull();
    expect(
      quietHoursEnd(at('2026-11-25T12:00:00Z'), { start: '25:00', end: '07:00', timeZone: 'UTC' }),
    ).toBeNull();
  });
});
