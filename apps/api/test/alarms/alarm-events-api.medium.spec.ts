import { testDatabaseTargets } from '@fleet/db/testing';
import { type AlarmEvent, streams } from '@fleet/telemetry';
import { jetstreamManager } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { useAlarmApiFixture } from './alarm-api-fixture.js';

const targets = await testDatabaseTargets();

describe.each(targets)('alarm events published by the API on $name', (target) => {
  const f = useAlarmApiFixture(target, { nats: true });

  it('publishes the outbox to ALARMS after an acknowledge, in seq order, with Nats-Msg-Id <alarmId>:<seq>', async () => {
    const token = await f.login(f.seed.a);
    const id = await f.fireAlarm();
    expect((await f.call(token, 'POST', `/alarms/${id}/acknowledge`, { note: 'on it' })).status).toBe(200);
    const jsm = await jetstreamManager(f.nats!);
    const info = await jsm.streams.info(streams.alarms.name);
    const stored: [string | undefined, AlarmEvent][] = [];
    for (let seq = info.state.first_seq; seq > 0 && seq <= info.state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(streams.alarms.name, { seq });
      if (message) {
        stored.push([message.header.get('Nats-Msg-Id'), message.json<AlarmEvent>()]);
      }
    }
    expect(stored.map(([msgId, e]) => [msgId, e.transition, e.detail])).toEqual([
      [`${id}:1`, 'fired', {}],
      [`${id}:2`, 'acknowledged', { note: 'on it' }],
    ]);
    const { rows } = await f.pool.query(
      'SELECT count(*)::int AS n FROM alarm_transition WHERE published_at IS NULL',
    );
    expect(rows[0].n).toBe(0);
  });
});
