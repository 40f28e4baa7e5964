import { expandPackSeries, type KnownSample, type PackSample, type PackSeries } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { FakeClock, silentLogger } from '../../test/fakes.js';
import type { CellReading, CellSource, CellTarget } from './cell-source.js';
import { DEFAULT_SAMPLING_PLAN } from './sampling-plan.js';
import { UplinkSampler } from './uplink-sampler.js';

/** A CellSource driven by the test: answers from `reading`, records every request. */
class FakeCellSource implements CellSource {
  readonly requests: CellTarget[] = [];
  reading: CellReading | Error | undefined = {
    source: 'console',
    cellVoltagesMv: [
      [3300, 3301],
      [3302, 3303],
    ],
  };
  async readCells(target: CellTarget): Promise<CellReading | undefined> {
    this.requests.push(target);
    if (this.reading instanceof Error) {
      throw this.reading;
    }
    return this.reading;
  }
}

function setup() {
  const clock = new FakeClock();
  const cells = new FakeCellSource();
  const batches: KnownSample[][] = [];
  const sut = new UplinkSampler({ clock, cells, logger: silentLogger, emit: (s) => batches.push(s) });
  const reading = (fields: Partial<PackSample> = {}): PackSample => ({
    kind: 'pack',
    ts: clock.now().toISOString(),
    bus: 'can0',
    bmsAddress: 1,
    packVoltageDv: 4000,
    packCurrentDa: 0,
    bmsTempDc: 200,
    socPct: 50,
    sohPct: 100,
    alarmBits: 0,
    ...fields,
  });
  /** One poll every 2 s for `seconds`, current from `current(s)`. */
  const pollFor = async (seconds: number, current: (s: number) => number = () => 0) => {
    for (let s = 0; s < seconds; s += 2) {
      sut.offer([reading({ packCurrentDa: current(s) })]);
      await sut.settle();
      clock.ms += 2000;
    }
  };
  return { sut, clock, cells, batches, reading, pollFor };
}

const kinds = (batch: KnownSample[] | undefined) => batch?.map((s) => s.kind);

describe('UplinkSampler', () => {
  it('takes a snapshot at start and every 300 s, and sends pending values 60 s after the oldest', async () => {
    const { cells, batches, pollFor } = setup();
    await pollFor(600);
    // Hand-computed: snapshots at 0 and 300 s; the flush timer runs every 60 s but a quiet
    // string has something to send only after 0 s (first reading) and 300 s (silence report).
    expect(cells.requests).toHaveLength(2);
    expect(batches.map(kinds)).toEqual([
      ['packs', 'cells'],
      ['packs', 'cells'],
    ]);
    // Quiet string: only the first reading and the 300 s silence report are pack rows.
    const packs = batches.flatMap((b) => b.filter((s): s is PackSeries => s.kind === 'packs'));
    expect(packs.flatMap((p) => expandPackSeries(p).samples).map((s) => s.ts)).toEqual([
      '2026-11-25T12:00:00.000Z',
      '2026-11-25T12:05:00.000Z',
    ]);
  });

  it('reports changes beyond the deadband in the series, one row per reported reading', async () => {
    const { batches, pollFor } = setup();
    await pollFor(62, (s) => s * 10); // +1 A every second: every 5 s window reports; flush at 60 s
    const series = batches[0]?.find((s): s is PackSeries => s.kind === 'packs');
    const samples = series ? expandPackSeries(series).samples : [];
    expect(samples.map((s) => s.packCurrentDa)).toEqual([
      0, 60, 100, 160, 200, 260, 300, 360, 400, 460, 500, 560, 600,
    ]);
  });

  it('on an alarm edge: flushes at once and takes a snapshot marked edge', async () => {
    const { sut, clock, cells, batches, reading } = setup();
    sut.offer([reading()]);
    await sut.settle();
    clock.ms += 2000;
    sut.offer([reading({ alarmBits: 0x10 })]);
    await sut.settle();
    expect(sut.counters).toMatchObject({ cellFailures: 0 });
    expect(cells.requests).toHaveLength(2);
    // The scheduled snapshot of the first reading rides along; the edge snapshot follows alone.
    expect(batches.map(kinds)).toEqual([['packs', 'cells'], ['cells']]);
    expect(batches[1]?.[0]).toMatchObject({ kind: 'cells', trigger: 'edge', bmsAddress: 1 });
    expect(sut.counters.edges).toBe(1);
  });

  it('counts a failing or invalid snapshot and keeps sampling', async () => {
    const { sut, cells, batches, pollFor } = setup();
    cells.reading = new Error('console timeout');
    await pollFor(4);
    cells.reading = { source: 'rs485', cellVoltagesMv: [[70_000]] };
    expect(await sut.snapshotNow({ bus: 'can0', bmsAddress: 1 })).toBeUndefined();
    expect(sut.counters.cellFailures).toBe(2);
    sut.flush();
    expect(kinds(batches[0])).toEqual(['packs']);
  });

  it('applies a new plan from the next reading', async () => {
    const { sut, cells, pollFor } = setup();
    sut.setPlan({ ...DEFAULT_SAMPLING_PLAN, cellsEveryS: 60 });
    await pollFor(240);
    expect(cells.requests).toHaveLength(4);
  });
});

describe('UplinkSampler.reportNextInFull (repoll)', () => {
  it('reports the next reading with its true values at once, inside a window and a deadband', async () => {
    const { sut, clock, batches, reading } = setup();
    sut.offer([reading()]);
    sut.flush();
    clock.ms += 2000;
    sut.reportNextInFull();
    sut.offer([reading({ packVoltageDv: 4001 })]);
    const series = batches[1]?.find((s): s is PackSeries => s.kind === 'packs');
    expect(series && expandPackSeries(series).samples.map((s) => s.packVoltageDv)).toEqual([4001]);
  });
});
