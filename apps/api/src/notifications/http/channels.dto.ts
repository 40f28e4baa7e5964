import { z } from 'zod';
import { webhookFormats } from '../providers/webhook-payload.js';

const name = z.string().trim().min(1, 'is required').max(120);
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);
const addresses = z.array(z.email({ error: 'must be an email address' }).max(320)).max(50);

/** Unknown fields are refused (strict), so a misspelt option is a 400, not silently ignored. */
export const createChannelBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('webhook'),
    name,
    url,
    format: z
      .enum(webhookFormats)
      .default('generic')
      .describe('generic JSON, Slack blocks or a Teams MessageCard.'),
    enabled: z.boolean().default(true),
  }),
  z.strictObject({
    kind: z.literal('email'),
    name,
    to: addresses.default([]),
    enabled: z.boolean().default(true),
  }),
  z.strictObject({ kind: z.literal('webpush'), name, enabled: z.boolean().default(true) }),
]);
export type CreateChannelBody = z.infer<typeof createChannelBodySchema>;

export const updateChannelBodySchema = z.strictObject({
  name: name.optional(),
  enabled: z.boolean().optional(),
  url: url.optional(),
  format: z.enum(webhookFormats).optional(),
  to: addresses.optional(),
});
export type UpdateChannelBody = z.infer<typeof updateChannelBodySchema>;

export const channelSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['email', 'webhook', 'webpush']),
    name: z.string(),
    enabled: z.boolean(),
    url: z.string().optional(),
    format: z.enum(webhookFormats).optional(),
    to: z.array(z.string()).optional(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'NotificationChannel' });
export type ChannelDto = z.infer<typeof channelSchema>;
export const channelListSchema = z.array(channelSchema);

export const createdChannelSchema = channelSchema
  .extend({
    secret: z
      .string()
      .optional()
      .describe('Webhook signing secret. Returned ONLY in this response; store it now.'),
  })
  .meta({ id: 'CreatedNotificationChannel' });
export type CreatedChannelDto = z.infer<typeof createdChannelSchema>;

export const testResultSchema = z
  .array(
    z.object({
      recipient: z.string(),
      ok: z.boolean(),
      httpStatus: z.number().int().nullable(),
      response: z.string().nullable(),
      error: z.string().nullable(),
    }),
  )
  .meta({ id: 'NotificationTestResult' });
export type TestResultDto = z.infer<typeof testResultSchema>;
