import { z } from 'zod';

export const totpCodeBodySchema = z.strictObject({
  code: z.string({ error: 'is required' }).regex(/^\d{6}$/, 'must be the 6-digit code of your authenticator'),
});
export type TotpCodeBody = z.infer<typeof totpCodeBodySchema>;

export const totpSetupSchema = z
  .object({
    secret: z.string().describe('Base32 secret, for typing into an authenticator app.'),
    uri: z.string().describe('otpauth:// URI, for a QR code.'),
  })
  .meta({ id: 'TotpSetup' });
export type TotpSetupDto = z.infer<typeof totpSetupSchema>;
