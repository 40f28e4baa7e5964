import { type PackSampleRow, stringKey } from '@fleet/db';
import type { TelemetryEnvelope } from '@fleet/telemetry';

/** The envelope's samples with their string ids (every key was resolved before). */
export function toPackSampleRows(envelope: TelemetryEnvelope, ids: Map<string, string>): PackSampleRow[] {
  return envelope.samples.map((sample) => {
    const stringId = ids.get(stringKey(sample));
    if (!stringId) {
      throw new Error(`no string id for ${stringKey(sample)} of gateway ${envelope.gatewayId}`);
    }
    return { stringId, sample };
  });
}
