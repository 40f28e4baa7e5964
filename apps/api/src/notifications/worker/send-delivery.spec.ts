import type { ClaimedDelivery, NotificationChannelRow } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import type { NotificationProvider, SendOutcome } from '../providers/notification-provider.js';
import { sendDelivery } from './send-delivery.js';

const created = new Date('2026-11-25T00:00:00Z');
const event = {
  schema: 'alarm.evt/1',
  alarmId: '22222222-2222-4222-8222-222222222222',
  seq: 1,
  tenantId: '11111111-1111-4111-8111-111111111111',
  siteId: '33333333-3333-4333-8333-333333333333',
  stringId: null,
  gatewayId: null,
  code: 'x',
  title: 'X',
  severity: 'major',
  transition: 'fired',
  status: 'open',
  count: 1,
  flapping: false,
  notify: true,
  actor: 'system',
  at: '2026-11-25T00:00:00.000Z',
  detail: {},
};
const delivery: ClaimedDelivery = {
  id: 'd',
  tenantId: event.tenantId,
  channelId: 'c',
  eventId: 'e',
  alarmId: event.alarmId,
  seq: 1,
  recipient: 'channel',
  userId: null,
  event,
  attempts: 1,
  createdAt: created,
};
const channel: NotificationChannelRow = {
  id: 'c',
  tenantId: event.tenantId,
  kind: 'webhook',
  name: 'hook',
  config: {},
  secretEnc: 's',
  enabled: true,
  createdAt: created,
};
const policy = { baseMs: 1000, maxMs: 60_000, windowMs: 3_600_000 };

function deps(
  outcome: SendOutcome | (() => Promise<SendOutcome>),
  now = created,
  ch: NotificationChannelRow | null = channel,
) {
  const provider: NotificationProvider = {
    id: 'webhook',
    send: typeof outcome === 'function' ? outcome : async () => outcome,
  };
  return { channel: ch, buildProvider: async () => provider, policy, timeoutMs: 50, now: () => now };
}

describe('sendDelivery', () => {
  it('records a delivered attempt', async () => {
    const r = await sendDelivery(delivery, deps({ ok: true, httpStatus: 204, response: null }));
    expect([r.attempt.outcome, r.attempt.httpStatus, r.next]).toEqual([
      'delivered',
      204,
      { status: 'delivered' },
    ]);
  });

  it('retries a transient failure later, and gives it up once the window is spent', async () => {
    const fail: SendOutcome = {
      ok: false,
      permanent: false,
      httpStatus: 503,
      response: null,
      error: 'HTTP 503',
    };
    const soon = await sendDelivery(delivery, deps(fail));
    expect(soon.next.status).toBe('failed');
    expect(soon.attempt.outcome).toBe('failed');
    const late = await sendDelivery(delivery, deps(fail, new Date(created.getTime() + 3_600_000)));
    expect(late.next).toEqual({ status: 'dead', error: 'HTTP 503' });
  });

  it('gives up a permanent failure, a disabled or deleted channel and a corrupt stored event at once', async () => {
    const gone: SendOutcome = { ok: false, permanent: true, httpStatus: 410, response: null, error: 'gone' };
    expect((await sendDelivery(delivery, deps(gone))).next.status).toBe('dead');
    const ok: SendOutcome = { ok: true, httpStatus: 200, response: null };
    expect((await sendDelivery(delivery, deps(ok, created, { ...channel, enabled: false }))).next).toEqual({
      status: 'dead',
      error: 'channel disabled',
    });
    expect((await sendDelivery(delivery, deps(ok, created, null))).next).toEqual({
      status: 'dead',
      error: 'channel deleted',
    });
    expect((await sendDelivery({ ...delivery, event: { junk: true } }, deps(ok))).next.status).toBe('dead');
  });

  it('aborts a provider that does not answer within the timeout and retries it', async () => {
    const hang = () =>
      new Promise<SendOutcome>(() => {
        /* never settles unless aborted */
      });
    const provider: NotificationProvider = {
      id: 'webhook',
      send: (_t, signal) =>
        Promise.race([
          hang(),
          new Promise<SendOutcome>((resolve) =>
            signal.addEventListener('abort', () =>
              resolve({ ok: false, permanent: false, httpStatus: null, response: null, error: 'aborted' }),
            ),
          ),
        ]),
    };
    const r = await sendDelivery(delivery, { ...deps(hang), buildProvider: async () => provider });
    expect([r.next.status, r.attempt.outcome]).toEqual(['failed', 'failed']);
  });
});
