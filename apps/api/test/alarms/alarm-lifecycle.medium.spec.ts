import { testDatabaseTargets } from '@fleet/db/testing';
import { alarmEventSchema } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { useAlarmApiFixture } from './alarm-api-fixture.js';

const targets = await testDatabaseTargets();

describe.each(targets)('alarm lifecycle over the API on $name', (target) => {
  const f = useAlarmApiFixture(target);
  const outbox = async (alarmId: string) =>
    (
      await f.pool.query(
        'SELECT seq, transition, actor, event FROM alarm_transition WHERE alarm_id = $1 ORDER BY seq',
        [alarmId],
      )
    ).rows;

  it('acknowledge → assign → comment → resolve → close: each an audit row and an event with who and when', async () => {
    const token = await f.login(f.seed.a);
    const id = await f.fireAlarm();
    const me = (await f.call(token, 'GET', '/me')).body.id as string;
    expect((await f.call(token, 'POST', `/alarms/${id}/acknowledge`, {})).body).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: me,
    });
    expect((await f.call(token, 'POST', `/alarms/${id}/assign`, { userId: me })).body).toMatchObject({
      assigneeId: me,
    });
    await f.call(token, 'POST', `/alarms/${id}/comment`, { text: 'replaced the fuse' });
    expect((await f.call(token, 'POST', `/alarms/${id}/resolve`, {})).body).toMatchObject({
      status: 'resolved',
    });
    expect(
      (await f.call(token, 'POST', `/alarms/${id}/close`, { note: 'checked on site' })).body,
    ).toMatchObject({
      status: 'closed',
      seq: 6,
    });
    const rows = await outbox(id);
    expect(rows.map((r) => [r.seq, r.transition, r.actor])).toEqual([
      [1, 'fired', 'system'],
      [2, 'acknowledged', me],
      [3, 'assigned', me],
      [4, 'commented', me],
      [5, 'resolved', me],
      [6, 'closed', me],
    ]);
    for (const row of rows) {
      expect(alarmEventSchema.parse(row.event)).toMatchObject({
        alarmId: id,
        seq: row.seq,
        transition: row.transition,
      });
    }
    const detail = await f.call(token, 'GET', `/alarms/${id}`);
    expect(detail.body.transitions.map((t: { transition: string }) => t.transition)).toEqual(
      rows.map((r) => r.transition),
    );
    expect(detail.body.transitions[3].detail).toEqual({ text: 'replaced the fuse' });
    expect(detail.body.catalogue.firstSteps.length).toBeGreaterThan(0);
    // A closed alarm refuses further lifecycle steps, and says why.
    const again = await f.call(token, 'POST', `/alarms/${id}/acknowledge`, {});
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', message: expect.stringContaining('closed') },
    });
  });

  it('lists with filters and a cursor, bulk-acknowledges, and shows another tenant nothing (404)', async () => {
    const token = await f.login(f.seed.a);
    const ids = [
      await f.fireAlarm('hv.alarm.cell_low_voltage'),
      await f.fireAlarm('hv.alarm.cell_high_voltage'),
    ];
    const first = await f.call(token, 'GET', '/alarms?status=open&limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await f.call(token, 'GET', `/alarms?status=open&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(new Set([first.body.items[0].id, second.body.items[0].id])).toEqual(new Set(ids));
    const bulk = await f.call(token, 'POST', '/alarms/acknowledge', { ids });
    expect(bulk.body).toEqual({ acknowledged: ids, refused: [] });
    expect((await f.call(token, 'GET', '/alarms?status=open')).body.items).toEqual([]);
    const other = await f.login(f.seed.b);
    expect((await f.call(other, 'GET', `/alarms/${ids[0]}`)).status).toBe(404);
    expect((await f.call(other, 'POST', `/alarms/${ids[0]}/close`, {})).status).toBe(404);
    expect((await f.call(other, 'GET', '/alarms')).body.items).toEqual([]);
    expect((await f.call(token, 'GET', '/alarms?severity=loud')).status).toBe(400);
  });
});
