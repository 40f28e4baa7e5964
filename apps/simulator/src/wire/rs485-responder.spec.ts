import {
  decodeAlarmInfo44,
  decodeAnalogValues42,
  decodeChargeManagement92,
  decodeSerialNumber93,
  decodeSystemParameters47,
  encodeRs485Frame,
  encodeRs485Request,
  groupRequest,
  moduleRequest,
  plainRequest,
  Rs485StreamParser,
} from '@fleet/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { BatteryString } from '../model/battery-string.js';
import { readString } from '../model/read-string.js';
import { Simulation, uniformStrings } from '../model/simulation.js';
import { Rs485Responder } from './rs485-responder.js';

/** CHKSUM written again here, independently of @fleet/protocol: two's complement of the character sum. */
function checksumOk(frame: string): boolean {
  const body = frame.slice(1, -5);
  let sum = 0;
  for (const ch of body) {
    sum += ch.charCodeAt(0);
  }
  const expected = ((~sum + 1) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
  return frame.slice(-5, -1) === expected;
}

function setup() {
  const sim = new Simulation({ strings: uniformStrings([0, 1], 'H48074', 5), seed: 9, startTimeMs: 0 });
  sim.advance(12 * 3600);
  const written: string[] = [];
  const sut = new Rs485Responder({
    strings: () => sim.strings,
    write: (t) => written.push(t),
    faults: () => sim.faults.list(),
    logger: pino({ level: 'silent' }),
    random: () => 0,
  });
  const ask = (text: string) => {
    written.length = 0;
    sut.receive(new TextEncoder().encode(text));
    return [...written];
  };
  const frames = (out: string[]) =>
    new Rs485StreamParser().push(out.join('')).flatMap((r) => (r.kind === 'frame' ? [r.frame] : []));
  return { sim, sut, ask, frames };
}

describe('RS485 V3.3 responder', () => {
  it('answers R1 (0x42, ADR 2) with module 2 of the first string, exactly its cells, and a valid checksum', () => {
    const { sim, ask, frames } = setup();
    const out = ask('~20024642E00202FD33\r');
    expect(out).toHaveLength(1);
    expect(checksumOk(out[0] ?? '')).toBe(true);
    const [frame] = frames(out);
    expect(frame).toMatchObject({ adr: 2, cid2: 0 });
    const decoded = decodeAnalogValues42(frame?.info ?? new Uint8Array());
    expect(decoded.status).toBe('ok');
    const s = sim.string(0) as BatteryString;
    const value = decoded.status === 'ok' ? decoded.value : undefined;
    expect(value?.commandValue).toBe(2);
    expect(value?.modules[0]?.cellVoltagesMv).toEqual(readString(s).cellsMv[1]);
    expect(value?.modules[0]?.currentDa).toBe(readString(s).pack.packCurrentDa);
    // 74 Ah modules use the 3-byte capacity fields (user items 4).
    expect(value?.modules[0]).toMatchObject({ userItemCount: 4, remainingCapacity16Mah: 0xffff });
    expect(value?.modules[0]?.totalCapacityMah).toBeGreaterThan(70_000);
  });

  it('answers a whole-group query (INFO 0xFF) for the second string with every module', () => {
    const { ask, frames } = setup();
    const [frame] = frames(ask(encodeRs485Request(groupRequest('analogValues', 1))));
    const decoded = decodeAnalogValues42(frame?.info ?? new Uint8Array());
    expect(decoded.status === 'ok' && decoded.value.modules.length).toBe(5);
    expect(decoded.status === 'ok' && decoded.value.commandValue).toBe(5);
  });

  it('answers 0x44, 0x47, 0x92, 0x93 and 0x4F', () => {
    const { ask, frames, sim } = setup();
    const adr = 0x13; // string 1, module 3
    const one = (text: string) => frames(ask(text))[0];
    const alarm = decodeAlarmInfo44(
      one(encodeRs485Request(moduleRequest('alarmInfo', adr)))?.info ?? new Uint8Array(),
    );
    expect(alarm.status === 'ok' && alarm.value.cellStates).toHaveLength(15);
    expect(alarm.status === 'ok' && alarm.value.switches).toMatchObject({
      chargeMosfetOn: true,
      dischargeMosfetOn: true,
    });
    const params = decodeSystemParameters47(
      one(encodeRs485Request(plainRequest('systemParameters', adr, true)))?.info ?? new Uint8Array(),
    );
    expect(params.status === 'ok' && params.value.cellHighVoltageMv).toBe(3650);
    const cm = decodeChargeManagement92(
      one(encodeRs485Request(moduleRequest('chargeManagement', adr)))?.info ?? new Uint8Array(),
    );
    const pack = readString(sim.string(1) as BatteryString).pack;
    expect(cm.status === 'ok' && cm.value).toMatchObject({
      chargeCurrentLimitDa: pack.chargeLimitDa,
      dischargeCurrentLimitDa: -pack.dischargeLimitDa,
    });
    const sn = decodeSerialNumber93(
      one(encodeRs485Request(moduleRequest('serialNumber', adr)))?.info ?? new Uint8Array(),
    );
    expect(sn.status === 'ok' && sn.value.serialNumber).toBe('SIMADD02MOD03');
    expect(one(encodeRs485Request(plainRequest('protocolVersion', adr)))).toMatchObject({
      ver: 0x20,
      cid2: 0,
    });
  });
});

describe('RS485 V3.3 responder: errors and faults', () => {
  it('answers RTN 0x02 to a bad checksum, 0x04 to an unknown command, nothing for a foreign ADR', () => {
    const { ask, frames, sut } = setup();
    expect(frames(ask('~20024642E00202FD34\r'))[0]).toMatchObject({ adr: 2, cid2: 0x02 });
    const unknown = encodeRs485Frame({
      ver: 0x20,
      adr: 0x02,
      cid1: 0x46,
      cid2: 0xee,
      info: Uint8Array.of(2),
    });
    expect(frames(ask(unknown))[0]).toMatchObject({ adr: 2, cid2: 0x04 });
    expect(ask(encodeRs485Request(moduleRequest('analogValues', 0x27)))).toEqual([]);
    expect(ask(encodeRs485Request(moduleRequest('analogValues', 0x09)))).toEqual([]);
    expect(sut.counters.corrupt).toBe(1);
  });

  it('answers 0x91 for a dropped module, breaks checksums and goes silent under faults', () => {
    const { sim, ask, frames } = setup();
    sim.faults.add({ type: 'module-dropout', string: 0, module: 1 }, sim.now);
    sim.applyFaults();
    expect(frames(ask('~20024642E00202FD33\r'))[0]).toMatchObject({ cid2: 0x91 });
    sim.faults.clear();
    sim.applyFaults();
    sim.faults.add({ type: 'wrong-checksums' }, sim.now);
    const broken = ask('~20024642E00202FD33\r');
    expect(checksumOk(broken[0] ?? '')).toBe(false);
    expect(new Rs485StreamParser().push(broken.join(''))[0]).toMatchObject({
      kind: 'corrupt',
      reason: 'bad-checksum',
    });
    sim.faults.clear();
    sim.faults.add({ type: 'bms-silence', string: 0, interface: 'rs485' }, sim.now);
    expect(ask('~20024642E00202FD33\r')).toEqual([]);
  });
});
