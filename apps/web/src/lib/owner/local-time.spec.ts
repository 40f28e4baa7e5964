import { describe, expect, it } from 'vitest';
import { formatDate, formatLocalTime, localDayKey, startOfLocalDay } from './local-time';

describe('startOfLocalDay', () => {
  it('finds local midnight in winter and summer time', () => {
    expect(startOfLocalDay(new Date('2026-01-15T10:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-01-14T23:00:00.000Z',
    );
    expect(startOfLocalDay(new Date('2026-07-15T10:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-07-14T22:00:00.000Z',
    );
  });

  it('counts the local day, not the UTC day, just after local midnight', () => {
    expect(startOfLocalDay(new Date('2026-07-14T22:30:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-07-14T22:00:00.000Z',
    );
    expect(startOfLocalDay(new Date('2026-11-25T03:00:00Z'), 'Australia/Sydney').toISOString()).toBe(
      '2026-11-24T13:00:00.000Z',
    );
  });

  it('handles a day on which the clocks go forward (23 h long)', () => {
    expect(startOfLocalDay(new Date('2026-03-29T20:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });

  it('is midnight UTC in UTC', () => {
    expect(startOfLocalDay(new Date('2026-11-25T14:05:09Z'), 'UTC').toISOString()).toBe(
      '2026-11-25T00:00:00.000Z',
    );
  });
});

describe('local formatting', () => {
  const now = Date.parse('2026-11-25T15:00:00Z');

  it('gives the local day key', () => {
    expect(localDayKey(new Date('2026-11-25T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-26');
  });

  it('writes only the time on the same local day, else the date too', () => {
    expect(formatLocalTime('2026-11-25T13:05:00Z', now, 'Europe/Berlin', 'en')).toBe('14:05');
    expect(formatLocalTime('2026-11-24T13:05:00Z', now, 'Europe/Berlin', 'de')).toMatch(/24\. ?Nov.*14:05/);
  });

  it('writes calendar dates in the locale', () => {
    expect(formatDate('2026-03-01', 'en')).toBe('Mar 1, 2026');
    expect(formatDate('2026-03-01T00:00:00Z', 'de')).toBe('01.03.2026');
  });
});
