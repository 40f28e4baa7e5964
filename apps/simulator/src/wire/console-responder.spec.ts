import {
  CONSOLE_DEBUG_PROMPT,
  parseBat,
  parseGetpwr,
  parseInfo,
  parseLoginReply,
  parsePwr,
  parseUnit,
  splitConsoleResponse,
} from '@fleet/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { BatteryString } from '../model/battery-string.js';
import { readString } from '../model/read-string.js';
import { Simulation, uniformStrings } from '../model/simulation.js';
import { ConsoleResponder } from './console-responder.js';

function setup() {
  const sim = new Simulation({ strings: uniformStrings([0], 'H48050', 5), seed: 4, startTimeMs: 0 });
  sim.advance(12 * 3600);
  const written: string[] = [];
  const sut = new ConsoleResponder({
    strings: () => sim.strings,
    write: (t) => written.push(t),
    faults: () => sim.faults.list(),
    logger: pino({ level: 'silent' }),
  });
  const say = (line: string) => {
    written.length = 0;
    sut.receive(new TextEncoder().encode(`${line}\n`));
    return written.join('');
  };
  const readings = () => readString(sim.string(0) as BatteryString);
  return { sim, sut, say, readings };
}

describe('SC console responder', () => {
  it('prints pwr, unit, bat and info that the protocol parsers read back to the model values', () => {
    const { say, readings } = setup();
    const r = readings();
    const pwr = parsePwr(splitConsoleResponse(say('pwr')).body);
    expect(pwr.status === 'ok' && pwr.value.pack).toMatchObject({
      voltageMv: r.pack.packVoltageDv * 100,
      currentDa: r.pack.packCurrentDa,
      cellVoltLowMv: r.pack.cellMinMv,
      cellVoltHighMv: r.pack.cellMaxMv,
      socPct: r.pack.socPct,
    });
    const units = parseUnit(splitConsoleResponse(say('unit')).body);
    expect(units.status === 'ok' && units.value.map((u) => u.voltageMv)).toEqual(
      r.cellsMv.map((cells) => cells.reduce((a, b) => a + b, 0)),
    );
    const bat = parseBat(splitConsoleResponse(say('bat')).body);
    expect(bat.status === 'ok' && bat.value.cells.map((c) => c.voltageMv)).toEqual(r.cellsMv.flat());
    const info = parseInfo(splitConsoleResponse(say('info')).body);
    expect(info.status === 'ok' && info.value).toMatchObject({ cellNumber: 75, barcode: 'SIMSC1000ADD01' });
    expect(info.status === 'ok' && info.value.moduleBarcodes).toHaveLength(5);
  });

  it('needs login debug and the right tbar before getpwr', () => {
    const { say, readings } = setup();
    expect(splitConsoleResponse(say('getpwr')).body).toEqual(['Permission denied']);
    expect(parseLoginReply('login', say('login debug'))).toBe('debug-prompt');
    expect(parseLoginReply('tbar', say('tbar WRONG'))).toBe('refused');
    expect(parseLoginReply('tbar', say('tbar SIMSC1000ADD01'))).toBe('authorised');
    const reply = splitConsoleResponse(say('getpwr'));
    expect(reply.prompt).toBe(CONSOLE_DEBUG_PROMPT);
    const parsed = parseGetpwr(reply.body);
    expect(parsed.status === 'ok' && parsed.value.cells.map((c) => c.voltageMv)).toEqual(
      readings().cellsMv.flat(),
    );
  });

  it('shows a protection in the state words and answers unknown commands', () => {
    const { say, sim } = setup();
    sim.faults.add({ type: 'cell-over-voltage', string: 0 }, sim.now);
    sim.applyFaults();
    const pwr = parsePwr(splitConsoleResponse(say('pwr')).body);
    expect(pwr.status === 'ok' && pwr.value.pack).toMatchObject({ baseState: 'Protect', voltState: 'BHV' });
    expect(splitConsoleResponse(say('frobnicate')).body).toEqual(['Unknown command']);
  });
});
