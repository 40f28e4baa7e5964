import { ALARM_CATALOGUE } from '@fleet/alarms';
import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { at, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();
const bit = (code: string) => 1 << ALARM_CATALOGUE.byCode.get(code)!.bit;
const PROTECTION = 'hv.protection.cell_high_voltage';

describe.each(targets)('alarm event outbox on $name', (target) => {
  const f = useAlarmFixture(target);
  const alarmsOf = async (stringId: string) =>
    (await f.pool.query('SELECT id FROM alarm WHERE string_id = $1', [stringId])).rows;

  it('publishes events that NATS did not take when the next relay runs (a restart), each once', async () => {
    const s = await f.newString();
    const down = f.engine(undefined, {
      publish: () => Promise.reject(new Error('NATS unavailable')),
    });
    await f.feed(down, s.gatewayId, [{ ts: at(0), protectionBits: bit(PROTECTION) }]);
    const [alarm] = await alarmsOf(s.stringId);
    const unpublished = async () =>
      (
        await f.pool.query('SELECT seq FROM alarm_transition WHERE alarm_id = $1 AND published_at IS NULL', [
          alarm.id,
        ])
      ).rows.map((r) => r.seq);
    expect(await unpublished()).toEqual([1]);
    expect(await f.events(alarm.id)).toEqual([]);
    const restarted = f.engine();
    await restarted.relay.flush();
    await restarted.relay.flush();
    expect(await unpublished()).toEqual([]);
    expect((await f.events(alarm.id)).map((e) => [e.seq, e.transition])).toEqual([[1, 'fired']]);
  });
});
