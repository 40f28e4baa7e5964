import type { PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { newestPerString } from './string-latest.js';

const row = (stringId: string, ts: string, socPct = 50) => ({
  stringId,
  sample: { ts, socPct } as PackSample,
});

describe('newestPerString', () => {
  it('keeps the newest row of each string, whatever the order, sorted by string id', () => {
    const rows = [
      row('b', '2026-11-20T10:00:05Z', 2),
      row('a', '2026-11-20T10:00:00Z', 1),
      row('b', '2026-11-20T10:00:10Z', 3),
      row('b', '2026-11-20T09:59:00Z', 4),
    ];
    expect(newestPerString(rows)).toEqual([rows[1], rows[2]]);
  });

  it('keeps the first of two rows with the same ts and skips an unparseable ts', () => {
    const first = row('a', '2026-11-20T10:00:00Z', 1);
    expect(newestPerString([first, row('a', '2026-11-20T10:00:00Z', 2), row('a', 'not a time')])).toEqual([
      first,
    ]);
    expect(newestPerString([])).toEqual([]);
  });
});
