import { expandPackSeries, type PackSample, type TelemetryEnvelope } from '@fleet/telemetry';

/** The pack readings an envelope stands for (the agent's sampler sends them as `packs` series). */
export function packsOf(envelope: Pick<TelemetryEnvelope, 'samples'>): PackSample[] {
  return envelope.samples.flatMap((s) =>
    s.kind === 'packs' ? expandPackSeries(s).samples : s.kind === 'pack' ? [s] : [],
  );
}
