import {
  type CanFrame,
  decodeLvCanFrame,
  encodeLvCanFrame,
  encodeSlcanFrame,
  KEEP_ALIVE_305,
  SlcanLineParser,
} from '@fleet/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { BatteryString } from '../model/battery-string.js';
import { readString } from '../model/read-string.js';
import { Simulation, uniformStrings } from '../model/simulation.js';
import { LvCanResponder } from './lv-can-responder.js';

function setup(addresses = [1, 2], modules = 5) {
  const sim = new Simulation({
    strings: uniformStrings(addresses, 'H48050', modules),
    seed: 5,
    startTimeMs: 0,
  });
  sim.advance(13 * 3600);
  const written: string[] = [];
  const sut = new LvCanResponder({
    strings: () => sim.strings,
    write: (t) => written.push(t),
    faults: () => sim.faults.list(),
    logger: pino({ level: 'silent' }),
    random: () => 0,
  });
  const decoded = () =>
    new SlcanLineParser()
      .push(written.join(''))
      .flatMap((r) => (r.kind === 'frame' ? [r.frame] : []))
      .map((f: CanFrame) => decodeLvCanFrame(f))
      .flatMap((d) => (d.status === 'ok' ? [d.message] : []));
  return { sim, sut, written, decoded };
}
const enc = (s: string) => new TextEncoder().encode(s);

describe('LV Pylon CAN responder', () => {
  it('broadcasts nothing until the channel is open, then the six frames aggregated over the strings', () => {
    const { sim, sut, written, decoded } = setup();
    sut.broadcast();
    expect(written).toEqual([]);
    sut.receive(enc('O\r'));
    sut.broadcast();
    const msgs = decoded();
    expect(msgs.map((m) => m.type)).toEqual(['351', '355', '356', '359', '35C', '35E']);
    const packs = sim.strings.map((s: BatteryString) => readString(s).pack);
    expect(msgs[0]).toMatchObject({
      chargeCurrentLimitDa: packs.reduce((a, p) => a + p.chargeLimitDa, 0),
      dischargeCurrentLimitDa: packs.reduce((a, p) => a + p.dischargeLimitDa, 0),
    });
    expect(msgs[2]).toMatchObject({ batteryCurrentDa: packs.reduce((a, p) => a + p.packCurrentDa, 0) });
    expect(msgs[3]).toMatchObject({ moduleCount: 10, marker: 'PN', protectionRaw: 0 });
    expect(msgs[5]).toMatchObject({ text: 'PYLON   ' });
  });

  it('answers the 0x305 keep-alive with a burst and shows a protection in 0x359', () => {
    const { sim, sut, decoded } = setup();
    sim.faults.add({ type: 'cell-over-voltage', string: 2 }, sim.now);
    sim.applyFaults();
    sut.receive(enc(`O\r${encodeSlcanFrame(encodeLvCanFrame({ type: '305', ...KEEP_ALIVE_305 }))}`));
    const flags = decoded().find((m) => m.type === '359');
    expect(flags).toMatchObject({
      protections: { cellOverVoltage: true },
      alarms: { cellHighVoltage: true },
    });
    expect(decoded().find((m) => m.type === '35C')).toMatchObject({ chargeEnable: true });
    expect(sut.counters.keepAlives).toBe(1);
  });

  it('saturates 0x356 voltage instead of wrapping when a long string exceeds the s16 field', () => {
    const { sut, decoded } = setup([0], 15);
    sut.receive(enc('O\r'));
    sut.broadcast();
    expect(decoded().find((m) => m.type === '356')).toMatchObject({ batteryVoltageCv: 32767 });
    expect(sut.counters.voltageSaturated).toBe(1);
  });

  it('garbles its output under a garbled-frames fault', () => {
    const { sim, sut, written } = setup();
    sim.faults.add({ type: 'garbled-frames', interface: 'lv-can' }, sim.now);
    sut.receive(enc('O\r'));
    written.length = 0;
    sut.broadcast();
    const results = new SlcanLineParser().push(written.join(''));
    expect(results.filter((r) => r.kind === 'corrupt')).toHaveLength(6);
  });
});
