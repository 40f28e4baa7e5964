import { describe, expect, it } from 'vitest';
import { moduleRows } from './module-rows';
import type { StringCells, StringModule } from './site-types';

const module = (position: number, serial: string | null, removedAt: string | null = null): StringModule => ({
  id: `m${position}${removedAt ? 'r' : ''}`,
  position,
  moduleType: 'H48050',
  serial,
  firstSeenAt: '2026-01-01T00:00:00Z',
  lastSeenAt: '2026-11-01T00:00:00Z',
  removedAt,
});

const cells = {
  cellVoltagesMv: [
    [3300, 3301],
    [3310, null],
    [3320, 3320],
  ],
  cellTempsDc: [
    [250, 262],
    [null, null],
    [240, 241],
  ],
} as StringCells;

describe('moduleRows', () => {
  it('adds module voltage and hottest sensor from the snapshot, in rack order, removed ones last', () => {
    const sut = moduleRows(
      [module(2, null), module(1, 'PPTBH01'), module(1, 'OLD', '2026-05-01T00:00:00Z')],
      cells,
      'H48050',
    );
    expect(sut.map((r) => [r.position, r.serial, r.voltageMv, r.maxTempDc, r.removed])).toEqual([
      [1, 'PPTBH01', 6601, 262, false],
      [2, null, null, null, false],
      [3, null, 6640, 241, false],
      [1, 'OLD', null, null, true],
    ]);
  });

  it('lists the modules alone when there is no snapshot', () => {
    expect(moduleRows([module(1, null)], null, 'H48050')).toMatchObject([{ position: 1, voltageMv: null }]);
  });
});
