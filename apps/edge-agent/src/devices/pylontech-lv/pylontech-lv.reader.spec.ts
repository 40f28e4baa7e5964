import type { CanFrame } from '@fleet/protocol';
import type { CompositionEvent, PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { FakeBus, FakeClock, silentLogger } from '../../../test/fakes.js';
import { NEW_CYCLE, OLD_CYCLE } from '../../../test/lv-cycles.js';
import type { BusMode } from '../../bus/slcan-transport.js';
import { PylontechLvReader } from './pylontech-lv.reader.js';

const KEEP_ALIVE = { id: 0x305, extended: false, data: new Uint8Array(8) };

function setup(mode: BusMode, answer: (frame: CanFrame) => CanFrame[] = () => []) {
  const clock = new FakeClock();
  const bus = new FakeBus(clock, answer);
  const batches: PackSample[][] = [];
  const compositions: CompositionEvent[] = [];
  const sut = new PylontechLvReader(
    {
      bus,
      clock,
      logger: silentLogger,
      onSamples: (samples) => batches.push(samples),
      onComposition: (event) => compositions.push(event),
    },
    { busName: 'can1', mode, cycleWindowMs: 400 },
  );
  const deliver = (frames: CanFrame[]) => {
    for (const frame of frames) {
      bus.deliver(frame);
    }
  };
  return { sut, bus, clock, batches, compositions, deliver };
}

describe('PylontechLvReader', () => {
  it('listen-only: turns each broadcast cycle into one sample and never sends a frame', async () => {
    const { sut, bus, batches, deliver } = setup('listen-only');
    expect(await sut.step()).toBe('listen'); // a quiet bus: nothing sent either
    deliver([KEEP_ALIVE, ...OLD_CYCLE]); // an inverter's keep-alive is foreign, not part of the cycle
    expect(await sut.step()).toBe('collect');
    expect(await sut.step()).toBe('assemble');
    expect(await sut.step()).toBe('listen');
    expect(batches.map((b) => b.map((s) => [s.bus, s.bmsAddress, s.socPct, s.packVoltageDv]))).toEqual([
      [['can1', 0, 26, 487]],
    ]);
    expect(sut.counters).toMatchObject({ cycles: 1, samples: 1, foreign: 1, keepAlivesSent: 0 });
    expect(bus.sent).toEqual([]);
  });

  it('active: sends the all-zero 0x305 keep-alive once a second and reads the answer', async () => {
    const { sut, bus, clock, batches } = setup('active', (frame) => (frame.id === 0x305 ? OLD_CYCLE : []));
    const start = clock.ms;
    for (let i = 0; i < 8 && sut.counters.samples < 2; i += 1) {
      await sut.step();
    }
    expect(bus.sent.map((f) => [f.id, f.extended, [...f.data]])).toEqual([
      [0x305, false, [0, 0, 0, 0, 0, 0, 0, 0]],
      [0x305, false, [0, 0, 0, 0, 0, 0, 0, 0]],
    ]);
    expect(clock.ms - start).toBeGreaterThanOrEqual(1000);
    expect(batches.flat().map((s) => s.socPct)).toEqual([26, 26]);
  });

  it('splits back-to-back cycles where an id repeats, without waiting for the window', async () => {
    const { sut, batches, deliver } = setup('listen-only');
    deliver([...OLD_CYCLE, ...NEW_CYCLE]);
    for (let i = 0; i < 6 && sut.counters.cycles < 2; i += 1) {
      await sut.step();
    }
    expect(batches.flat().map((s) => s.socPct)).toEqual([26, 84]);
  });

  it('publishes the composition when first seen and when it changes, not every cycle', async () => {
    const { sut, compositions, deliver } = setup('listen-only');
    const cycle = async (frames: CanFrame[]) => {
      deliver(frames);
      await sut.step();
      await sut.step();
      await sut.step();
    };
    await cycle(OLD_CYCLE);
    await cycle(OLD_CYCLE);
    const nineModules = OLD_CYCLE.map((f) =>
      f.id === 0x359 ? { ...f, data: Uint8Array.from([0, 0, 0, 0, 9, 0x50, 0x4e]) } : f,
    );
    await cycle(nineModules);
    expect(compositions.map((c) => [c.protocol, c.bus, c.bmsAddress, c.moduleCount, c.manufacturer])).toEqual(
      [
        ['lv-can', 'can1', 0, 10, 'PYLON'],
        ['lv-can', 'can1', 0, 9, 'PYLON'],
      ],
    );
  });

  it('counts a cycle it cannot use and frames of the wrong length, and keeps reading', async () => {
    const { sut, batches, deliver } = setup('listen-only');
    const short = { id: 0x356, extended: false, data: new Uint8Array([1, 2]) };
    deliver([...OLD_CYCLE.filter((f) => f.id !== 0x356), short]);
    await sut.step();
    await sut.step();
    await sut.step();
    expect(sut.counters).toMatchObject({ badCycles: 1, corruptFrames: 1, samples: 0 });
    deliver(OLD_CYCLE);
    await sut.step();
    await sut.step();
    await sut.step();
    expect(batches.flat()).toHaveLength(1);
  });
});
