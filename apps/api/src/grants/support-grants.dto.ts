import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });
/** Longest grant: support is a case, not a standing arrangement; renew it when the case goes on. */
export const MAX_GRANT_DAYS = 90;

export const createGrantBodySchema = z.strictObject({
  grantee: z
    .string()
    .min(1)
    .max(100)
    .describe('The support desk or distributor organisation: its id or its slug.'),
  expiresAt: timestamp.describe(
    `When access ends by itself; in the future, at most ${MAX_GRANT_DAYS} days ahead.`,
  ),
  note: z.string().max(500).optional().describe('Why: the case number, the question.'),
});
export type CreateGrantBody = z.infer<typeof createGrantBodySchema>;

export const supportGrantSchema = z
  .object({
    id: z.uuid(),
    siteId: z.uuid(),
    siteName: z.string(),
    granteeId: z.uuid(),
    granteeName: z.string(),
    grantedBy: z.string(),
    note: z.string().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp,
    revokedAt: timestamp.nullable(),
    revokedBy: z.string().nullable(),
    active: z.boolean().describe('Not revoked and not yet expired.'),
  })
  .meta({ id: 'SupportGrant' });
export type SupportGrantDto = z.infer<typeof supportGrantSchema>;
export const supportGrantListSchema = z.array(supportGrantSchema);
