import { type KnownSample, TELEMETRY_SCHEMA, type TelemetryEnvelope } from '@fleet/telemetry';
import type { Clock } from '../clock.js';

/** Numbers batches: one bootId per process start, seq from 0, never reused within a boot. */
export class EnvelopeFactory {
  private nextSeq = 0;

  constructor(
    private readonly gatewayId: string,
    readonly bootId: string,
    private readonly clock: Clock,
  ) {}

  create(samples: KnownSample[]): TelemetryEnvelope {
    const seq = this.nextSeq;
    this.nextSeq += 1;
    return {
      schema: TELEMETRY_SCHEMA,
      gatewayId: this.gatewayId,
      bootId: this.bootId,
      seq,
      sentAt: this.clock.now().toISOString(),
      samples,
    };
  }
}
