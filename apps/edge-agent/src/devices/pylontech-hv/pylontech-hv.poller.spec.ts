import { type CanFrame, decodeHvCanFrame, encodeHvCanFrame } from '@fleet/protocol';
import type { PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { ensembleBurst, PACK } from '../../../test/burst.js';
import { FakeBus, FakeClock, silentLogger } from '../../../test/fakes.js';
import { PylontechHvPoller } from './pylontech-hv.poller.js';

const composition = (address: number) =>
  encodeHvCanFrame(
    {
      type: '7320',
      totalCells: 120,
      moduleCount: 8,
      cellsPerModule: 15,
      nominalVoltageV: 384,
      capacityAh: 50,
    },
    address,
  );

/** A bus with strings at `addresses` answering both polls. */
function setup(addresses: number[], options: Partial<{ pollMs: number; discoverMs: number }> = {}) {
  const clock = new FakeClock();
  const answer = (frame: CanFrame): CanFrame[] => {
    const decoded = decodeHvCanFrame(frame);
    if (decoded.status !== 'ok' || decoded.message.type !== '4200') {
      return [];
    }
    return decoded.message.kind === 'system'
      ? addresses.map(composition)
      : addresses.flatMap((a) => ensembleBurst(a));
  };
  const bus = new FakeBus(clock, answer);
  const batches: PackSample[][] = [];
  const sut = new PylontechHvPoller(
    { bus, clock, logger: silentLogger, onSamples: (samples) => batches.push(samples) },
    { busName: 'can1', pollMs: 2000, replyWindowMs: 400, discoverMs: 300_000, ...options },
  );
  return { sut, bus, clock, batches };
}

const pollKinds = (bus: FakeBus) => bus.sent.map((f) => f.data[0]);

describe('PylontechHvPoller', () => {
  it('discovers first, then polls, collects one sample per address, and idles', async () => {
    const { sut, bus, batches } = setup([1, 2]);
    expect(sut.current).toBe('discover');
    expect(await sut.step()).toBe('poll');
    expect(sut.strings.get(2)?.composition).toMatchObject({ moduleCount: 8, capacityAh: 50 });
    expect(await sut.step()).toBe('collect');
    expect(await sut.step()).toBe('idle');
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((s) => [s.bmsAddress, s.bus, s.socPct])).toEqual([
      [1, 'can1', PACK.socPct],
      [2, 'can1', PACK.socPct],
    ]);
    expect(pollKinds(bus)).toEqual([2, 0]);
    expect(bus.sent.every((f) => f.id === 0x4200 && f.extended)).toBe(true);
  });

  it('paces polls by --poll-ms from the start of each cycle', async () => {
    const { sut, clock } = setup([0]);
    await sut.step(); // discover
    const cycleStart = clock.ms;
    await sut.step(); // poll
    await sut.step(); // collect (waits the 400 ms window)
    expect(await sut.step()).toBe('poll'); // idle
    expect(clock.ms - cycleStart).toBe(2000);
  });

  it('repeats discovery every --discover-ms', async () => {
    const { sut, bus } = setup([0], { pollMs: 1000, discoverMs: 10_000 });
    for (let i = 0; i < 40; i += 1) {
      await sut.step();
    }
    const discoveries = pollKinds(bus).filter((k) => k === 2).length;
    expect(discoveries).toBeGreaterThanOrEqual(2);
    expect(pollKinds(bus).filter((k) => k === 0).length).toBeGreaterThan(discoveries);
  });

  it('counts silent polls, publishes nothing and keeps asking for system information when nobody answers', async () => {
    const { sut, bus, batches } = setup([]);
    const states = [];
    for (let i = 0; i < 5; i += 1) {
      states.push(await sut.step());
    }
    expect(states).toEqual(['poll', 'collect', 'idle', 'discover', 'poll']);
    expect(batches).toEqual([]);
    expect(sut.counters).toMatchObject({ polls: 1, silentPolls: 1, samples: 0 });
    expect(pollKinds(bus)).toEqual([2, 0, 2]);
  });

  it('skips polls while the adapter is not ready and retries discovery', async () => {
    const { sut, bus, batches } = setup([0]);
    bus.ready = false;
    expect(await sut.step()).toBe('idle');
    expect(await sut.step()).toBe('discover');
    bus.ready = true;
    await sut.step();
    await sut.step();
    await sut.step();
    expect(batches).toHaveLength(1);
  });

  it('ignores late frames that arrive outside a reply window', async () => {
    const { sut, bus, batches } = setup([0]);
    await sut.step();
    await sut.step();
    await sut.step();
    for (const frame of ensembleBurst(5)) {
      bus.deliver(frame);
    }
    expect(await sut.step()).toBe('poll');
    await sut.step();
    expect(await sut.step()).toBe('idle');
    expect(batches.map((b) => b.map((s) => s.bmsAddress))).toEqual([[0], [0]]);
  });

  it('counts reply frames of the wrong length, keeps them raw and goes on polling', async () => {
    const { sut, bus, batches } = setup([0]);
    const short = { id: 0x4220, extended: true, data: new Uint8Array([1, 2, 3]) };
    await sut.step(); // discover
    await sut.step(); // poll
    bus.deliver(short);
    await sut.step(); // collect
    expect(sut.counters.corruptFrames).toBe(1);
    expect(batches[0]?.[0]?.raw).toMatchObject({ '0x4220': '010203' });
    await sut.step();
    await sut.step();
    await sut.step();
    expect(batches).toHaveLength(2);
  });
});
