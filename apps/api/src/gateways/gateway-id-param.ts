import { GATEWAY_ID_PATTERN } from '@fleet/telemetry';
import { z } from 'zod';

/** A gateway's wire id (ARCHITECTURE.md, Identity): lower-case `[a-z0-9-]{3,64}`. */
export const gatewayIdSchema = z
  .string()
  .regex(GATEWAY_ID_PATTERN, 'must be 3 to 64 of a-z, 0-9 and -')
  .describe('The wire gatewayId: lower-case a-z, 0-9 and -, 3 to 64 long.');

export const gatewayIdParamSchema = z.strictObject({ id: gatewayIdSchema });
export type GatewayIdParam = z.infer<typeof gatewayIdParamSchema>;
