import { createTenant, createUser, testDatabaseTargets } from '@fleet/db/testing';
import { alarmEventSchema } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { type AlarmApiFixture, useAlarmApiFixture } from './alarm-api-fixture.js';

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

  it('names the people on an alarm: own members plainly, a support desk with its organisation, nobody unseen', () =>
    peopleOnAnAlarm(f));
});

/** Tenant A's owner (invited to the site), a support desk with a grant on it, and a bystander of A. */
async function seedPeople(f: AlarmApiFixture) {
  const { a } = f.seed;
  const installerToken = await f.login(a);
  const installer = (await f.call(installerToken, 'GET', '/me')).body as { id: string; tenantId: string };
  const tenantA = (await f.pool.query('SELECT tenant_id FROM site WHERE id = $1', [a.siteId])).rows[0]
    .tenant_id as string;
  const desk = await createTenant(f.prisma, { name: 'Pylontech Support Desk', kind: 'support_desk' });
  const support = await createUser(f.prisma, { tenantId: desk.id, role: 'support', name: 'Dana Desk' });
  const owner = await createUser(f.prisma, { tenantId: tenantA, role: 'owner', name: 'Olga Owner' });
  // A colleague who never touched the alarm: no caller may learn her name from it.
  await createUser(f.prisma, { tenantId: tenantA, role: 'technician', name: 'Bystander Bea' });
  await f.prisma.siteMember.create({
    data: { siteId: a.siteId, userId: owner.id, createdBy: installer.id },
  });
  await f.prisma.supportGrant.create({
    data: {
      tenantId: tenantA,
      siteId: a.siteId,
      granteeTenantId: desk.id,
      grantedBy: installer.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { installer, installerToken, support, owner };
}

async function peopleOnAnAlarm(f: AlarmApiFixture) {
  const { a } = f.seed;
  const { installer, installerToken, support, owner } = await seedPeople(f);
  const id = await f.fireAlarm('hv.protection.cell_low_voltage');
  await f.call(installerToken, 'POST', `/alarms/${id}/acknowledge`, {});
  const supportToken = await f.login(support);
  expect((await f.call(supportToken, 'POST', `/alarms/${id}/comment`, { text: 'on it' })).status).toBe(200);
  const assigned = await f.call(supportToken, 'POST', `/alarms/${id}/assign`, { userId: support.id });
  expect(assigned.body.assignee).toEqual({ id: support.id, name: 'Dana Desk', organisation: null });

  const dana = { id: support.id, name: 'Dana Desk', organisation: 'Pylontech Support Desk' };
  const ada = { id: installer.id, name: 'Ada Installer', organisation: null };
  const ownerToken = await f.login(owner);
  const seenByOwner = await f.call(ownerToken, 'GET', `/alarms/${id}`);
  expect(seenByOwner.status).toBe(200);
  expect(seenByOwner.body).toMatchObject({ assignee: dana, acknowledger: ada });
  expect(
    seenByOwner.body.transitions.map((t: { transition: string; actorPerson: unknown }) => [
      t.transition,
      t.actorPerson,
    ]),
  ).toEqual([
    ['fired', null],
    ['acknowledged', ada],
    ['commented', dana],
    ['assigned', dana],
  ]);
  expect(new Set(seenByOwner.body.people.map((p: { name: string }) => p.name))).toEqual(
    new Set(['Ada Installer', 'Dana Desk']),
  );
  // The desk sees the installer with the installer's organisation, itself plainly.
  const seenByDesk = await f.call(supportToken, 'GET', `/alarms/${id}`);
  expect(seenByDesk.body.acknowledger).toMatchObject({
    id: installer.id,
    organisation: expect.any(String),
  });
  expect(seenByDesk.body.assignee).toEqual({ id: support.id, name: 'Dana Desk', organisation: null });
  const listed = await f.call(ownerToken, 'GET', `/alarms?site=${a.siteId}&status=acknowledged`);
  expect(listed.body.items.find((x: { id: string }) => x.id === id)).toMatchObject({ assignee: dana });
  // Another organisation still learns nothing, not even that the alarm exists.
  const foreign = await f.call(await f.login(f.seed.b), 'GET', `/alarms/${id}`);
  expect(foreign.status).toBe(404);
  expect(JSON.stringify(foreign.body)).not.toContain('Dana');
}
