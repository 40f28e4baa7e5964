import { z } from 'zod';

export const savedViewBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(80).describe('Saving a name you already use replaces its query.'),
  query: z
    .string()
    .max(2000)
    .regex(/^[^?#\s]*$/, { error: 'must be a URL query string without ?, # or spaces' })
    .describe('The fleet view query string, e.g. `status=stale,offline&sort=lastSeen`.'),
});
export type SavedViewBody = z.infer<typeof savedViewBodySchema>;

export const savedViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'SavedView' });
export type SavedViewDto = z.infer<typeof savedViewSchema>;

export const savedViewListSchema = z.array(savedViewSchema).meta({ id: 'SavedViewList' });
