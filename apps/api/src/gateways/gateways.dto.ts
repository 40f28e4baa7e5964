import { z } from 'zod';
import { gatewayIdSchema } from './gateway-id-param.js';

const timestamp = z.iso.datetime({ offset: true });

export const registerGatewayBodySchema = z.strictObject({
  id: gatewayIdSchema,
  name: z.string().trim().min(1).max(200),
});
export type RegisterGatewayBody = z.infer<typeof registerGatewayBodySchema>;

export const gatewaySchema = z
  .object({
    id: z.string(),
    siteId: z.uuid(),
    name: z.string(),
    createdAt: timestamp,
    lastSeenAt: timestamp.nullable(),
    credentialsIssuedAt: timestamp.nullable().describe('When its current NATS credentials were issued.'),
  })
  .meta({ id: 'Gateway' });
export type GatewayDto = z.infer<typeof gatewaySchema>;
export const gatewayListSchema = z.array(gatewaySchema);

export const gatewayCredentialsSchema = z
  .object({
    gatewayId: z.string(),
    userPublicKey: z.string().describe('The NATS user (`U…`); the only part the server keeps.'),
    issuedAt: timestamp,
    inboxPrefix: z.string().describe('Connect with this inbox prefix: replies elsewhere are not allowed.'),
    revokedKeys: z.array(z.string()).describe('The user keys this issue revoked.'),
    creds: z.string().describe('The `.creds` file (user JWT and seed). Shown once, never stored.'),
  })
  .meta({ id: 'GatewayCredentials' });
export type GatewayCredentialsDto = z.infer<typeof gatewayCredentialsSchema>;
