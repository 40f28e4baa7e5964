import { alarmSeverities, alarmStatuses, alarmTransitions } from '@fleet/telemetry';
import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

/** `a,b,c` → ['a','b','c'], each checked against the allowed values. */
const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));

export const alarmListQuerySchema = z.strictObject({
  status: csvOf(alarmStatuses).optional().describe('Comma-separated: open,acknowledged,resolved,closed.'),
  severity: csvOf(alarmSeverities).optional().describe('Comma-separated: critical,major,warning,info.'),
  site: z.uuid({ error: 'must be a UUID' }).optional(),
  string: z.uuid({ error: 'must be a UUID' }).optional(),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlarmListQuery = z.infer<typeof alarmListQuerySchema>;

export const personSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organisation: z
      .string()
      .nullable()
      .describe(
        'The organisation of a person from another organisation than the caller (a support desk); null for own.',
      ),
  })
  .meta({ id: 'AlarmPerson' });
export type PersonDto = z.infer<typeof personSchema>;

export const alarmSchema = z
  .object({
    id: z.uuid(),
    siteId: z.uuid(),
    stringId: z.uuid().nullable(),
    gatewayId: z.string().nullable(),
    code: z.string(),
    title: z.string(),
    severity: z.enum(alarmSeverities),
    status: z.enum(alarmStatuses),
    count: z.number().int().describe('How often the condition fired while this alarm was not closed.'),
    flapping: z.boolean(),
    seq: z.number().int().describe('Number of the last transition; events carry `<id>:<seq>`.'),
    firstFiredAt: timestamp,
    lastFiredAt: timestamp,
    resolvedAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    assigneeId: z.uuid().nullable(),
    assignee: personSchema
      .nullable()
      .describe('Who assigneeId is; null when unassigned or the user is gone.'),
    acknowledgedBy: z.string().nullable(),
    acknowledger: personSchema.nullable().describe('Who acknowledgedBy is; null when not a known user.'),
    acknowledgedAt: timestamp.nullable(),
    escalationLevel: z.number().int(),
    snoozedUntil: timestamp.nullable(),
    lastValue: z.number().nullable(),
    rawWords: z.record(z.string(), z.unknown()).nullable().describe('Raw BMS words of the last firing.'),
    cellSnapshotAt: timestamp
      .nullable()
      .describe('Attached cell snapshot (cell_snapshot of the string at this time).'),
  })
  .meta({ id: 'Alarm' });
export type AlarmDto = z.infer<typeof alarmSchema>;

export const alarmListSchema = z
  .object({ items: z.array(alarmSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AlarmList' });
export type AlarmListDto = z.infer<typeof alarmListSchema>;

export const alarmDetailSchema = alarmSchema
  .extend({
    transitions: z.array(
      z.object({
        seq: z.number().int(),
        transition: z.enum(alarmTransitions),
        actor: z.string().describe('A user id, or `system`.'),
        actorPerson: personSchema
          .nullable()
          .describe('Who actor is; null for `system` or a user that is gone.'),
        at: timestamp,
        detail: z.record(z.string(), z.unknown()),
        notify: z.boolean(),
      }),
    ),
    catalogue: z
      .object({
        kind: z.string(),
        meaning: z.string(),
        causes: z.array(z.string()),
        firstSteps: z.array(z.string()),
        confidence: z.string(),
        reference: z.string(),
      })
      .nullable()
      .describe('The catalogue entry of a BMS bit; null for derived alarms.'),
    people: z
      .array(personSchema)
      .describe(
        'Everyone named on this alarm (actors, assignee, whom a transition assigned), for display by id.',
      ),
  })
  .meta({ id: 'AlarmDetail' });
export type AlarmDetailDto = z.infer<typeof alarmDetailSchema>;

export const noteBodySchema = z.strictObject({ note: z.string().min(1).max(2000).optional() }).default({});
export type NoteBody = z.infer<typeof noteBodySchema>;

export const assignBodySchema = z.strictObject({
  userId: z.uuid({ error: 'must be a UUID' }).nullable().describe('null unassigns.'),
});
export type AssignBody = z.infer<typeof assignBodySchema>;

export const commentBodySchema = z.strictObject({
  text: z.string().min(1).max(4000),
  cellSnapshotAt: timestamp.optional().describe('Attach the string’s cell snapshot taken at this time.'),
});
export type CommentBody = z.infer<typeof commentBodySchema>;

export const snoozeBodySchema = z.strictObject({
  until: timestamp.describe('Notifications of this alarm are held until then; it is still recorded.'),
});
export type SnoozeBody = z.infer<typeof snoozeBodySchema>;

export const bulkAcknowledgeBodySchema = z.strictObject({
  ids: z
    .array(z.uuid({ error: 'must be a UUID' }))
    .min(1)
    .max(200),
});
export type BulkAcknowledgeBody = z.infer<typeof bulkAcknowledgeBodySchema>;

export const bulkAcknowledgeResultSchema = z
  .object({
    acknowledged: z.array(z.uuid()),
    refused: z.array(z.object({ id: z.uuid(), reason: z.string() })),
  })
  .meta({ id: 'BulkAcknowledgeResult' });
export type BulkAcknowledgeResultDto = z.infer<typeof bulkAcknowledgeResultSchema>;

/** As many alarms per bulk call as `POST /api/alarms/acknowledge` takes. */
const bulkIds = bulkAcknowledgeBodySchema.shape.ids;

export const bulkResolveBodySchema = z.strictObject({
  ids: bulkIds,
  note: z.string().min(1).max(2000).optional().describe('Recorded on each resolved alarm.'),
});
export type BulkResolveBody = z.infer<typeof bulkResolveBodySchema>;

export const bulkResolveResultSchema = z
  .object({
    resolved: z.array(z.uuid()),
    refused: z.array(z.object({ id: z.uuid(), reason: z.string() })),
  })
  .meta({ id: 'BulkResolveResult' });
export type BulkResolveResultDto = z.infer<typeof bulkResolveResultSchema>;

export const bulkAssignBodySchema = z.strictObject({
  ids: bulkIds,
  userId: z.uuid({ error: 'must be a UUID' }).nullable().describe('null unassigns.'),
});
export type BulkAssignBody = z.infer<typeof bulkAssignBodySchema>;

export const bulkAssignResultSchema = z
  .object({
    assigned: z.array(z.uuid()),
    refused: z.array(z.object({ id: z.uuid(), reason: z.string() })),
  })
  .meta({ id: 'BulkAssignResult' });
export type BulkAssignResultDto = z.infer<typeof bulkAssignResultSchema>;
