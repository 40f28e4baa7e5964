import { z } from 'zod';
import { localeSchema } from '../auth/auth.dto.js';
import { ROLES } from './members.dto.js';

/** The password rule of every account created or reset here. */
export const newPasswordSchema = z
  .string({ error: 'is required' })
  .min(10, 'must be at least 10 characters')
  .max(1024, 'must be at most 1024 characters');

export const createInvitationBodySchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(320),
  role: z.enum(ROLES),
  siteIds: z
    .array(z.uuid({ error: 'must be a UUID' }))
    .max(100)
    .optional()
    .describe('Sites of your organisation an invited owner will see (role owner only).'),
  locale: localeSchema
    .optional()
    .describe('The language of the invitation mail; default: the inviting person’s own language.'),
});
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(ROLES),
    siteIds: z.array(z.uuid()),
    invitedBy: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });
export type InvitationDto = z.infer<typeof invitationSchema>;

export const createdInvitationSchema = invitationSchema
  .extend({ mailed: z.boolean().describe('Whether the SMTP server took the invitation mail.') })
  .meta({ id: 'CreatedInvitation' });
export type CreatedInvitationDto = z.infer<typeof createdInvitationSchema>;

export const invitationListSchema = z.array(invitationSchema).meta({ id: 'InvitationList' });

export const acceptInvitationBodySchema = z.strictObject({
  token: z.string({ error: 'is required' }).min(1, 'is required').max(200),
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200),
  password: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .max(1024)
    .describe(
      'The new account’s password (at least 10 characters); for an existing owner account, its password.',
    ),
  locale: localeSchema
    .optional()
    .describe(
      'The new account’s language (the accept form’s); default en. An existing account keeps its own.',
    ),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;
