import { z } from 'zod';

export const healthSchema = z
  .object({ status: z.literal('ok'), database: z.literal('ok') })
  .meta({ id: 'Health', description: 'The API runs and its database answers.' });
export type HealthDto = z.infer<typeof healthSchema>;
