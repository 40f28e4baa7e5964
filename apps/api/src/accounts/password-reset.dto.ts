import { z } from 'zod';
import { newPasswordSchema } from './invitations.dto.js';

export const passwordResetBodySchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(320),
});
export type PasswordResetBody = z.infer<typeof passwordResetBodySchema>;

export const passwordResetConfirmBodySchema = z.strictObject({
  token: z.string({ error: 'is required' }).min(1, 'is required').max(200),
  password: newPasswordSchema,
});
export type PasswordResetConfirmBody = z.infer<typeof passwordResetConfirmBodySchema>;
