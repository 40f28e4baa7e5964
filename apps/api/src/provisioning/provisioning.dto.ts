import { GATEWAY_ID_PATTERN } from '@fleet/telemetry';
import { z } from 'zod';

export const provisioningCheckBodySchema = z.object({
  gatewayId: z
    .string()
    .regex(GATEWAY_ID_PATTERN, 'must be a gateway id')
    .describe('The `SerialNumber` the device passed to RegisterThing: its gateway id (= thing name).'),
  certificateId: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe('The id of the certificate IoT Core is about to activate; recorded in the audit line only.'),
});
export type ProvisioningCheckBody = z.infer<typeof provisioningCheckBodySchema>;

export const provisioningCheckResultSchema = z
  .discriminatedUnion('allow', [
    z.object({
      allow: z.literal(true),
      gatewayId: z.string().describe('The thing name to provision: the gateway id itself.'),
    }),
    z.object({
      allow: z.literal(false),
      reason: z
        .enum(['unknown-gateway', 'unclaimed', 'revoked'])
        .describe(
          '`unknown-gateway`: no gateway has this id; `unclaimed`: no installer claimed it; `revoked`: its credentials were revoked.',
        ),
    }),
  ])
  .meta({ id: 'ProvisioningCheckResult' });
export type ProvisioningCheckResult = z.infer<typeof provisioningCheckResultSchema>;
