import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { at, T0, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();

describe.each(targets)('derived.data_gap on $name', (target) => {
  const f = useAlarmFixture(target);
  // What the writer would have committed: the gap is read from the stored timeline.
  const store = async (stringId: string, seconds: number[]) => {
    for (const s of seconds) {
      await f.pool.query(
        `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct)
         VALUES ($1, $2, 4000, 0, 215, 80, 100)`,
        [stringId, new Date(T0 + s * 1000)],
      );
    }
  };
  const gapAlarms = async (stringId: string) =>
    (
      await f.pool.query(
        `SELECT status::text, severity::text FROM alarm WHERE string_id = $1 AND code = 'derived.data_gap'`,
        [stringId],
      )
    ).rows;

  it('opens on a hole since the previous stored sample and resolves on the next on-time batch', async () => {
    const s = await f.newString();
    const engine = f.engine();
    await store(s.stringId, [0, 10, 20]);
    await f.feed(engine, s.gatewayId, [{ ts: at(0) }, { ts: at(10) }, { ts: at(20) }], 0);
    expect(await gapAlarms(s.stringId)).toEqual([]);
    // 100 s of silence at a 10 s interval: 10 missed intervals, above the warning at 3.
    await store(s.stringId, [120]);
    await f.feed(engine, s.gatewayId, [{ ts: at(120) }], 1);
    expect(await gapAlarms(s.stringId)).toEqual([{ status: 'open', severity: 'warning' }]);
    await store(s.stringId, [130]);
    await f.feed(engine, s.gatewayId, [{ ts: at(130) }], 2);
    expect(await gapAlarms(s.stringId)).toEqual([{ status: 'resolved', severity: 'warning' }]);
  });

  it('does not judge a batch the writer has not stored yet (a missing earlier batch is no gap)', async () => {
    const s = await f.newString();
    const engine = f.engine();
    await store(s.stringId, [0]);
    // 200 s later, but not stored: the writer may also still hold the batches in between.
    await f.feed(engine, s.gatewayId, [{ ts: at(200) }], 1);
    expect(await gapAlarms(s.stringId)).toEqual([]);
    expect(engine.counters.counts['skipped.data-gap.writer-behind']).toBe(1);
  });
});
