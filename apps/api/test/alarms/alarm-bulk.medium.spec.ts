import { AlarmStore } from '@fleet/db';
import { createBmsString, createUser, testDatabaseTargets } from '@fleet/db/testing';
import { alarmEventSchema } from '@fleet/telemetry';
import { describe, expect, it, vi } from 'vitest';
import { type AlarmApiFixture, useAlarmApiFixture } from './alarm-api-fixture.js';

const targets = await testDatabaseTargets();

/** An open alarm of a string in an organisation of its own (neither A nor B). */
async function foreignAlarm(f: AlarmApiFixture): Promise<string> {
  const s = await createBmsString(f.prisma);
  const at = new Date('2026-12-20T10:00:00Z');
  return new AlarmStore(f.pool).transaction(async (tx) => {
    const alarm = await tx.insertAlarm({
      tenantId: s.tenantId,
      siteId: s.siteId,
      stringId: s.id,
      gatewayId: s.gatewayId,
      subjectKey: `string:${s.id}`,
      code: 'hv.protection.cell_high_voltage',
      title: 'Secret foreign alarm',
      severity: 'critical',
      count: 1,
      flapping: false,
      firedAt: at,
    });
    await tx.transition(alarm, {}, { transition: 'fired', actor: 'system', at, notify: true });
    return alarm.id;
  });
}

/** The fixture and what every case reads. */
interface Ctx {
  f: AlarmApiFixture;
  /** An open alarm of tenant A with a code of its own (one open alarm per subject and code). */
  fire(): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: rows are checked by the assertions
  history(alarmId: string): Promise<any[]>;
  /** The audit rows of an action, once the recorder (which writes after the response) wrote them. */
  audited(action: string): Promise<unknown[]>;
}

function useCtx(f: AlarmApiFixture): Ctx {
  let n = 0;
  return {
    f,
    fire: () => f.fireAlarm(`test.bulk.${++n}`),
    history: async (alarmId) =>
      (
        await f.pool.query(
          'SELECT seq, transition, actor, detail, event FROM alarm_transition WHERE alarm_id = $1 ORDER BY seq',
          [alarmId],
        )
      ).rows,
    audited: (action) =>
      vi.waitFor(async () => {
        const { rows } = await f.pool.query('SELECT verb, status FROM audit_event WHERE action = $1', [
          action,
        ]);
        expect(rows.length).toBeGreaterThan(0);
        return rows;
      }),
  };
}

describe.each(targets)('bulk resolve and assign over the API on $name', (target) => {
  const c = useCtx(useAlarmApiFixture(target));
  it('resolves the one it may, refuses a closed one and a foreign one (as not found, nothing leaked)', () =>
    resolveMixed(c));
  it('assigns by the single route’s rules: a closed or foreign alarm refused, a stranger as assignee a 400', () =>
    assignMixed(c));
  it('refuses a role that may not handle alarms, and another tenant learns nothing about A’s ids', () =>
    refusedCallers(c));
});

async function resolveMixed(c: Ctx): Promise<void> {
  const { f, fire, history, audited } = c;
  const token = await f.login(f.seed.a);
  const me = (await f.call(token, 'GET', '/me')).body.id as string;
  const allowed = await fire();
  const closed = await fire();
  expect((await f.call(token, 'POST', `/alarms/${closed}/close`, {})).status).toBe(200);
  const foreign = await foreignAlarm(f);

  const bulk = await f.call(token, 'POST', '/alarms/resolve', {
    ids: [allowed, closed, foreign],
    note: 'fuse replaced',
  });
  expect(bulk.status).toBe(200);
  expect(bulk.body).toEqual({
    resolved: [allowed],
    refused: [
      { id: closed, reason: expect.stringContaining('closed') },
      { id: foreign, reason: `alarm ${foreign} not found` },
    ],
  });
  expect(JSON.stringify(bulk.body)).not.toContain('Secret');
  // The single route's trail: a transition with the note and who, and its alarm.evt/1 event.
  const rows = await history(allowed);
  expect(rows.map((r) => [r.seq, r.transition, r.actor, r.detail])).toEqual([
    [1, 'fired', 'system', {}],
    [2, 'resolved', me, { note: 'fuse replaced' }],
  ]);
  expect(alarmEventSchema.parse(rows[1].event)).toMatchObject({
    alarmId: allowed,
    seq: 2,
    transition: 'resolved',
  });
  expect((await history(closed)).map((r) => r.transition)).toEqual(['fired', 'closed']);
  expect((await history(foreign)).map((r) => r.transition)).toEqual(['fired']);
  expect(await audited('POST /api/alarms/resolve')).toEqual([{ verb: 'resolve', status: 200 }]);
}

async function assignMixed(c: Ctx): Promise<void> {
  const { f, fire, history, audited } = c;
  const token = await f.login(f.seed.a);
  const me = (await f.call(token, 'GET', '/me')).body.id as string;
  const allowed = await fire();
  const closed = await fire();
  await f.call(token, 'POST', `/alarms/${closed}/close`, {});
  const foreign = await foreignAlarm(f);

  const bulk = await f.call(token, 'POST', '/alarms/assign', {
    ids: [allowed, closed, foreign],
    userId: me,
  });
  expect(bulk.body).toEqual({
    assigned: [allowed],
    refused: [
      { id: closed, reason: 'alarm is closed' },
      { id: foreign, reason: `alarm ${foreign} not found` },
    ],
  });
  expect((await f.call(token, 'GET', `/alarms/${allowed}`)).body).toMatchObject({ assigneeId: me });
  const rows = await history(allowed);
  expect(rows.at(-1)).toMatchObject({ transition: 'assigned', actor: me, detail: { assigneeId: me } });
  expect(alarmEventSchema.parse(rows.at(-1).event)).toMatchObject({ transition: 'assigned' });
  expect(await audited('POST /api/alarms/assign')).toEqual([{ verb: 'assign', status: 200 }]);

  // Someone of another organisation is no assignee: the whole call is refused, nothing changes.
  const stranger = await createUser(f.prisma);
  const other = await fire();
  const refused = await f.call(token, 'POST', '/alarms/assign', { ids: [other], userId: stranger.id });
  expect(refused.status).toBe(400);
  expect((await history(other)).map((r) => r.transition)).toEqual(['fired']);
  // null unassigns, as on the single route.
  const unassigned = await f.call(token, 'POST', '/alarms/assign', { ids: [allowed], userId: null });
  expect(unassigned.body).toEqual({ assigned: [allowed], refused: [] });
  expect((await f.call(token, 'GET', `/alarms/${allowed}`)).body.assigneeId).toBeNull();
}

async function refusedCallers(c: Ctx): Promise<void> {
  const { f, fire, history } = c;
  const installer = await f.login(f.seed.a);
  const tenantA = (await f.call(installer, 'GET', '/me')).body.tenantId as string;
  const owner = await createUser(f.prisma, { tenantId: tenantA, role: 'owner' });
  const id = await fire();
  const ownerToken = await f.login(owner);
  expect((await f.call(ownerToken, 'POST', '/alarms/resolve', { ids: [id] })).status).toBe(403);

  const other = await f.login(f.seed.b);
  const fromB = await f.call(other, 'POST', '/alarms/resolve', { ids: [id] });
  expect(fromB.body).toEqual({ resolved: [], refused: [{ id, reason: `alarm ${id} not found` }] });
  expect((await history(id)).map((r) => r.transition)).toEqual(['fired']);
  // At most 200 ids per call, as acknowledge.
  const tooMany = Array.from({ length: 201 }, () => id);
  expect((await f.call(installer, 'POST', '/alarms/assign', { ids: tooMany, userId: null })).status).toBe(
    400,
  );
}
