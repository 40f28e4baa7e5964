import {
  type CanFrame,
  decodeHvCanFrame,
  encodeHvCanFrame,
  encodeSlcanFrame,
  type HvCanMessage,
  MASK_COMM_FAILURE_8240,
  request4200,
  SlcanLineParser,
  sleep8200,
} from '@fleet/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { BatteryString } from '../model/battery-string.js';
import { readString } from '../model/read-string.js';
import { Simulation, uniformStrings } from '../model/simulation.js';
import { ReplyLog } from './reply-log.js';
import { SlcanResponder } from './slcan-responder.js';

function setup(addresses = [0]) {
  const simulation = new Simulation({
    strings: uniformStrings(addresses, 'H48050', 8),
    seed: 3,
    startTimeMs: 0,
  });
  simulation.advance(12 * 3600);
  const written: string[] = [];
  const replyLog = new ReplyLog(50);
  const sut = new SlcanResponder({
    strings: () => simulation.strings,
    replyLog,
    write: (t) => written.push(t),
    now: () => new Date('2026-11-25T12:00:00Z'),
    logger: pino({ level: 'silent' }),
    faults: () => simulation.faults.list(),
    random: () => 0,
    command: (address, command) => simulation.command(address, command),
  });
  const framesOut = (): CanFrame[] =>
    new SlcanLineParser().push(written.join('')).flatMap((r) => (r.kind === 'frame' ? [r.frame] : []));
  return { simulation, sut, written, replyLog, framesOut };
}

const poll = (kind: 'ensemble' | 'system' | 'cells') =>
  encodeSlcanFrame(encodeHvCanFrame({ type: '4200', ...request4200(kind) }));
const enc = (s: string) => new TextEncoder().encode(s);

describe('SlcanResponder', () => {
  it('acknowledges adapter commands and refuses frames until the channel is open', () => {
    const { sut, written } = setup();
    sut.receive(enc(`C\rS6\r${poll('ensemble')}O\rS6\rV\r`));
    expect(written).toEqual(['\r', '\r', '\x07', '\r', '\x07', 'V1013\r']);
    expect(sut.counters).toMatchObject({ polls: 0, framesIn: 1 });
  });

  it('answers an ensemble poll with 0x4210…0x4290 per address encoding exactly the current state', () => {
    const { sut, simulation, replyLog, framesOut } = setup([1, 2]);
    sut.receive(enc(`O\r${poll('ensemble')}`));
    const frames = framesOut();
    expect(frames.map((f) => f.id.toString(16))).toEqual([
      ...['4211', '4221', '4231', '4241', '4251', '4261', '4271', '4281', '4291'],
      ...['4212', '4222', '4232', '4242', '4252', '4262', '4272', '4282', '4292'],
    ]);
    const decoded = frames.map(decodeHvCanFrame);
    expect(decoded.every((d) => d.status === 'ok')).toBe(true);
    const pack = readString(simulation.string(2)!).pack;
    const msgs = decoded.flatMap((d) => (d.status === 'ok' && d.address === 2 ? [d.message] : []));
    expect(msgs.find((m) => m.type === '4210')).toMatchObject({
      packVoltageDv: pack.packVoltageDv,
      packCurrentDa: pack.packCurrentDa,
      bmsTempDc: pack.bmsTempDc,
      socPct: pack.socPct,
      sohPct: pack.sohPct,
    });
    expect(msgs.find((m) => m.type === '4220')).toMatchObject({
      chargeLimitDa: pack.chargeLimitDa,
      dischargeLimitDa: pack.dischargeLimitDa,
      dischargeLimitRaw: pack.dischargeLimitRaw,
    });
    expect(msgs.find((m) => m.type === '4230')).toMatchObject({
      cellMaxMv: pack.cellMaxMv,
      cellMinNo: pack.cellMinNo,
    });
    expect(msgs.find((m) => m.type === '4240')).toMatchObject({ cellTempMaxDc: pack.cellTempMaxDc });
    expect(msgs.find((m) => m.type === '4250')).toMatchObject({
      state: pack.state,
      statusByte: pack.statusByte,
    });
    expect(msgs.find((m) => m.type === '4280')).toMatchObject({
      chargeForbidden: pack.chargeForbidden,
      dischargeForbidden: pack.dischargeForbidden,
    });
    expect(replyLog.newestFirst().map((r) => r.bmsAddress)).toEqual([2, 1]);
    expect(replyLog.newestFirst()[0]).toEqual({ at: '2026-11-25T12:00:00.000Z', bmsAddress: 2, pack });
    expect(sut.counters.polls).toBe(1);
  });

  it('answers a system poll with versions, composition and the manufacturer name', () => {
    const { sut, framesOut } = setup([0]);
    sut.receive(enc(`O\r${poll('system')}`));
    const msgs = framesOut()
      .map(decodeHvCanFrame)
      .flatMap((d) => (d.status === 'ok' ? [d.message] : []));
    expect(msgs.map((m) => m.type)).toEqual(['7310', '7320', '7330', '7340']);
    expect(msgs[1]).toMatchObject({ totalCells: 120, moduleCount: 8, cellsPerModule: 15, capacityAh: 50 });
    expect(msgs.slice(2).map((m) => ('text' in m ? m.text : ''))).toEqual(['PYLONTEC', 'H']);
  });
});

describe('SlcanResponder: bad input, faults and listen-only', () => {
  it('counts garbage and unsupported polls and keeps answering', () => {
    const { sut, replyLog } = setup();
    sut.receive(enc(`O\r\xff\xfegarbage\r${poll('cells')}T12345\r${poll('ensemble')}`));
    expect(sut.counters).toEqual({ polls: 2, framesIn: 2, corrupt: 2, ignored: 1, commands: 0 });
    expect(replyLog.newestFirst()).toHaveLength(1);
  });

  it('stays silent for a string under bms-silence and garbles lines under garbled-frames', () => {
    const { sut, simulation, framesOut, written } = setup([1, 2]);
    simulation.faults.add({ type: 'bms-silence', string: 1 }, simulation.now);
    sut.receive(enc(`O\r${poll('ensemble')}`));
    expect(new Set(framesOut().map((f) => f.id & 0xf))).toEqual(new Set([2]));
    simulation.faults.clear();
    simulation.faults.add({ type: 'garbled-frames', interface: 'hv-can' }, simulation.now);
    written.length = 0;
    sut.receive(enc(poll('ensemble')));
    const results = new SlcanLineParser().push(written.join(''));
    expect(results.filter((r) => r.kind === 'corrupt')).toHaveLength(18);
  });

  it('in listen-only mode emits the inverter poll and the replies unasked, once the channel is open', () => {
    const { sut, written, replyLog } = setup([0]);
    sut.emitUnasked();
    expect(written).toEqual([]);
    sut.receive(enc('L\r'));
    sut.emitUnasked();
    const frames = new SlcanLineParser()
      .push(written.join(''))
      .flatMap((r) => (r.kind === 'frame' ? [r.frame] : []));
    expect(frames.map((f) => f.id.toString(16))).toEqual([
      '4200',
      '4210',
      '4220',
      '4230',
      '4240',
      '4250',
      '4260',
      '4270',
      '4280',
      '4290',
    ]);
    expect(replyLog.newestFirst()).toHaveLength(1);
    for (let i = 0; i < 9; i += 1) {
      sut.emitUnasked();
    }
    expect(written.join('')).toContain('T000073208');
  });
});

describe('SlcanResponder: PCS commands 0x8200 / 0x8210 / 0x8240', () => {
  const send = (m: HvCanMessage, address: number) => encodeSlcanFrame(encodeHvCanFrame(m, address));

  it('puts a string to sleep and wakes it, answers 0x8240 with an accepted 0x8250', () => {
    const { sut: responder, simulation, framesOut } = setup([1, 2]);
    responder.receive(enc(`O\r${send({ type: '8200', ...sleep8200('enterSleep') }, 2)}`));
    expect(readString(simulation.string(2) as BatteryString).pack).toMatchObject({
      state: 'sleep',
      packCurrentDa: 0,
      chargeForbidden: true,
    });
    responder.receive(enc(send({ type: '8200', ...sleep8200('quitSleep') }, 2)));
    expect(simulation.string(2)?.sleeping).toBe(false);
    responder.receive(enc(send({ type: '8240', ...MASK_COMM_FAILURE_8240 }, 1)));
    const reply = framesOut()
      .map(decodeHvCanFrame)
      .find((d) => d.status === 'ok' && d.message.type === '8250');
    expect(reply).toMatchObject({ address: 1, message: { reply: 'accepted', replyRaw: 0xaa } });
  });

  it('lets a charge command through an under-voltage protection, charging only', () => {
    const { simulation } = setup([1]);
    simulation.faults.add({ type: 'cell-under-voltage', string: 1 }, simulation.now);
    simulation.applyFaults();
    expect(simulation.command(1, 'discharge')).toBe(true);
    expect(simulation.string(1)?.override).toBeUndefined();
    simulation.command(1, 'charge');
    const pack = readString(simulation.string(1) as BatteryString).pack;
    expect(pack).toMatchObject({ chargeForbidden: false, dischargeForbidden: true });
    expect(pack.chargeLimitDa).toBeGreaterThan(0);
    expect(simulation.command(9, 'charge')).toBe(false);
  });
});
