// Event batches the broker has nowhere to store must not hold telemetry up. The outbox publishes
// strictly oldest first, so an event batch retried forever (no EVENTS stream bound to
// bms.v1.evt.*: a cloud whose ingest has not created it, a test's private stream) would block
// every telemetry batch behind it. NATS answers such a publish with "no responders" while the
// connection is fine; that answer, for an event batch only, drops the batch, counted and logged.
// Any other failure (not connected, timeout, refused) keeps the batch for the next attempt.
import type { Logger } from '../logger.js';
import { isEventEnvelope, type OutboundEnvelope } from './outbound-envelope.js';
import type { Publisher } from './publisher.js';

const WARN_EVERY = 100;

/** True for nats.js errors (or their causes) saying no stream or server took the subject. */
export function isNoResponders(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (
      /no responders/i.test(e.message) ||
      e.name === 'JetStreamNotEnabled' ||
      e.name === 'NoRespondersError'
    ) {
      return true;
    }
  }
  return false;
}

export class UnroutableEventsDropped implements Publisher {
  /** Event batches dropped because nothing stores their subject. */
  dropped = 0;

  constructor(
    private readonly inner: Publisher,
    private readonly logger: Logger,
  ) {}

  async publish(envelope: OutboundEnvelope): Promise<void> {
    try {
      await this.inner.publish(envelope);
    } catch (error) {
      if (!isEventEnvelope(envelope) || !isNoResponders(error)) {
        throw error;
      }
      this.dropped += 1;
      const log = { seq: envelope.seq, events: envelope.events.length, dropped: this.dropped };
      if (this.dropped % WARN_EVERY === 1) {
        this.logger.warn(
          log,
          'no stream takes bms.v1.evt.*; event batch dropped so telemetry is not held up',
        );
      } else {
        this.logger.debug(log, 'event batch dropped: no stream');
      }
    }
  }
}
