import { z } from 'zod';

const ts = z.iso.datetime({ offset: true });

export const deliverySchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid(),
    channelKind: z.enum(['email', 'webhook', 'webpush']),
    channelName: z.string(),
    eventId: z.string().describe('`<alarmId>:<seq>`'),
    seq: z.number().int(),
    recipient: z.string(),
    status: z.enum(['pending', 'sending', 'delivered', 'failed', 'dead', 'held']),
    attempts: z.number().int(),
    nextAttemptAt: ts,
    lastError: z.string().nullable(),
    createdAt: ts,
    deliveredAt: ts.nullable(),
    attemptLog: z.array(
      z.object({
        at: ts,
        outcome: z.string(),
        httpStatus: z.number().int().nullable(),
        response: z.string().nullable(),
        durationMs: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'NotificationDelivery' });
export type DeliveryDto = z.infer<typeof deliverySchema>;
export const deliveryListSchema = z.array(deliverySchema);
