import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { at, T0, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();

describe.each(targets)('derived.data_gap on $name', (target) => {
  const f = useAlarmFixture(target);
  /** What the writer would have committed: samples every 10 s from `fromS` to `toS`. */
  const store = async (stringId: string, fromS: number, toS: number) => {
    await f.pool.query(
      `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct)
       SELECT $1, t, 4000, 0, 215, 80, 100 FROM generate_series($2::timestamptz, $3::timestamptz, '10 s') t`,
      [stringId, new Date(T0 + fromS * 1000), new Date(T0 + toS * 1000)],
    );
  };
  const gapAlarms = async (stringId: string) =>
    (
      await f.pool.query(
        `SELECT status::text, severity::text FROM alarm WHERE string_id = $1 AND code = 'derived.data_gap'`,
        [stringId],
      )
    ).rows;

  it('opens on a stored hole once the samples after it are stored, resolves when it leaves the window', async () => {
    const s = await f.newString();
    const engine = f.engine();
    await store(s.stringId, 0, 20);
    await f.feed(engine, s.gatewayId, [{ ts: at(30) }], 0);
    expect(await gapAlarms(s.stringId)).toEqual([]);
    // 100 s of silence between 30 and 130 at a 10 s interval: 10 intervals, above the warning at 3.
    await store(s.stringId, 30, 30);
    await store(s.stringId, 130, 130);
    await f.feed(engine, s.gatewayId, [{ ts: at(140) }], 1);
    expect(await gapAlarms(s.stringId)).toEqual([{ status: 'open', severity: 'warning' }]);
    // 60 more samples on time: the hole is out of the judged window.
    await store(s.stringId, 140, 730);
    await f.feed(engine, s.gatewayId, [{ ts: at(740) }], 2);
    expect(await gapAlarms(s.stringId)).toEqual([{ status: 'resolved', severity: 'warning' }]);
  });

  it('takes a writer that lags behind for no gap, and names a string with nothing stored', async () => {
    const s = await f.newString();
    const engine = f.engine();
    await f.feed(engine, s.gatewayId, [{ ts: at(0) }], 0);
    expect(engine.counters.counts['skipped.data-gap.nothing-stored']).toBe(1);
    await store(s.stringId, 0, 20);
    // Batches 30 … 190 were evaluated but the writer has not committed them yet.
    for (let i = 3; i <= 20; i++) {
      await f.feed(engine, s.gatewayId, [{ ts: at(i * 10) }], i);
    }
    expect(await gapAlarms(s.stringId)).toEqual([]);
  });
});
