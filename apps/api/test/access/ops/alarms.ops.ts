import { randomUUID } from 'node:crypto';
import { ALARM_HANDLERS, FIELD_ROLES, READERS, SITE_MANAGERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

const tomorrow = () => new Date(Date.now() + 86_400_000);
const window = (start: Date) => ({
  startsAt: start.toISOString(),
  endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
  reason: 'access walk',
});

/** A lifecycle action on a fresh open alarm of site A1, so every caller finds it actionable. */
const action = (
  verb: string,
  body: (w: Parameters<OpSpec['request']>[0], as: string) => unknown,
): OpSpec => ({
  op: `POST /api/alarms/{id}/${verb}`,
  allowed: ALARM_HANDLERS,
  foreign: 'not-found',
  request: async (w, as) => ({ path: `/alarms/${await w.newAlarm()}/${verb}`, body: body(w, as) }),
});

/** The alarm inbox, rules and maintenance windows. */
export const ops: OpSpec[] = [
  { op: 'GET /api/alarms', allowed: READERS, foreign: 'own-data', request: () => ({ path: '/alarms' }) },
  {
    op: 'GET /api/alarms/{id}',
    allowed: READERS,
    foreign: 'not-found',
    request: (w) => ({ path: `/alarms/${w.a.alarmId}` }),
  },
  {
    // The bulk answer echoes the ids sent; a foreign caller sends an id of its own making.
    op: 'POST /api/alarms/acknowledge',
    allowed: ALARM_HANDLERS,
    foreign: 'own-data',
    okStatus: 200,
    request: async (w, as) => ({
      path: '/alarms/acknowledge',
      body: { ids: [as === 'foreign' ? randomUUID() : await w.newAlarm()] },
    }),
  },
  {
    op: 'POST /api/alarms/resolve',
    allowed: ALARM_HANDLERS,
    foreign: 'own-data',
    okStatus: 200,
    request: async (w, as) => ({
      path: '/alarms/resolve',
      body: { ids: [as === 'foreign' ? randomUUID() : await w.newAlarm()], note: 'fixed' },
    }),
  },
  {
    op: 'POST /api/alarms/assign',
    allowed: ALARM_HANDLERS,
    foreign: 'own-data',
    okStatus: 200,
    request: async (w, as) => ({
      path: '/alarms/assign',
      body: {
        ids: [as === 'foreign' ? randomUUID() : await w.newAlarm()],
        userId: w.users[as as keyof typeof w.users].id,
      },
    }),
  },
  action('acknowledge', () => ({})),
  action('assign', (w, as) => ({ userId: w.users[as as keyof typeof w.users].id })),
  action('comment', () => ({ text: 'checked on site' })),
  action('resolve', () => ({ note: 'fixed' })),
  action('close', () => ({})),
  action('snooze', () => ({ until: tomorrow().toISOString() })),
  {
    op: 'GET /api/alarm-rules',
    allowed: FIELD_ROLES,
    foreign: 'own-data',
    request: () => ({ path: '/alarm-rules' }),
  },
  {
    op: 'PUT /api/alarm-rules',
    allowed: SITE_MANAGERS,
    foreign: 'own-data',
    request: () => ({ path: '/alarm-rules', body: { rules: { 'bits.alarm': { fireDelayS: 5 } } } }),
  },
  {
    op: 'GET /api/sites/{id}/alarm-rules',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    request: (w) => ({ path: `/sites/${w.a.siteId}/alarm-rules` }),
  },
  {
    op: 'PUT /api/sites/{id}/alarm-rules',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    request: (w) => ({
      path: `/sites/${w.a.siteId}/alarm-rules`,
      body: { rules: { 'bits.alarm': { fireDelayS: 10 } } },
    }),
  },
  {
    op: 'GET /api/maintenance-windows',
    allowed: FIELD_ROLES,
    foreign: 'own-data',
    request: () => ({ path: '/maintenance-windows' }),
  },
  {
    op: 'POST /api/maintenance-windows',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    request: (w) => ({ path: '/maintenance-windows', body: { siteId: w.a.siteId, ...window(tomorrow()) } }),
  },
  {
    op: 'PUT /api/maintenance-windows/{id}',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    request: async (w) => ({
      path: `/maintenance-windows/${await w.newMaintenanceWindow()}`,
      body: window(tomorrow()),
    }),
  },
  {
    op: 'DELETE /api/maintenance-windows/{id}',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    request: async (w) => ({ path: `/maintenance-windows/${await w.newMaintenanceWindow()}` }),
  },
];
