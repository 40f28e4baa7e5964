import { FIELD_ROLES, READERS, SITE_MANAGERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

const subscription = (as: string) => ({
  endpoint: `https://push.example.test/walk/${as}`,
  keys: {
    p256dh: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
    auth: 'tBHItJI5svbpez7KI4CCXg',
  },
});

/** Organisation channels (site managers), each person's own preferences, an alarm's deliveries. */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/notification-channels',
    allowed: SITE_MANAGERS,
    foreign: 'own-data',
    request: () => ({ path: '/notification-channels' }),
  },
  {
    op: 'POST /api/notification-channels',
    allowed: SITE_MANAGERS,
    foreign: 'own-data',
    request: () => ({
      path: '/notification-channels',
      body: { kind: 'webhook', name: 'walk hook', url: 'https://hooks.example.test/new', format: 'generic' },
    }),
  },
  {
    op: 'GET /api/notification-channels/{id}',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    request: (w) => ({ path: `/notification-channels/${w.a.channelId}` }),
  },
  {
    op: 'PATCH /api/notification-channels/{id}',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    request: async (w) => ({
      path: `/notification-channels/${await w.newChannel()}`,
      body: { name: 'renamed' },
    }),
  },
  {
    op: 'DELETE /api/notification-channels/{id}',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    request: async (w) => ({ path: `/notification-channels/${await w.newChannel()}` }),
  },
  {
    op: 'POST /api/notification-channels/{id}/test',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    request: async (w) => ({ path: `/notification-channels/${await w.newChannel()}/test` }),
  },
  {
    op: 'GET /api/me/notification-preferences',
    allowed: READERS,
    foreign: 'own-data',
    request: () => ({ path: '/me/notification-preferences' }),
  },
  {
    op: 'PUT /api/me/notification-preferences',
    allowed: READERS,
    foreign: 'own-data',
    request: () => ({
      path: '/me/notification-preferences',
      body: {
        channelIds: [],
        minSeverity: 'major',
        quietHours: null,
        timezone: 'Europe/Berlin',
        digestAt: null,
      },
    }),
  },
  {
    op: 'GET /api/me/webpush-key',
    allowed: READERS,
    foreign: 'own-data',
    request: () => ({ path: '/me/webpush-key' }),
  },
  {
    op: 'POST /api/me/webpush-subscriptions',
    allowed: READERS,
    foreign: 'own-data',
    request: (_w, as) => ({ path: '/me/webpush-subscriptions', body: subscription(as) }),
  },
  {
    op: 'DELETE /api/me/webpush-subscriptions',
    allowed: READERS,
    foreign: 'own-data',
    request: (_w, as) => ({
      path: `/me/webpush-subscriptions?endpoint=${encodeURIComponent(subscription(as).endpoint)}`,
    }),
  },
  {
    op: 'GET /api/alarms/{id}/deliveries',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    request: (w) => ({ path: `/alarms/${w.a.alarmId}/deliveries` }),
  },
];
