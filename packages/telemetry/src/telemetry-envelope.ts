import { z } from 'zod';
import { GATEWAY_ID_PATTERN } from './ids.js';
import { packSampleSchema } from './pack-sample.js';

export const TELEMETRY_SCHEMA = 'bms.tlm/1';

/**
 * One telemetry batch as published on `bms.v1.tlm.<gatewayId>`.
 * Unknown keys are stripped rather than refused so an older reader accepts a newer minor
 * version (ARCHITECTURE.md: a newer minor field is ignored by an older reader).
 */
export const telemetryEnvelopeSchema = z.object({
  schema: z.literal(TELEMETRY_SCHEMA),
  gatewayId: z.string().regex(GATEWAY_ID_PATTERN),
  /** Random id chosen at agent start; with `seq` it makes every batch unique. */
  bootId: z.string().min(4).max(64),
  /** Monotonic per boot, from 0. */
  seq: z.number().int().min(0),
  sentAt: z.iso.datetime({ offset: true }),
  samples: z
    .array(z.discriminatedUnion('kind', [packSampleSchema]))
    .min(1)
    .max(10_000),
});

export type TelemetryEnvelope = z.infer<typeof telemetryEnvelopeSchema>;
