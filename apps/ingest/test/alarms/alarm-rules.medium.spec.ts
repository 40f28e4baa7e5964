import { ALARM_CATALOGUE } from '@fleet/alarms';
import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { at, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();
const bit = (code: string) => 1 << ALARM_CATALOGUE.byCode.get(code)!.bit;
const PROTECTION = 'hv.protection.cell_high_voltage';
const ALARM = 'hv.alarm.cell_high_voltage'; // bits.alarm: fires after 30 s, clears after 120 s

describe.each(targets)('alarm rules, maintenance and the sweep on $name', (target) => {
  const f = useAlarmFixture(target);
  const alarmsOf = async (stringId: string) =>
    (
      await f.pool.query(
        'SELECT id, code, status::text, count, flapping, seq, severity::text FROM alarm WHERE string_id = $1',
        [stringId],
      )
    ).rows;

  it('applies a changed site rule at the next evaluation, without a new engine', async () => {
    const s = await f.newString();
    const engine = f.engine();
    await f.feed(engine, s.gatewayId, [{ ts: at(0), alarmBits: bit(ALARM) }]);
    expect(await alarmsOf(s.stringId)).toEqual([]);
    await f.pool.query(
      `INSERT INTO alarm_rule_set (id, tenant_id, site_id, scope_key, rules, version, updated_by)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 1, 'test')`,
      [
        s.tenantId,
        s.siteId,
        `site:${s.siteId}`,
        JSON.stringify({ rules: { 'bits.alarm': { fireDelayS: 0 } } }),
      ],
    );
    await f.feed(engine, s.gatewayId, [{ ts: at(5), alarmBits: bit(ALARM) }]);
    expect(await alarmsOf(s.stringId)).toEqual([expect.objectContaining({ code: ALARM, status: 'open' })]);
  });

  it('records but does not notify during a maintenance window, and clears by the sweep when samples stop', async () => {
    const s = await f.newString();
    await f.pool.query(
      `INSERT INTO maintenance_window (id, tenant_id, site_id, starts_at, ends_at, reason, created_by)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'firmware update', 'test')`,
      [s.tenantId, s.siteId, at(-60), at(60)],
    );
    const engine = f.engine(() => Date.parse(at(500)));
    await f.feed(engine, s.gatewayId, [
      { ts: at(0), protectionBits: bit(PROTECTION) },
      { ts: at(70), protectionBits: 0 },
    ]);
    const [alarm] = await alarmsOf(s.stringId);
    expect(alarm).toMatchObject({ status: 'open' });
    expect((await f.events(alarm.id)).map((e) => [e.transition, e.notify])).toEqual([['fired', false]]);
    // No further samples: the sweep at t = 500 s finds the clear delay (60 s) elapsed.
    await engine.sweeper.sweep();
    expect((await alarmsOf(s.stringId))[0]).toMatchObject({ status: 'resolved' });
    expect((await f.events(alarm.id)).map((e) => [e.transition, e.notify])).toEqual([
      ['fired', false],
      ['resolved', true],
    ]);
  });

  it('escalates an unacknowledged alarm once per interval, and opens a stale alarm for a silent string', async () => {
    const s = await f.newString();
    await f.feed(f.engine(), s.gatewayId, [{ ts: at(0), protectionBits: bit(PROTECTION) }]);
    await f.pool.query('UPDATE bms_string SET last_sample_at = $2 WHERE id = $1', [s.stringId, at(0)]);
    // 61 minutes later (escalation after 3600 s), nothing heard from the string since t = 0.
    const later = f.engine(() => Date.parse(at(3660)));
    await later.sweeper.sweep();
    await later.sweeper.sweep(); // a second sweep right after does not escalate again
    const rows = (
      await f.pool.query('SELECT id, code, escalation_level FROM alarm WHERE string_id = $1 ORDER BY code', [
        s.stringId,
      ])
    ).rows;
    expect(rows).toEqual([
      expect.objectContaining({ code: 'derived.string_stale' }),
      expect.objectContaining({ code: PROTECTION, escalation_level: 1 }),
    ]);
    const protection = rows.find((r) => r.code === PROTECTION)!;
    expect((await f.events(protection.id)).map((e) => [e.seq, e.transition, e.detail])).toEqual([
      [1, 'fired', expect.anything()],
      [2, 'escalated', { level: 1 }],
    ]);
  });
});
