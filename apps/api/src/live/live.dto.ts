import { z } from 'zod';

const uuid = z.uuid({ error: 'must be a UUID' });

/** `?site=&string=a,b`: both optional; with neither, every site in the caller's scope streams. */
export const streamQuerySchema = z.strictObject({
  site: uuid.optional().describe('Only this site (must be in your scope, else 404).'),
  string: z
    .string()
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(z.array(uuid).min(1).max(50))
    .optional()
    .describe('Comma-separated string ids (each in your scope, else 404).'),
});
export type StreamQuery = z.infer<typeof streamQuerySchema>;

/** The events of the stream, for the OpenAPI description (the body is text/event-stream). */
export const STREAM_EVENTS_DESCRIPTION = [
  'Server-sent events, filtered by your access scope as it is now:',
  '`ready` {live, site, strings} first;',
  '`info` {message} once when live events are unavailable (no NATS);',
  '`telemetry` {stringId, siteId, gatewayId, samples} with the pack values of each batch;',
  '`alarm` an alarm.evt/1 event;',
  '`revoked` {reason} when your access to what you asked for ended (the stream then closes; do not reconnect);',
  'a `: heartbeat` comment every 15 s.',
].join(' ');
