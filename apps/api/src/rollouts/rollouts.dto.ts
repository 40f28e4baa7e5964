import { z } from 'zod';

const httpsUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000)
  .describe('Where gateways download it (http or https).');

export const siteGroupBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  siteIds: z
    .array(z.uuid({ error: 'must be a UUID' }))
    .min(1)
    .max(10_000)
    .describe('Sites of your organisation in the group.'),
});
export type SiteGroupBody = z.infer<typeof siteGroupBodySchema>;

export const siteGroupSchema = z
  .object({ id: z.uuid(), name: z.string(), siteIds: z.array(z.uuid()), createdAt: z.iso.datetime() })
  .meta({ id: 'SiteGroup' });
export type SiteGroupDto = z.infer<typeof siteGroupSchema>;
export const siteGroupListSchema = z.array(siteGroupSchema);

export const rolloutBodySchema = z.strictObject({
  version: z
    .string()
    .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'must be x.y.z')
    .describe('The agent version the signed manifest names.'),
  manifestUrl: httpsUrl.describe(
    'The signed release manifest (`….release.json`; the signature at `<url>.sig`).',
  ),
  bundleUrl: httpsUrl.describe('The bundle tarball the manifest names.'),
  stages: z
    .array(z.uuid({ error: 'must be a UUID' }))
    .min(1)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a site group twice')
    .describe('Site groups in rollout order; stage 1 opens at once.'),
});
export type RolloutBody = z.infer<typeof rolloutBodySchema>;

export const rolloutSchema = z
  .object({
    id: z.uuid(),
    version: z.string(),
    manifestUrl: z.string(),
    bundleUrl: z.string(),
    state: z.enum(['active', 'paused']).describe('paused: offered to no gateway until resumed.'),
    openStages: z.int().describe('Stages 1..openStages are open while active.'),
    stages: z.array(z.uuid()).describe('The site group of each stage, in order.'),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AgentRollout' });
export type RolloutDto = z.infer<typeof rolloutSchema>;
export const rolloutListSchema = z.array(rolloutSchema);

export const updateCheckQuerySchema = z.strictObject({
  publicKey: z.string().min(1).max(80).describe('The gateway’s active NATS user key (`U…`).'),
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
      'base64url ed25519 signature with the key over `fleet-update-check/1\\n<gatewayId>\\n<publicKey>\\n<signedAt>`.',
    ),
});
export type UpdateCheckQuery = z.infer<typeof updateCheckQuerySchema>;

export const updateCheckResultSchema = z
  .object({
    update: z
      .object({
        version: z.string(),
        manifestUrl: z.string(),
        bundleUrl: z.string(),
        rolloutId: z.uuid(),
        stage: z.int(),
      })
      .nullable()
      .describe('null: no rollout stage holding this gateway’s site is open.'),
  })
  .meta({ id: 'GatewayUpdateCheck' });
export type UpdateCheckResult = z.infer<typeof updateCheckResultSchema>;
