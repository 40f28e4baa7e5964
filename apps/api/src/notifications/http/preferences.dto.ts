import { alarmSeverities } from '@fleet/telemetry';
import { z } from 'zod';
import { isTimeZone } from '../domain/zoned-time.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');

export const preferencesSchema = z
  .strictObject({
    channelIds: z
      .array(z.uuid({ error: 'must be a UUID' }))
      .max(50)
      .describe('Channels this person wants notices on.'),
    minSeverity: z.enum(alarmSeverities).describe('Notices below this severity are not sent to this person.'),
    quietHours: z
      .strictObject({ start: hhmm, end: hhmm })
      .nullable()
      .describe(
        'Local times; may wrap midnight. Notices wait for the end, or for the digest when one is set.',
      ),
    timezone: z.string().refine(isTimeZone, 'must be an IANA time zone like Europe/Berlin'),
    digestAt: hhmm.nullable().describe('Local time of the daily digest of notices held during quiet hours.'),
  })
  .meta({ id: 'NotificationPreferences' });
export type PreferencesDto = z.infer<typeof preferencesSchema>;

export const subscribeBodySchema = z
  .strictObject({
    endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
    keys: z.strictObject({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
  })
  .meta({ id: 'WebpushSubscription' });
export type SubscribeBody = z.infer<typeof subscribeBodySchema>;

export const unsubscribeQuerySchema = z.strictObject({ endpoint: z.url().max(2000) });
export type UnsubscribeQuery = z.infer<typeof unsubscribeQuerySchema>;

export const vapidKeySchema = z
  .object({
    publicKey: z.string().nullable().describe('VAPID application server key, null when push is off.'),
  })
  .meta({ id: 'VapidPublicKey' });
