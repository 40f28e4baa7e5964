import { z } from 'zod';

export const ROLES = ['org_admin', 'installer', 'technician', 'support', 'owner'] as const;

export const memberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    totpEnabled: z.boolean().describe('Whether the member signs in with a TOTP second factor.'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Member' });
export type MemberDto = z.infer<typeof memberSchema>;

export const memberListSchema = z.array(memberSchema).meta({ id: 'MemberList' });

export const changeRoleBodySchema = z.strictObject({ role: z.enum(ROLES) });
export type ChangeRoleBody = z.infer<typeof changeRoleBodySchema>;
