import {
  encodePackSeries,
  type PackSample,
  TELEMETRY_SCHEMA,
  type TelemetryEnvelope,
} from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { packReadingsOf } from './pack-readings.js';

const sample = (bus: string, bmsAddress: number, ts: string, socPct: number): PackSample => ({
  kind: 'pack',
  ts,
  bus,
  bmsAddress,
  packVoltageDv: 4000,
  packCurrentDa: 12,
  bmsTempDc: 215,
  socPct,
  sohPct: 99,
});

const envelope = (samples: TelemetryEnvelope['samples']): TelemetryEnvelope => ({
  schema: TELEMETRY_SCHEMA,
  gatewayId: 'gw-live-1',
  bootId: 'boot-1',
  seq: 7,
  sentAt: '2026-12-28T10:00:05Z',
  samples,
});

describe('packReadingsOf', () => {
  it('groups pack samples by string and expands a packs series into its samples', () => {
    const series = encodePackSeries([
      sample('can0', 2, '2026-12-28T10:00:00.000Z', 50),
      sample('can0', 2, '2026-12-28T10:00:05.000Z', 51),
    ]);
    const readings = packReadingsOf(
      envelope([
        sample('can0', 1, '2026-12-28T10:00:00.000Z', 40),
        series,
        sample('can0', 1, '2026-12-28T10:00:05.000Z', 41),
      ]),
    );
    expect(readings.map((r) => [r.bus, r.bmsAddress, r.samples.map((s) => [s.ts, s.socPct])])).toEqual([
      [
        'can0',
        1,
        [
          ['2026-12-28T10:00:00.000Z', 40],
          ['2026-12-28T10:00:05.000Z', 41],
        ],
      ],
      [
        'can0',
        2,
        [
          ['2026-12-28T10:00:00.000Z', 50],
          ['2026-12-28T10:00:05.000Z', 51],
        ],
      ],
    ]);
  });

  it('leaves cell snapshots out (they are not pack values)', () => {
    const cells = {
      kind: 'cells',
      ts: '2026-12-28T10:00:00.000Z',
      bus: 'can0',
      bmsAddress: 1,
    } as unknown as TelemetryEnvelope['samples'][number];
    expect(packReadingsOf(envelope([cells]))).toEqual([]);
  });
});
