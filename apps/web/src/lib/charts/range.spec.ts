import { describe, expect, it } from 'vitest';
import {
  compareFromParam,
  GAP_WINDOW_MS,
  presetRange,
  rangeFromParams,
  rangeWindows,
  trendsSearch,
  zoomOutRange,
  zoomRange,
} from './range';
import { timeTick } from './time-ticks';

const NOW = Date.parse('2026-11-25T12:00:30Z');
const DAY = 86_400_000;
const A = '0b7d2c4e-1111-4a4a-8b8b-000000000001';
const B = '0b7d2c4e-1111-4a4a-8b8b-000000000002';

describe('rangeFromParams', () => {
  it("takes an explicit from/to (ISO, or a datetime-local value on the site's clock) before a preset", () => {
    expect(
      rangeFromParams({ from: '2026-11-01T00:00:00Z', to: '2026-11-02T06:00', range: '1y' }, NOW, 'UTC'),
    ).toEqual({
      choice: 'custom',
      range: { from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-11-02T06:00:00Z') },
    });
    // 06:00 in Berlin in November is 05:00 UTC; an ISO instant is an instant in any zone
    expect(
      rangeFromParams({ from: '2026-11-01T00:00:00Z', to: '2026-11-02T06:00' }, NOW, 'Europe/Berlin').range,
    ).toEqual({ from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-11-02T05:00:00Z') });
  });

  it('reads a preset ending at the next whole minute, and falls back to 7 days for anything else', () => {
    const end = Date.parse('2026-11-25T12:01:00Z');
    expect(rangeFromParams({ range: '24h' }, NOW, 'UTC')).toEqual({
      choice: '24h',
      range: { from: end - DAY, to: end },
    });
    expect(rangeFromParams({ range: 'forever' }, NOW, 'UTC').choice).toBe('7d');
    // a reversed custom range is not a range
    expect(
      rangeFromParams({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }, NOW, 'UTC').choice,
    ).toBe('7d');
  });

  it('asks twenty years for "all" (the longest the API serves from one tier)', () => {
    const all = presetRange('all', NOW);
    expect(all.to - all.from).toBe(20 * 365 * DAY);
  });
});

describe('zoom', () => {
  it('turns a drag selection in seconds into a range, and a click-sized one into nothing', () => {
    expect(zoomRange(1_700_003_600, 1_700_000_000)).toEqual({
      from: 1_700_000_000_000,
      to: 1_700_003_600_000,
    });
    expect(zoomRange(1_700_000_000, 1_700_000_060)).toBeNull();
  });

  it('zooms out to three times the span, centred, never past now', () => {
    expect(zoomOutRange({ from: 10 * DAY, to: 11 * DAY }, 100 * DAY)).toEqual({
      from: 9 * DAY,
      to: 12 * DAY,
    });
    expect(zoomOutRange({ from: 10 * DAY, to: 11 * DAY }, 11 * DAY)).toEqual({ from: 8 * DAY, to: 11 * DAY });
  });
});

describe('URL and windows', () => {
  it('keeps the compared strings in the query of a preset and of a range', () => {
    expect(trendsSearch('30d', [A, B])).toBe(`?range=30d&compare=${A}%2C${B}`);
    expect(trendsSearch({ from: 0, to: DAY }, [])).toBe(
      '?from=1970-01-01T00%3A00%3A00.000Z&to=1970-01-02T00%3A00%3A00.000Z',
    );
  });

  it('accepts only UUIDs other than the page string, once each, at most five', () => {
    expect(compareFromParam(`${A},nonsense,${A.toUpperCase()},${B}`, B)).toEqual([A]);
  });

  it('splits a long gap query into year windows covering the range', () => {
    const windows = rangeWindows({ from: 0, to: 2 * GAP_WINDOW_MS + 5 }, GAP_WINDOW_MS);
    expect(windows).toEqual([
      { from: 0, to: GAP_WINDOW_MS },
      { from: GAP_WINDOW_MS, to: 2 * GAP_WINDOW_MS },
      { from: 2 * GAP_WINDOW_MS, to: 2 * GAP_WINDOW_MS + 5 },
    ]);
  });
});

describe('timeTick', () => {
  const at = (iso: string) => Date.parse(iso) / 1000;
  it('labels ticks by the span: hours, then days, then months', () => {
    expect(timeTick(at('2026-11-20T14:00:00Z'), DAY, 'UTC')).toBe('14:00');
    expect(timeTick(at('2026-11-20T00:00:00Z'), DAY, 'UTC')).toBe('11-20');
    expect(timeTick(at('2026-11-20T00:00:00Z'), 30 * DAY, 'UTC')).toBe('11-20');
    expect(timeTick(at('2026-11-01T00:00:00Z'), 3 * 365 * DAY, 'UTC')).toBe('2026-11');
  });

  it("labels ticks on the site's clock: its midnight shows the date, across a DST change too", () => {
    expect(timeTick(at('2026-11-20T14:00:00Z'), DAY, 'Europe/Berlin')).toBe('15:00');
    expect(timeTick(at('2026-11-19T23:00:00Z'), DAY, 'Europe/Berlin')).toBe('11-20');
    expect(timeTick(at('2026-11-20T00:00:00Z'), DAY, 'Europe/Berlin')).toBe('01:00');
    expect(timeTick(at('2026-10-24T22:00:00Z'), DAY, 'Europe/Berlin')).toBe('10-25');
    expect(timeTick(at('2026-10-25T23:00:00Z'), DAY, 'Europe/Berlin')).toBe('10-26');
    expect(timeTick(at('2026-10-31T23:00:00Z'), 3 * 365 * DAY, 'Europe/Berlin')).toBe('2026-11');
    expect(timeTick(at('2026-11-20T14:00:00Z'), DAY, 'Asia/Tokyo')).toBe('23:00');
  });
});
