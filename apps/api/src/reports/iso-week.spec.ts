import { describe, expect, it } from 'vitest';
import { isoWeekOf, lastCompleteIsoWeek } from './iso-week.js';

describe('isoWeekOf', () => {
  it('numbers weeks as ISO 8601 does, across year ends', () => {
    // Reference values from `date -u -d <day> +%G-W%V` (GNU date).
    expect(isoWeekOf(new Date('2027-01-13T12:00:00Z')).isoWeek).toBe('2027-W02');
    expect(isoWeekOf(new Date('2027-01-01T00:00:00Z')).isoWeek).toBe('2026-W53');
    expect(isoWeekOf(new Date('2026-12-28T00:00:00Z')).isoWeek).toBe('2026-W53');
    expect(isoWeekOf(new Date('2025-12-29T08:00:00Z')).isoWeek).toBe('2026-W01');
  });
  it('spans Monday 00:00 UTC to the next Monday', () => {
    const w = isoWeekOf(new Date('2027-01-17T23:59:59Z'));
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual([
      '2027-01-11T00:00:00.000Z',
      '2027-01-18T00:00:00.000Z',
    ]);
  });
  it('reports on the week before the current one', () => {
    expect(lastCompleteIsoWeek(new Date('2027-01-18T06:00:00Z')).isoWeek).toBe('2027-W02');
  });
});
