import { z } from 'zod';

/** Role names of the relational model (schema.prisma `Role`). */
const roles = ['org_admin', 'installer', 'technician', 'support', 'owner'] as const;

/** The languages a person can choose; mails go out in it (app_user.locale). */
export const locales = ['en', 'de'] as const;
export const localeSchema = z
  .enum(locales, { error: 'must be one of en, de' })
  .describe('The person’s language: the web and every mail to them use it.');

/** Unknown fields are refused (strict), so a typo in a field name is a 400 rather than ignored. */
export const loginBodySchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(320),
  password: z.string({ error: 'is required' }).min(1, 'is required').max(1024),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const totpLoginBodySchema = z.strictObject({
  challenge: z.string({ error: 'is required' }).min(1, 'is required').max(2048),
  code: z.string({ error: 'is required' }).regex(/^\d{6}$/, 'must be the 6-digit code of your authenticator'),
});
export type TotpLoginBody = z.infer<typeof totpLoginBodySchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    tenantId: z.uuid(),
    locale: localeSchema,
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

/** What a person may change about themselves; unknown fields (role, email, …) are refused. */
export const updateMeBodySchema = z.strictObject({ locale: localeSchema }).meta({ id: 'UpdateMeBody' });
export type UpdateMeBody = z.infer<typeof updateMeBodySchema>;

export const sessionSchema = z
  .object({
    token: z.string().describe('Bearer token (JWT, HS256); send as `Authorization: Bearer <token>`.'),
    user: userSchema,
  })
  .meta({ id: 'Session' });
export type SessionDto = z.infer<typeof sessionSchema>;

export const totpChallengeSchema = z
  .object({
    totpRequired: z.literal(true),
    challenge: z
      .string()
      .describe('Send with the current code to POST /api/auth/login/totp within 5 minutes.'),
  })
  .meta({ id: 'TotpChallenge' });
export type TotpChallengeDto = z.infer<typeof totpChallengeSchema>;

/** A session, or (TOTP enabled) the challenge for the second step. */
export const loginResponseSchema = z
  .union([sessionSchema, totpChallengeSchema])
  .meta({ id: 'LoginResponse' });
export type LoginResponseDto = z.infer<typeof loginResponseSchema>;
