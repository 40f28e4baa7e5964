// Composition discovery behind an MBMS1000: each string (BMS address) is learned and reported
// on its own, once when first read and again only when it changes.
import { type CanFrame, decodeHvCanFrame, encodeHvCanFrame, request4200 } from '@fleet/protocol';
import type { CompositionEvent, PackSample, TopologyEvent } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { ensembleBurst } from '../../../test/burst.js';
import { FakeBus, FakeClock, silentLogger } from '../../../test/fakes.js';
import { PylontechHvListener } from './pylontech-hv.listener.js';
import { PylontechHvPoller } from './pylontech-hv.poller.js';

const systemInfo = (address: number, moduleCount: number): CanFrame[] => [
  encodeHvCanFrame(
    {
      type: '7310',
      hardwareType: 1,
      hardwareMajor: 2,
      hardwareMinor: 1,
      softwareMajor: 1,
      softwareMinor: 2,
      softwareDevMajor: 0,
      softwareDevMinor: 0,
    },
    address,
  ),
  encodeHvCanFrame(
    {
      type: '7320',
      totalCells: moduleCount * 15,
      moduleCount,
      cellsPerModule: 15,
      nominalVoltageV: moduleCount * 48,
      capacityAh: 50,
    },
    address,
  ),
];

describe('composition events (HV, strings behind an MBMS1000)', () => {
  it('active: one event per string at first discovery, none while unchanged, one when a string changes', async () => {
    const clock = new FakeClock();
    const modules = new Map([
      [1, 8],
      [2, 10],
    ]);
    const bus = new FakeBus(clock, (frame) => {
      const decoded = decodeHvCanFrame(frame);
      if (decoded.status !== 'ok' || decoded.message.type !== '4200') {
        return [];
      }
      return decoded.message.kind === 'system'
        ? [...modules].flatMap(([a, n]) => systemInfo(a, n))
        : [...modules.keys()].flatMap((a) => ensembleBurst(a));
    });
    const events: CompositionEvent[] = [];
    const topologies: TopologyEvent[] = [];
    const batches: PackSample[][] = [];
    const sut = new PylontechHvPoller(
      {
        bus,
        clock,
        logger: silentLogger,
        onSamples: (s) => batches.push(s),
        onComposition: (e) => events.push(e),
        onTopology: (e) => topologies.push(e),
      },
      { busName: 'can0', pollMs: 2000, replyWindowMs: 400, discoverMs: 10_000 },
    );
    const discoveries = async (n: number) => {
      for (let seen = 0; seen < n; ) {
        const before = sut.current;
        await sut.step();
        seen += before === 'discover' ? 1 : 0;
      }
    };
    await discoveries(2);
    expect(events.map((e) => [e.bmsAddress, e.moduleCount, e.totalCells, e.nominalVoltageV])).toEqual([
      [1, 8, 120, 384],
      [2, 10, 150, 480],
    ]);
    expect(events[0]).toMatchObject({
      kind: 'composition',
      bus: 'can0',
      protocol: 'hv-can',
      versions: { hardwareMajor: 2 },
    });
    modules.set(2, 9); // a module taken out of string 2
    await discoveries(1);
    expect(events.slice(2).map((e) => [e.bmsAddress, e.moduleCount])).toEqual([[2, 9]]);
    // Topology (issue 10): the whole bus per changed round, no serials (HV CAN carries none).
    expect(topologies.map((t) => t.strings.map((s) => [s.bmsAddress, s.moduleCount]))).toEqual([
      [
        [1, 8],
        [2, 10],
      ],
      [
        [1, 8],
        [2, 9],
      ],
    ]);
    expect(topologies[0]).toMatchObject({ kind: 'topology', bus: 'can0', protocol: 'hv-can' });
    expect(topologies[0]?.strings[0]).not.toHaveProperty('bmsSerial');
    // Every poll reported each string separately, by its address.
    expect(batches.every((b) => b.map((s) => s.bmsAddress).join() === '1,2')).toBe(true);
  });

  it('listen-only: learns each string from the inverter’s system-information poll', async () => {
    const clock = new FakeClock();
    const bus = new FakeBus(clock);
    const events: CompositionEvent[] = [];
    const sut = new PylontechHvListener(
      { bus, clock, logger: silentLogger, onSamples: () => {}, onComposition: (e) => events.push(e) },
      { busName: 'can1', replyWindowMs: 400 },
    );
    const poll = encodeHvCanFrame({ type: '4200', ...request4200('system') });
    for (let round = 0; round < 2; round += 1) {
      for (const frame of [poll, ...systemInfo(1, 8), ...systemInfo(2, 8)]) {
        bus.deliver(frame);
      }
      for (let i = 0; i < 3; i += 1) {
        await sut.step();
      }
      expect(events, `round ${round}: the second round changed nothing`).toHaveLength(2);
    }
    expect(events.map((e) => [e.bus, e.bmsAddress, e.moduleCount])).toEqual([
      ['can1', 1, 8],
      ['can1', 2, 8],
    ]);
    expect(bus.sent).toEqual([]);
  });
});
