import { hexToBytes } from '@fleet/protocol';
import { packSampleSchema } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { ensembleBurst, PACK } from '../../../test/burst.js';
import type { ReceivedFrame } from '../../bus/can-bus.js';
import { assemblePackSample } from './assemble-pack-sample.js';

const at = (ms: number) => new Date(Date.parse('2026-11-25T12:00:00.000Z') + ms);
const received = (frames = ensembleBurst(3)): ReceivedFrame[] =>
  frames.map((frame, i) => ({ frame, receivedAt: at(i * 5) }));

describe('assemblePackSample', () => {
  it('turns a full burst into a valid sample carrying every decoded value', () => {
    const sut = assemblePackSample({ bus: 'can0', bmsAddress: 3, frames: received() });
    expect(sut.ok).toBe(true);
    const sample = sut.ok ? sut.sample : undefined;
    expect(packSampleSchema.safeParse(sample).success).toBe(true);
    expect(sample).toEqual({
      kind: 'pack',
      ts: '2026-11-25T12:00:00.000Z',
      bus: 'can0',
      bmsAddress: 3,
      ...PACK,
      moduleVoltageMaxMv: 49_700,
      moduleVoltageMinMv: 49_520,
      moduleVoltageMaxNo: 1,
      moduleVoltageMinNo: 6,
      moduleTempMaxDc: 255,
      moduleTempMinDc: 240,
      moduleTempMaxNo: 3,
      moduleTempMinNo: 0,
      // No PackSample fields yet for the fault extension: kept raw.
      raw: { '0x4293': '0000000000000000' },
    });
    expect(sut.problems).toEqual([]);
  });

  it('stamps the sample with the reception time of the first frame, in any order', () => {
    const frames = received().reverse();
    const sut = assemblePackSample({ bus: 'can0', bmsAddress: 3, frames });
    expect(sut.ok && sut.sample.ts).toBe('2026-11-25T12:00:00.000Z');
  });

  it('keeps undecodable and unknown frames as hex and still builds the sample', () => {
    const frames = [
      ...received(),
      { frame: { id: 0x4233, extended: true, data: hexToBytes('0102')! }, receivedAt: at(60) },
      { frame: { id: 0x42a3, extended: true, data: hexToBytes('DEADBEEF00000000')! }, receivedAt: at(65) },
    ];
    const sut = assemblePackSample({ bus: 'can0', bmsAddress: 3, frames });
    expect(sut.ok && sut.sample.raw).toMatchObject({ '0x4233': '0102', '0x42A3': 'DEADBEEF00000000' });
    expect(sut.ok && sut.sample.cellMaxMv).toBe(PACK.cellMaxMv);
    expect(sut.problems).toEqual(['0x4233: 0x4230: expected 8 data bytes, got 2', '0x42A3: unknown id']);
  });

  it('uses the first of two frames of the same kind and reports the repeat', () => {
    const second = ensembleBurst(3, { ...PACK, socPct: 10 })[0]!;
    const frames = [...received(), { frame: second, receivedAt: at(90) }];
    const sut = assemblePackSample({ bus: 'can0', bmsAddress: 3, frames });
    expect(sut.ok && sut.sample.socPct).toBe(PACK.socPct);
    expect(sut.problems).toEqual(['0x4213: repeated in one burst; the first one is used']);
  });

  it('builds no sample without 0x4210, and says why', () => {
    const sut = assemblePackSample({ bus: 'can0', bmsAddress: 3, frames: received().slice(1) });
    expect(sut).toMatchObject({ ok: false, reason: 'no 0x4210 from address 3' });
  });
});
