import { z } from 'zod';

/** Role names of the relational model (schema.prisma `Role`). */
const roles = ['org_admin', 'installer', 'technician', 'support', 'owner'] as const;

/** Unknown fields are refused (strict), so a typo in a field name is a 400 rather than ignored. */
export const loginBodySchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(320),
  password: z.string({ error: 'is required' }).min(1, 'is required').max(1024),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    tenantId: z.uuid(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

export const loginResponseSchema = z
  .object({
    token: z.string().describe('Bearer token (JWT, HS256); send as `Authorization: Bearer <token>`.'),
    user: userSchema,
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponseDto = z.infer<typeof loginResponseSchema>;
