import { describe, expect, it } from 'vitest';
import { cellSnapshotSchema } from './cell-snapshot.js';

const snapshot = {
  kind: 'cells',
  ts: '2026-11-25T12:00:00.000Z',
  bus: 'can0',
  bmsAddress: 0,
  source: 'console',
  trigger: 'edge',
  cellVoltagesMv: [
    [3301, 3302],
    [3299, 3300],
  ],
  cellTempsDc: [
    [181, null],
    [179, 180],
  ],
};

describe('cellSnapshotSchema', () => {
  it('accepts a [module][cell] snapshot with temperatures where known', () => {
    expect(cellSnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('names the offending cell', () => {
    const bad = { ...snapshot, cellVoltagesMv: [[3301, -1]] };
    const sut = cellSnapshotSchema.safeParse(bad);
    expect(sut.success).toBe(false);
    expect(sut.error?.issues[0]?.path).toEqual(['cellVoltagesMv', 0, 1]);
  });
});
