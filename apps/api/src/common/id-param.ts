import { z } from 'zod';

/** `/:id` path parameters are UUIDs; anything else is a 400 naming `id`, before any query runs. */
export const idParamSchema = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });
export type IdParam = z.infer<typeof idParamSchema>;
