import { type CanFrame, decodeHvCanFrame, encodeHvCanFrame } from '@fleet/protocol';
import type { PackSample, TopologyEvent } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { ensembleBurst } from '../../../test/burst.js';
import { FakeBus, FakeClock, silentLogger } from '../../../test/fakes.js';
import type { ModuleSerialSource } from '../pylontech-rs485/rs485-module-serials.js';
import { PylontechHvPoller } from './pylontech-hv.poller.js';

const composition = (address: number) =>
  encodeHvCanFrame(
    { type: '7320', totalCells: 30, moduleCount: 2, cellsPerModule: 15, nominalVoltageV: 96, capacityAh: 50 },
    address,
  );

/** One string whose address the test changes; module serials read from `serials`. */
function setup() {
  const clock = new FakeClock();
  const site = { address: 0, serials: ['A1', 'A2'] };
  const answer = (frame: CanFrame): CanFrame[] => {
    const decoded = decodeHvCanFrame(frame);
    if (decoded.status !== 'ok' || decoded.message.type !== '4200') {
      return [];
    }
    return decoded.message.kind === 'system' ? [composition(site.address)] : ensembleBurst(site.address);
  };
  const reads: [number, number][] = [];
  const serials: ModuleSerialSource = {
    counters: {},
    read: async (bmsAddress, moduleCount) => {
      reads.push([bmsAddress, moduleCount]);
      return site.serials.map((serial, i) => ({ position: i + 1, serial }));
    },
  };
  const topologies: TopologyEvent[] = [];
  const batches: PackSample[][] = [];
  const sut = new PylontechHvPoller(
    {
      bus: new FakeBus(clock, answer),
      clock,
      logger: silentLogger,
      onSamples: (samples) => batches.push(samples),
      onTopology: (event) => topologies.push(event),
      serials,
    },
    { busName: 'can0', pollMs: 1000, replyWindowMs: 300, discoverMs: 300_000 },
  );
  return { sut, site, reads, topologies, batches };
}

const steps = async (sut: PylontechHvPoller, n: number) => {
  const states = [];
  for (let i = 0; i < n; i += 1) {
    states.push(await sut.step());
  }
  return states;
};

describe('PylontechHvPoller with module serials (RS485 0x93)', () => {
  it('reads serials once per discovery round, not per poll, and reports them in the topology', async () => {
    const { sut, reads, topologies, batches } = setup();
    await steps(sut, 1 + 3 * 3); // discover, then three poll cycles
    expect(reads).toEqual([[0, 2]]);
    expect(batches).toHaveLength(3);
    expect(topologies.map((t) => t.strings.map((s) => [s.bmsAddress, s.modules]))).toEqual([
      [
        [
          0,
          [
            { position: 1, serial: 'A1' },
            { position: 2, serial: 'A2' },
          ],
        ],
      ],
    ]);
  });

  it('discovers a re-addressed string before sampling it, so its topology goes out first', async () => {
    const { sut, site, reads, topologies, batches } = setup();
    await steps(sut, 4);
    site.address = 3;
    // poll → collect; the unknown address sends collect to discover, which reads its serials.
    expect(await steps(sut, 3)).toEqual(['collect', 'discover', 'poll']);
    expect(batches).toHaveLength(1); // the poll answered by the unknown address was set aside
    expect(sut.counters.undiscovered).toBe(1);
    expect(await steps(sut, 2)).toEqual(['collect', 'idle']);
    expect(reads).toEqual([
      [0, 2],
      [3, 2],
    ]);
    expect(topologies.map((t) => t.strings.map((s) => s.bmsAddress))).toEqual([[0], [3]]);
    expect(batches.at(-1)?.map((s) => s.bmsAddress)).toEqual([3]);
  });
});
