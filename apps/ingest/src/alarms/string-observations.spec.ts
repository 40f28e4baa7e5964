import { ALARM_CATALOGUE, DEFAULT_RULES } from '@fleet/alarms';
import type { CellSnapshot, PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { stringObservations } from './string-observations.js';

const pack = (ts: string, fields: Partial<PackSample> = {}): PackSample => ({
  kind: 'pack',
  ts,
  bus: 'can0',
  bmsAddress: 0,
  packVoltageDv: 4000,
  packCurrentDa: 0,
  bmsTempDc: 215,
  socPct: 80,
  sohPct: 100,
  ...fields,
});
const PROTECTION = 'hv.protection.cell_high_voltage';

describe('stringObservations', () => {
  it('gives one flag per alarm-opening bit of the words read, in time order, with the raw words', () => {
    const bit = 1 << ALARM_CATALOGUE.byCode.get(PROTECTION)!.bit;
    const { observations } = stringObservations(
      [
        pack('2026-12-20T10:00:10Z', { protectionBits: 0 }),
        pack('2026-12-20T10:00:00Z', { protectionBits: bit }),
      ],
      [],
      DEFAULT_RULES,
    );
    const ofCode = observations.filter((o) => o.ruleId === PROTECTION);
    expect(ofCode.map((o) => [o.at, o.observation])).toEqual([
      [Date.parse('2026-12-20T10:00:00Z'), { kind: 'flag', present: true, severity: 'critical' }],
      [Date.parse('2026-12-20T10:00:10Z'), { kind: 'flag', present: false, severity: 'critical' }],
    ]);
    expect(ofCode[0]!.rawWords).toMatchObject({ 'hv.4250.protection': bit });
    // A sample without the alarm word says nothing about alarm bits.
    expect(observations.some((o) => o.ruleId === 'hv.alarm.cell_high_voltage')).toBe(false);
  });

  it('judges cell imbalance from a snapshot at rest with the current of the pack sample before it', () => {
    const snapshot: CellSnapshot = {
      kind: 'cells',
      ts: '2026-12-20T10:00:05Z',
      bus: 'can0',
      bmsAddress: 0,
      cellVoltagesMv: [
        [3300, 3340],
        [3310, 0xffff],
      ],
    };
    const atRest = stringObservations(
      [pack('2026-12-20T10:00:00Z', { packCurrentDa: 5 })],
      [snapshot],
      DEFAULT_RULES,
    );
    expect(atRest.observations.find((o) => o.ruleId === 'derived.cell_imbalance')).toEqual({
      ruleId: 'derived.cell_imbalance',
      at: Date.parse(snapshot.ts),
      observation: { kind: 'value', value: 40 },
      cellSnapshotAt: Date.parse(snapshot.ts),
    });
    const underLoad = stringObservations(
      [pack('2026-12-20T10:00:00Z', { packCurrentDa: 500 })],
      [snapshot],
      DEFAULT_RULES,
    );
    expect(underLoad.observations.find((o) => o.ruleId === 'derived.cell_imbalance')?.observation).toEqual({
      kind: 'value',
      value: null,
    });
  });
});
