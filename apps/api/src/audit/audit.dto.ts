import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });
const uuid = z.uuid({ error: 'must be a UUID' });

export const auditListQuerySchema = z
  .strictObject({
    actor: uuid.optional().describe('Only events of this user.'),
    action: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('A verb (`acknowledge`) or a whole action (`POST /api/alarms/{id}/acknowledge`).'),
    site: uuid.optional().describe('Only events that touched this site.'),
    from: timestamp.optional().describe('Events at or after this instant.'),
    to: timestamp.optional().describe('Events before this instant.'),
    cursor: z.string().max(200).optional().describe('nextCursor of the previous page.'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    format: z
      .enum(['json', 'csv'])
      .optional()
      .describe('csv: the whole filtered log as a CSV download (or send Accept: text/csv).'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['from'],
  });
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditEventSchema = z
  .object({
    id: z.string().describe('Increasing with insertion; a decimal string (64-bit).'),
    at: timestamp.describe('When the request arrived.'),
    tenantId: z.uuid().describe('The organisation whose data the request touched.'),
    actorUserId: z.uuid(),
    actorTenantId: z.uuid().describe("The actor's own organisation (a support desk, for support access)."),
    actorRole: z.enum(['org_admin', 'installer', 'technician', 'support', 'owner']),
    actorName: z.string().nullable().describe('The actor’s display name; null once the user is gone.'),
    actorOrganisation: z
      .string()
      .nullable()
      .describe(
        'The actor’s organisation when it is not the caller’s (a support desk); null for own members.',
      ),
    action: z.string().describe('`METHOD /api/route/{param}`: the route template, never the concrete path.'),
    verb: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    siteId: z.uuid().nullable(),
    status: z.number().int().describe('HTTP status of the response.'),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().describe('The `x-request-id` of the request, as in the logs.'),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z
  .object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPageDto = z.infer<typeof auditPageSchema>;
