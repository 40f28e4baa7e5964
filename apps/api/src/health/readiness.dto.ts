import { z } from 'zod';

export const livenessSchema = z
  .object({ status: z.literal('ok') })
  .meta({ id: 'Liveness', description: 'The process answers; no dependency is asked.' });
export type LivenessDto = z.infer<typeof livenessSchema>;

const state = z.enum(['ok', 'off']).describe('`off`: this api runs no notification worker, so needs no NATS');

export const readinessSchema = z
  .object({ status: z.literal('ready'), database: z.literal('ok'), nats: state })
  .meta({
    id: 'Readiness',
    description: 'The database answers and, when the worker runs, NATS is connected.',
  });
export type ReadinessDto = z.infer<typeof readinessSchema>;
