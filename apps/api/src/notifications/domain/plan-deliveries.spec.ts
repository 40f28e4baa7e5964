import type { NotificationChannelRow, NotificationPerson } from '@fleet/db';
import { ALARM_EVENT_SCHEMA, type AlarmEvent } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { planDeliveries } from './plan-deliveries.js';

const tenantId = '11111111-1111-4111-8111-111111111111';
const now = new Date('2026-11-25T12:00:00Z');

function event(overrides: Partial<AlarmEvent> = {}): AlarmEvent {
  return {
    schema: ALARM_EVENT_SCHEMA,
    alarmId: '22222222-2222-4222-8222-222222222222',
    seq: 3,
    tenantId,
    siteId: '33333333-3333-4333-8333-333333333333',
    stringId: null,
    gatewayId: null,
    code: 'derived.cell_imbalance',
    title: 'Cell imbalance',
    severity: 'major',
    transition: 'fired',
    status: 'open',
    count: 1,
    flapping: false,
    notify: true,
    actor: 'system',
    at: now.toISOString(),
    detail: {},
    ...overrides,
  };
}

function channel(
  id: string,
  kind: NotificationChannelRow['kind'],
  config: Record<string, unknown> = {},
): NotificationChannelRow {
  return { id, tenantId, kind, name: id, config, secretEnc: null, enabled: true, createdAt: now };
}

function person(
  userId: string,
  email: string,
  pref: Partial<NotificationPerson['preference']>,
  subs: string[] = [],
): NotificationPerson {
  return {
    userId,
    email,
    name: userId,
    preference: {
      userId,
      channelIds: [],
      minSeverity: 'info',
      quietStart: null,
      quietEnd: null,
      timezone: 'UTC',
      digestAt: null,
      lastDigestAt: null,
      ...pref,
    },
    subscriptions: subs.map((id) => ({ id, userId, endpoint: `https://push/${id}`, p256dh: 'k', auth: 'a' })),
  };
}

const hook = channel('hook', 'webhook', { url: 'https://x', format: 'generic' });
const mail = channel('mail', 'email', { to: ['Ops@Example.com'] });
const push = channel('push', 'webpush');

describe('planDeliveries', () => {
  it('gives a webhook and an address list every event, keyed by the event id', () => {
    const rows = planDeliveries(event(), [hook, mail], [], now);
    expect(rows.map((r) => [r.channelId, r.recipient, r.status, r.eventId])).toEqual([
      ['hook', 'channel', 'pending', '22222222-2222-4222-8222-222222222222:3'],
      ['mail', 'mailto:ops@example.com', 'pending', '22222222-2222-4222-8222-222222222222:3'],
    ]);
  });

  it('plans nothing for notify: false or a disabled channel', () => {
    expect(planDeliveries(event({ notify: false }), [hook], [], now)).toEqual([]);
    expect(planDeliveries(event(), [{ ...hook, enabled: false }], [], now)).toEqual([]);
  });

  it('reaches a person on the channels they picked, each push subscription once, above their minimum', () => {
    const ada = person('ada', 'ada@x.test', { channelIds: ['mail', 'push'], minSeverity: 'major' }, [
      's1',
      's2',
    ]);
    const bob = person('bob', 'bob@x.test', { channelIds: ['mail'], minSeverity: 'critical' });
    const rows = planDeliveries(event(), [mail, push], [ada, bob], now);
    expect(rows.map((r) => `${r.channelId} ${r.recipient} ${r.userId}`)).toEqual([
      'mail mailto:ops@example.com null',
      'mail mailto:ada@x.test ada',
      'push push:s1 ada',
      'push push:s2 ada',
    ]);
  });

  it('sends an address on the list and of a person once', () => {
    const ops = person('ops', 'ops@example.com', { channelIds: ['mail'] });
    expect(planDeliveries(event(), [mail], [ops], now)).toHaveLength(1);
  });

  it('defers to the end of quiet hours, or holds for the digest when the person has one', () => {
    const quiet = { quietStart: '11:00', quietEnd: '13:30', channelIds: ['mail'] };
    const deferred = planDeliveries(event(), [mail], [person('a', 'a@x.test', quiet)], now)[1]!;
    expect([deferred.status, deferred.nextAttemptAt]).toEqual(['pending', new Date('2026-11-25T13:30:00Z')]);
    const held = planDeliveries(
      event(),
      [mail],
      [person('b', 'b@x.test', { ...quiet, digestAt: '08:00' })],
      now,
    )[1]!;
    expect(held.status).toBe('held');
  });
});
