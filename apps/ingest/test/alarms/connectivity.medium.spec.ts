import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { at, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();

describe.each(targets)('connectivity changes from the stale sweep on $name', (target) => {
  const f = useAlarmFixture(target);

  it('records one offline row when a string goes silent and one online row when it reports again', async () => {
    const s = await f.newString();
    const lastSample = (seconds: number) =>
      f.pool.query('UPDATE bms_string SET last_sample_at = $2 WHERE id = $1', [s.stringId, at(seconds)]);
    const sweepAt = (seconds: number) => f.engine(() => Date.parse(at(seconds))).sweeper.sweep();
    const rows = async () =>
      (
        await f.pool.query<{ kind: string; ts: Date; gateway_id: string }>(
          'SELECT kind, ts, gateway_id FROM connectivity_event WHERE string_id = $1 ORDER BY id',
          [s.stringId],
        )
      ).rows.map((r) => [r.kind, r.ts.toISOString(), r.gateway_id]);

    await lastSample(0);
    await sweepAt(20); // 2 missed 10 s intervals: within the stale rule's 3
    expect(await rows()).toEqual([]);
    await sweepAt(100); // 10 missed: offline
    await sweepAt(110); // still offline: no second row
    expect(await rows()).toEqual([['offline', at(100), s.gatewayId]]);
    await lastSample(195);
    await sweepAt(200);
    await sweepAt(210);
    expect(await rows()).toEqual([
      ['offline', at(100), s.gatewayId],
      ['online', at(200), s.gatewayId],
    ]);
  });
});
