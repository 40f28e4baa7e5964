import { z } from 'zod';
import { cellSnapshotSchema } from './cell-snapshot.js';
import { GATEWAY_ID_PATTERN } from './ids.js';
import { kindListSchema, type UnknownKind } from './kind-list.js';
import { packSampleSchema } from './pack-sample.js';
import { packSeriesSchema } from './pack-series.js';

export const TELEMETRY_SCHEMA = 'bms.tlm/1';

/** Sample kinds this reader understands (minor 1 added `cells` and `packs`). */
const knownSampleSchema = z.discriminatedUnion('kind', [
  packSampleSchema,
  cellSnapshotSchema,
  packSeriesSchema,
]);
const KNOWN_KINDS: ReadonlySet<string> = new Set(['pack', 'cells', 'packs']);

/**
 * A sample of a kind this reader does not know (a newer minor version): it passes validation
 * so the rest of the batch is not refused, and is kept (with its body) in the parsed
 * envelope's `unknownSamples`, apart from `samples`, so readers cannot mistake it for data
 * they understand. Ingest dead-letters the batch's original bytes with code
 * `unknown-sample-kind` and stores the known samples.
 */
export type UnknownSample = UnknownKind;

export type KnownSample = z.infer<typeof knownSampleSchema>;

const sampleListSchema = kindListSchema<KnownSample>(knownSampleSchema, KNOWN_KINDS, 10_000);

/**
 * One telemetry batch as published on `bms.v1.tlm.<gatewayId>`.
 * Unknown keys are stripped rather than refused so an older reader accepts a newer minor
 * version (ARCHITECTURE.md: a newer minor field is ignored by an older reader); unknown sample
 * kinds become `UnknownSample` for the same reason.
 */
export const telemetryEnvelopeSchema = z
  .object({
    schema: z.literal(TELEMETRY_SCHEMA),
    gatewayId: z.string().regex(GATEWAY_ID_PATTERN),
    /** Random id chosen at agent start; with `seq` it makes every batch unique. */
    bootId: z.string().min(4).max(64),
    /** Monotonic per boot, from 0. */
    seq: z.number().int().min(0),
    sentAt: z.iso.datetime({ offset: true }),
    samples: sampleListSchema,
  })
  .transform(({ samples, ...rest }) => ({
    ...rest,
    samples: samples.known,
    ...(samples.unknown.length > 0 ? { unknownSamples: samples.unknown } : {}),
  }));

/** A parsed envelope: known samples in `samples`, others in `unknownSamples`. */
export type TelemetryEnvelope = z.output<typeof telemetryEnvelopeSchema>;
