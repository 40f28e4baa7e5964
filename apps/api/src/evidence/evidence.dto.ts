import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const evidenceRequestSchema = z
  .strictObject({
    from: timestamp.describe('Start of the period (inclusive).'),
    to: timestamp.describe('End of the period (exclusive); at most 3,660 days after from.'),
  })
  .meta({ id: 'EvidencePackRequest' });
export type EvidenceRequestDto = z.infer<typeof evidenceRequestSchema>;

export const evidenceListQuerySchema = z.strictObject({
  stringId: z.uuid({ error: 'must be a UUID' }),
});
export type EvidenceListQuery = z.infer<typeof evidenceListQuerySchema>;

export const evidencePackSchema = z
  .object({
    id: z.uuid(),
    stringId: z.uuid(),
    siteId: z.uuid(),
    from: timestamp,
    to: timestamp,
    requestedBy: z.string().describe('User id of who asked for it.'),
    status: z.enum(['queued', 'running', 'ready', 'failed']),
    progress: z.object({
      step: z.number().int().describe('Steps done.'),
      of: z.number().int().describe('Steps in all (0 until the runner started).'),
      message: z.string().nullable().describe('The file being made.'),
    }),
    error: z.string().nullable(),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
    generatorVersion: z.string().nullable(),
    pdf: z.object({ sha256: z.string(), bytes: z.number().int() }).nullable().describe('Set once ready.'),
    zip: z.object({ sha256: z.string(), bytes: z.number().int() }).nullable().describe('Set once ready.'),
  })
  .meta({ id: 'EvidencePack' });
export type EvidencePackDto = z.infer<typeof evidencePackSchema>;

export const evidencePackListSchema = z
  .object({ items: z.array(evidencePackSchema).describe('Newest first, at most 50.') })
  .meta({ id: 'EvidencePackList' });
export type EvidencePackListDto = z.infer<typeof evidencePackListSchema>;
