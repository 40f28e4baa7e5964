import { z } from 'zod';
import { API_KEY_SCOPES } from '../auth/api-key-access.js';

export const createApiKeyBodySchema = z.strictObject({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1)
    .max(2)
    .refine((s) => s.includes('read') && new Set(s).size === s.length, {
      error: "must be ['read'] or ['read', 'alarms']",
    })
    .describe('`read`: GET what a support member may read; `alarms`: also handle alarms.'),
});
export type CreateApiKeyBody = z.infer<typeof createApiKeyBodySchema>;

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scopes: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().describe('Updated at most once a minute.'),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyDto = z.infer<typeof apiKeySchema>;

export const createdApiKeySchema = apiKeySchema
  .extend({
    key: z.string().describe('`fk_<id>_<secret>`, shown in this response only; send as a bearer token.'),
  })
  .meta({ id: 'CreatedApiKey' });
export type CreatedApiKeyDto = z.infer<typeof createdApiKeySchema>;

export const apiKeyListSchema = z.array(apiKeySchema).meta({ id: 'ApiKeyList' });
