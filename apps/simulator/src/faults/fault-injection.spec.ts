import { ALARM_PROTECTION_BITS, decodeBitFlags, ERROR_BITS } from '@fleet/protocol';
import { describe, expect, it } from 'vitest';
import { RECOVERY_S } from '../bms/bms-state-machine.js';
import { faultRoutes } from '../control/fault-routes.js';
import { type BatteryString, cellCapacityAs } from '../model/battery-string.js';
import { readString } from '../model/read-string.js';
import { Simulation, uniformStrings } from '../model/simulation.js';
import type { FaultInput } from './fault.schema.js';
import { garbleFraction, isSilent, wrongChecksumFraction } from './fault-effects.js';

const on = (word: number) =>
  Object.entries(decodeBitFlags(ALARM_PROTECTION_BITS, word))
    .filter(([, v]) => v)
    .map(([k]) => k);

function setup() {
  const sim = new Simulation({ strings: uniformStrings([1, 2], 'H48050', 5), seed: 11, startTimeMs: 0 });
  sim.advance(60);
  const inject = (input: FaultInput) => {
    const r = sim.faults.add(input, sim.now);
    if (!r.ok) {
      throw new Error(r.message);
    }
    sim.applyFaults();
    return r.fault.id;
  };
  const pack = (address = 2) => readString(sim.string(address) as BatteryString).pack;
  return { sim, inject, pack };
}

describe('fault injection into the model', () => {
  it('shows a cell over-voltage at once (alarm + protection, relay open, forbidden) and clears it with recovery', () => {
    const { sim, inject, pack } = setup();
    const id = inject({ type: 'cell-over-voltage', string: 2, module: 3, cell: 4 });
    expect(on(pack().alarmBits)).toEqual(['cellHighVoltage']);
    expect(on(pack().protectionBits)).toEqual(['cellHighVoltage']);
    expect(pack()).toMatchObject({
      cellMaxMv: 3700,
      cellMaxNo: 3 * 15 + 4,
      chargeForbidden: true,
      dischargeForbidden: true,
    });
    sim.advance(60);
    expect(pack().packCurrentDa).toBe(0);
    expect(pack(1).protectionBits).toBe(0);

    sim.faults.remove(id);
    sim.applyFaults();
    expect(pack()).toMatchObject({ alarmBits: 0, protectionBits: 0, chargeForbidden: true });
    expect(sim.string(2)?.bms.state).toBe('recovering');
    sim.advance(RECOVERY_S);
    expect(sim.string(2)?.bms).toMatchObject({ state: 'normal', relayClosed: true });
  });

  it('maps the other physical faults to their bits', () => {
    const cases: [FaultInput, (p: ReturnType<typeof readString>['pack']) => void][] = [
      [
        { type: 'cell-under-voltage', string: 2 },
        (p) => expect(on(p.protectionBits)).toContain('cellLowVoltage'),
      ],
      [
        { type: 'over-temperature', string: 2, module: 1 },
        (p) => expect(on(p.protectionBits)).toEqual(['chargeCellHighTemp', 'dischargeCellHighTemp']),
      ],
      [
        { type: 'internal-comm-error', string: 2 },
        (p) => expect(decodeBitFlags(ERROR_BITS, p.errorBits).internalCommunicationError).toBe(true),
      ],
      [
        { type: 'relay-fault', string: 2 },
        (p) => expect(decodeBitFlags(ERROR_BITS, p.errorBits).relayCheckError).toBe(true),
      ],
    ];
    for (const [input, check] of cases) {
      const { inject, pack } = setup();
      inject(input);
      check(pack());
      expect(pack()).toMatchObject({ chargeForbidden: true, dischargeForbidden: true });
    }
  });

  it('trips discharge over-current when the site pulls past the limits', () => {
    const { sim, inject, pack } = setup();
    inject({ type: 'over-current', string: 2, value: -80 });
    sim.advance(1);
    expect(on(pack().protectionBits)).toContain('dischargeOverCurrent');
    expect(pack().packCurrentDa).toBe(0);
  });
});

describe('fault injection: modules, drift, expiry and wire faults', () => {
  it('drops a module out of the cell table and raises an internal communication error', () => {
    const { inject, pack, sim } = setup();
    inject({ type: 'module-dropout', string: 2, module: 0 });
    const r = readString(sim.string(2) as BatteryString);
    expect(r.cellsMv[0]?.every((mv) => mv === 0)).toBe(true);
    expect(r.pack.cellMinMv).toBeGreaterThan(2000);
    expect(r.pack.cellMinNo).toBeGreaterThanOrEqual(15);
    expect(decodeBitFlags(ERROR_BITS, pack().errorBits).internalCommunicationError).toBe(true);
  });

  it('lets a weak cell drift away and a drifting sensor walk off with time', () => {
    const { sim, inject } = setup();
    inject({ type: 'weak-cell', string: 2, module: 1, cell: 2, severity: 0.5 });
    const s = sim.string(2) as BatteryString;
    expect(cellCapacityAs(s, 1, 2)).toBeCloseTo(
      (s.modules[1]?.[2]?.ratedCapacityAs ?? 0) * s.sohFraction * 0.5,
      6,
    );
    const gap = (x: BatteryString) => Math.abs((x.modules[1]?.[2]?.soc ?? 0) - (x.modules[1]?.[3]?.soc ?? 0));
    const gapBefore = gap(s);
    inject({ type: 'drifting-sensor', string: 1, module: 0, cell: 0, value: 600 });
    const before = readString(sim.string(1) as BatteryString).cellsMv[0]?.[0] ?? 0;
    sim.advance(3600);
    expect(gap(sim.string(2) as BatteryString)).toBeGreaterThan(gapBefore + 0.01);
    const after = readString(sim.string(1) as BatteryString).cellsMv[0]?.[0] ?? 0;
    expect(after - before).toBeGreaterThan(400);
  });

  it('expires a fault after its duration on the simulated clock', () => {
    const { sim, inject } = setup();
    inject({ type: 'cell-over-voltage', string: 1, durationS: 120 });
    sim.advance(60);
    expect(sim.faults.list()).toHaveLength(1);
    sim.advance(120);
    expect(sim.faults.list()).toHaveLength(0);
  });

  it('scopes wire faults by string and interface', () => {
    const { sim } = setup();
    sim.faults.add({ type: 'bms-silence', string: 1, interface: 'hv-can' }, sim.now);
    sim.faults.add({ type: 'garbled-frames', interface: 'lv-can', severity: 0.25 }, sim.now);
    sim.faults.add({ type: 'wrong-checksums' }, sim.now);
    const faults = sim.faults.list();
    expect([
      isSilent(faults, 1, 'hv-can'),
      isSilent(faults, 2, 'hv-can'),
      isSilent(faults, 1, 'rs485'),
    ]).toEqual([true, false, false]);
    expect([garbleFraction(faults, 'lv-can'), garbleFraction(faults, 'hv-can')]).toEqual([0.25, 0]);
    expect(wrongChecksumFraction(faults)).toBe(1);
  });
});

describe('/faults routes', () => {
  const routes = () => {
    const sim = new Simulation({ strings: uniformStrings([1, 2], 'H48050', 5), seed: 11, startTimeMs: 0 });
    const all = faultRoutes(sim);
    const call = (method: string, path: string, body?: unknown, params: Record<string, string> = {}) =>
      all.find((r) => r.method === method && r.path === path)?.handle({ body, params });
    return { sim, call };
  };

  it('answers 400 naming the bad field', () => {
    const { call } = routes();
    expect(call('POST', '/faults', { type: 'cell-over-voltage', module: 'three' })).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/^module: /) },
    });
    expect(call('POST', '/faults', { type: 'meltdown' })?.body).toMatchObject({
      message: expect.stringMatching(/^type: must be one of/),
    });
    expect(call('POST', '/faults', { type: 'weak-cell', colour: 'red' })?.body).toMatchObject({
      message: 'unknown field(s): colour',
    });
    expect(call('POST', '/faults', { type: 'weak-cell', string: 7 })?.body).toMatchObject({
      field: 'string',
    });
    expect(call('POST', '/faults', { type: 'weak-cell', string: 1, module: 9 })?.body).toMatchObject({
      field: 'module',
    });
    expect(call('POST', '/faults', undefined)?.status).toBe(400);
  });

  it('adds, lists, removes one and removes all', () => {
    const { call } = routes();
    const a = call('POST', '/faults', { type: 'relay-fault', string: 1 });
    call('POST', '/faults', { type: 'bms-silence' });
    expect(a).toMatchObject({ status: 201, body: { id: 'f1' } });
    expect(call('GET', '/faults')?.body).toMatchObject({
      faults: [{ id: 'f1' }, { id: 'f2', string: undefined }],
    });
    expect(call('DELETE', '/faults/:id', undefined, { id: 'f1' })?.status).toBe(200);
    expect(call('DELETE', '/faults/:id', undefined, { id: 'f1' })?.status).toBe(404);
    expect(call('DELETE', '/faults')?.body).toEqual({ removed: 1 });
  });
});
