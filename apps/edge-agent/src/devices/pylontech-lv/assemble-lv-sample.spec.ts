import type { CanFrame } from '@fleet/protocol';
import { describe, expect, it } from 'vitest';
import { NEW_CYCLE, OLD_CYCLE } from '../../../test/lv-cycles.js';
import { assembleLvSample } from './assemble-lv-sample.js';

const at = new Date('2026-11-25T12:00:00.000Z');
const received = (frames: CanFrame[]) => frames.map((frame) => ({ frame, receivedAt: at }));

describe('assembleLvSample (reference §2.3 vectors)', () => {
  it('maps an older battery cycle (L1-L6) to the fields LV carries, and nothing else', () => {
    const result = assembleLvSample({ bus: 'can1', frames: received(OLD_CYCLE) });
    expect(result.ok).toBe(true);
    expect(result.ok && result.sample).toEqual({
      kind: 'pack',
      ts: at.toISOString(),
      bus: 'can1',
      bmsAddress: 0,
      chargeCutoffDv: 532, // L1: CVL 53.2 V
      chargeLimitDa: 3700,
      dischargeLimitDa: 3700,
      dischargeCutoffDv: 460, // DVL 46.0 V
      socPct: 26, // L2
      sohPct: 100,
      packVoltageDv: 487, // L3: 48.66 V → 48.7 V; exact value in raw
      packCurrentDa: 0,
      bmsTempDc: 330,
      chargeForbidden: false, // L5: both enabled
      dischargeForbidden: false,
      raw: { '0x0356': '021300004A01', '0x0359': '000000000A504E', '0x035C': 'C000' },
    });
    expect(result.info).toEqual({ moduleCount: 10, manufacturer: 'PYLON' });
    expect(result.problems).toEqual([]);
  });

  it('reads a newer-firmware cycle (L11-L15): no flags fields, 0x35A/0x35F and the 6-byte 0x355 kept raw', () => {
    const result = assembleLvSample({ bus: 'can1', frames: received(NEW_CYCLE) });
    if (!result.ok) {
      throw new Error(result.reason);
    }
    expect(result.sample).toMatchObject({ socPct: 84, sohPct: 96, packVoltageDv: 499, packCurrentDa: -279 });
    expect(result.sample).not.toHaveProperty('chargeForbidden');
    expect(Object.keys(result.sample.raw ?? {}).sort()).toEqual(['0x0355', '0x0356', '0x035A', '0x035F']);
    expect(result.info).toEqual({ manufacturer: 'PYLON' });
  });

  it('drops a cycle without 0x356 and names what is missing', () => {
    const result = assembleLvSample({
      bus: 'can1',
      frames: received(OLD_CYCLE.filter((f) => f.id !== 0x356)),
    });
    expect(result).toMatchObject({ ok: false, reason: 'no 0x356 in the cycle' });
  });

  it('keeps a frame of the wrong length raw and reports it, and still builds the sample', () => {
    const short: CanFrame = { id: 0x35c, extended: false, data: new Uint8Array([0xc0]) };
    const frames = [...OLD_CYCLE.filter((f) => f.id !== 0x35c), short];
    const result = assembleLvSample({ bus: 'can1', frames: received(frames) });
    expect(result.ok && result.sample.raw?.['0x035C']).toBe('C0');
    expect(result.ok && result.sample).not.toHaveProperty('chargeForbidden');
    expect(result.problems).toHaveLength(1);
  });

  it('refuses a value the sample cannot hold instead of clipping it', () => {
    const soc300: CanFrame = { id: 0x355, extended: false, data: new Uint8Array([0x2c, 0x01, 0x64, 0x00]) };
    const frames = [...OLD_CYCLE.filter((f) => f.id !== 0x355), soc300];
    const result = assembleLvSample({ bus: 'can1', frames: received(frames) });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/^sample invalid: socPct/);
  });
});
