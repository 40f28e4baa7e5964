import { type PackSample, TELEMETRY_SCHEMA, type TelemetryEnvelope } from '@fleet/telemetry';
import { uniqueSuffix } from './unique.js';

/** A valid pack sample (values of a resting 8 × H48050 string) with overrides. */
export function packSampleData(overrides: Partial<PackSample> = {}): PackSample {
  return {
    kind: 'pack',
    ts: new Date().toISOString(),
    bus: 'can0',
    bmsAddress: 0,
    packVoltageDv: 4000,
    packCurrentDa: 0,
    bmsTempDc: 215,
    socPct: 80,
    sohPct: 100,
    ...overrides,
  };
}

/** A valid telemetry envelope for a gateway; bootId unique per call unless given. */
export function telemetryEnvelopeData(
  overrides: Partial<TelemetryEnvelope> & { gatewayId: string },
): TelemetryEnvelope {
  return {
    schema: TELEMETRY_SCHEMA,
    bootId: `boot-${uniqueSuffix()}`,
    seq: 0,
    sentAt: new Date().toISOString(),
    samples: [packSampleData()],
    ...overrides,
  };
}
