import { z } from 'zod';

export const claimGatewayBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .describe(
      'The claim code on the gateway’s label or status page, `XXXX-XXXX-XXXX` (case, spaces and dashes do not matter).',
    ),
  name: z.string().trim().min(1).max(200),
});
export type ClaimGatewayBody = z.infer<typeof claimGatewayBodySchema>;

export const enrolmentPollBodySchema = z.strictObject({
  claimCode: z.string().min(1).max(40),
  publicKey: z
    .string()
    .min(1)
    .max(80)
    .describe('The gateway’s own NATS user key (`U…`); its seed stays on the gateway.'),
  signedAt: z
    .string()
    .min(1)
    .max(40)
    .describe('ISO time the proof was signed; within 10 minutes of the API’s clock.'),
  proof: z
    .string()
    .min(1)
    .max(200)
    .describe(
      'base64url ed25519 signature with the key over `fleet-enrol/1\\n<code>\\n<publicKey>\\n<signedAt>`.',
    ),
});
export type EnrolmentPollBody = z.infer<typeof enrolmentPollBodySchema>;

export const enrolmentPollResultSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('unclaimed').describe('Nobody claimed the code yet: poll again later.') }),
    z.object({
      status: z.literal('claimed'),
      gatewayId: z.string(),
      jwt: z
        .string()
        .describe('The user JWT for the polling key; connect with it and the seed kept on the gateway.'),
      inboxPrefix: z.string(),
    }),
  ])
  .meta({ id: 'EnrolmentPollResult' });
export type EnrolmentPollResult = z.infer<typeof enrolmentPollResultSchema>;
