import { type CanFrame, encodeHvCanFrame, request4200 } from '@fleet/protocol';
import type { PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { ensembleBurst, PACK } from '../../../test/burst.js';
import { FakeBus, FakeClock, silentLogger } from '../../../test/fakes.js';
import { PylontechHvListener } from './pylontech-hv.listener.js';

const poll = (kind: 'ensemble' | 'system') => encodeHvCanFrame({ type: '4200', ...request4200(kind) });
const composition = (address: number) =>
  encodeHvCanFrame(
    {
      type: '7320',
      totalCells: 150,
      moduleCount: 10,
      cellsPerModule: 15,
      nominalVoltageV: 480,
      capacityAh: 74,
    },
    address,
  );

function setup() {
  const clock = new FakeClock();
  const bus = new FakeBus(clock);
  const batches: PackSample[][] = [];
  const sut = new PylontechHvListener(
    { bus, clock, logger: silentLogger, onSamples: (samples) => batches.push(samples) },
    { busName: 'can1', replyWindowMs: 400 },
  );
  const deliver = (frames: CanFrame[]) => {
    for (const frame of frames) {
      bus.deliver(frame);
    }
  };
  return { sut, bus, clock, batches, deliver };
}

describe('PylontechHvListener (listen-only)', () => {
  it('turns the burst after an inverter poll into one sample per address and never transmits', async () => {
    const { sut, bus, batches, deliver } = setup();
    expect(sut.current).toBe('listen');
    deliver([poll('ensemble'), ...ensembleBurst(2), ...ensembleBurst(1)]);
    expect(await sut.step()).toBe('collect');
    expect(await sut.step()).toBe('assemble');
    expect(await sut.step()).toBe('listen');
    expect(batches.map((b) => b.map((s) => [s.bmsAddress, s.bus, s.socPct]))).toEqual([
      [
        [1, 'can1', PACK.socPct],
        [2, 'can1', PACK.socPct],
      ],
    ]);
    expect(sut.counters).toMatchObject({ requests: { ensemble: 1 }, bursts: 1, samples: 2 });
    expect(bus.sent).toEqual([]);
  });

  it('stays in listen while the bus is quiet, without transmitting', async () => {
    const { sut, bus, batches } = setup();
    for (let i = 0; i < 5; i += 1) {
      expect(await sut.step()).toBe('listen');
    }
    expect(batches).toEqual([]);
    expect(bus.sent).toEqual([]);
  });

  it('opens a burst at the first reply frame when the poll itself was missed', async () => {
    const { sut, batches, deliver } = setup();
    deliver(ensembleBurst(3));
    expect(await sut.step()).toBe('collect');
    await sut.step();
    await sut.step();
    expect(batches.flat().map((s) => s.bmsAddress)).toEqual([3]);
    expect(sut.counters.requests.ensemble).toBe(0);
  });

  it('splits bursts at the reply window of the first frame and at the next poll', async () => {
    const { sut, clock, batches, deliver } = setup();
    deliver(ensembleBurst(0));
    clock.ms += 500; // past the window: the next frames are another burst
    deliver(ensembleBurst(0));
    deliver([poll('ensemble'), ...ensembleBurst(0)]);
    for (let i = 0; i < 6 && sut.counters.bursts < 3; i += 1) {
      await sut.step();
    }
    expect(batches).toHaveLength(3);
    expect(batches.map((b) => b[0]?.ts)).toEqual([
      new Date(clock.ms - 500 - 400).toISOString(),
      new Date(clock.ms - 400).toISOString(),
      new Date(clock.ms - 400).toISOString(),
    ]);
  });

  it('learns the string composition when the inverter asks for system information', async () => {
    const { sut, batches, deliver } = setup();
    deliver([poll('system'), composition(1), composition(2)]);
    await sut.step();
    await sut.step();
    expect(await sut.step()).toBe('listen');
    expect(sut.strings.get(2)?.composition).toMatchObject({ moduleCount: 10, capacityAh: 74 });
    expect(batches).toEqual([]);
    expect(sut.counters.requests.system).toBe(1);
  });

  it('counts a poll nobody answered and frames of the wrong length, and keeps reading', async () => {
    const { sut, batches, deliver } = setup();
    deliver([poll('ensemble')]);
    await sut.step();
    await sut.step();
    await sut.step();
    expect(sut.counters.silentRequests).toBe(1);
    const short = { id: 0x4211, extended: true, data: new Uint8Array([1, 2, 3]) };
    deliver([poll('ensemble'), short, ...ensembleBurst(1).slice(1)]);
    await sut.step();
    await sut.step();
    await sut.step();
    expect(sut.counters).toMatchObject({ corruptFrames: 1, badBursts: 1 });
    deliver([poll('ensemble'), ...ensembleBurst(1)]);
    await sut.step();
    await sut.step();
    await sut.step();
    expect(batches.flat().map((s) => s.bmsAddress)).toEqual([1]);
  });
});
