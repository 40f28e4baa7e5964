import { ALARM_CATALOGUE } from '@fleet/alarms';
import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { at, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();
const bit = (code: string) => 1 << ALARM_CATALOGUE.byCode.get(code)!.bit;
const PROTECTION = 'hv.protection.cell_high_voltage';
const ALARM = 'hv.alarm.cell_high_voltage'; // bits.alarm: fires after 30 s, clears after 120 s

describe.each(targets)('alarm evaluation on $name', (target) => {
  const f = useAlarmFixture(target);
  const alarmsOf = async (stringId: string) =>
    (
      await f.pool.query(
        'SELECT id, code, status::text, count, flapping, seq, severity::text FROM alarm WHERE string_id = $1',
        [stringId],
      )
    ).rows;

  it('opens one alarm for a protection bit and publishes its fired event with seq 1', async () => {
    const s = await f.newString();
    const engine = f.engine();
    await f.feed(engine, s.gatewayId, [
      { ts: at(0), protectionBits: bit(PROTECTION) },
      { ts: at(10), protectionBits: bit(PROTECTION) },
    ]);
    const alarms = await alarmsOf(s.stringId);
    expect(alarms).toEqual([
      expect.objectContaining({ code: PROTECTION, status: 'open', count: 1, seq: 1, severity: 'critical' }),
    ]);
    const events = await f.events(alarms[0].id);
    expect(events).toEqual([
      expect.objectContaining({
        seq: 1,
        transition: 'fired',
        status: 'open',
        tenantId: s.tenantId,
        siteId: s.siteId,
        stringId: s.stringId,
        notify: true,
        actor: 'system',
        at: at(0),
      }),
    ]);
    const audit = await f.pool.query('SELECT published_at FROM alarm_transition WHERE alarm_id = $1', [
      alarms[0].id,
    ]);
    expect(audit.rows.map((r) => r.published_at)).not.toContain(null);
  });

  it('fires an alarm bit only after its fire delay, and keeps the delay across an evaluator restart', async () => {
    const s = await f.newString();
    await f.feed(f.engine(), s.gatewayId, [
      { ts: at(0), alarmBits: bit(ALARM) },
      { ts: at(10), alarmBits: bit(ALARM) },
    ]);
    expect(await alarmsOf(s.stringId)).toEqual([]);
    // A new engine (a restarted ingest) reads the pending state from alarm_rule_state.
    await f.feed(f.engine(), s.gatewayId, [{ ts: at(30), alarmBits: bit(ALARM) }]);
    const alarms = await alarmsOf(s.stringId);
    expect(alarms).toEqual([expect.objectContaining({ code: ALARM, status: 'open', count: 1 })]);
    expect((await f.events(alarms[0].id)).map((e) => [e.transition, e.at])).toEqual([['fired', at(30)]]);
  });

  it('counts a flapping bit on one alarm, resolves after the clear delay, and ignores a late duplicate', async () => {
    const s = await f.newString();
    const engine = f.engine();
    // Present on even polls, absent on odd ones, every 10 s for 2 minutes.
    const flapping = Array.from({ length: 12 }, (_, i) => ({
      ts: at(i * 10),
      protectionBits: i % 2 === 0 ? bit(PROTECTION) : 0,
    }));
    await f.feed(engine, s.gatewayId, flapping, 0);
    let alarms = await alarmsOf(s.stringId);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ status: 'open', count: 6, flapping: true });
    const countBefore = alarms[0].count;
    // The same batch again (JetStream redelivery or a replay): nothing is counted twice.
    await f.feed(engine, s.gatewayId, flapping, 0);
    expect((await alarmsOf(s.stringId))[0].count).toBe(countBefore);
    // Quiet for the flapping window (600 s), then beyond the clear delay (60 s).
    const quiet = Array.from({ length: 70 }, (_, i) => ({ ts: at(120 + i * 10), protectionBits: 0 }));
    await f.feed(engine, s.gatewayId, quiet, 1);
    alarms = await alarmsOf(s.stringId);
    expect(alarms).toEqual([expect.objectContaining({ status: 'resolved', flapping: false, count: 6 })]);
    const transitions = (await f.events(alarms[0].id)).map((e) => e.transition);
    expect(transitions[0]).toBe('fired');
    expect(transitions).toContain('flapping-started');
    expect(transitions.slice(-2)).toEqual(['flapping-ended', 'resolved']);
    expect(transitions.filter((t) => t === 'fired')).toHaveLength(1);
    const seqs = (await f.events(alarms[0].id)).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});
