// Wires one gateway's pipeline: SLCAN bus → Pylontech HV poller → envelopes → outbox → NATS.
// Owns start and graceful stop; main.ts only builds the parts.
import type { SlcanTransport } from './bus/slcan-transport.js';
import type { HvReader } from './devices/pylontech-hv/hv-reader.js';
import type { Logger } from './logger.js';
import type { NatsConnector } from './publish/nats-connector.js';
import type { Outbox } from './publish/outbox.js';

export interface AgentParts {
  transport: SlcanTransport;
  /** The active poller or, with --mode listen-only, the passive listener. */
  poller: HvReader;
  outbox: Outbox;
  /** The uplink's connection (NATS, or IoT Core with --uplink iot-core): started first, closed last. */
  nats: Pick<NatsConnector, 'start' | 'close'>;
  logger: Logger;
}

/** How long a stopping agent keeps trying to hand queued batches over. */
const FLUSH_ON_STOP_MS = 3000;

export class Agent {
  private readonly abort = new AbortController();
  private running: Promise<unknown> | undefined;

  constructor(private readonly parts: AgentParts) {}

  start(): void {
    const { transport, nats, poller, outbox } = this.parts;
    nats.start();
    transport.start();
    this.running = Promise.all([poller.run(this.abort.signal), outbox.run(this.abort.signal)]);
  }

  async stop(): Promise<void> {
    const { transport, nats, poller, outbox, logger } = this.parts;
    this.abort.abort();
    await this.running;
    await outbox.flush(FLUSH_ON_STOP_MS);
    if (outbox.depth > 0 && !outbox.durable) {
      logger.warn({ lost: outbox.depth }, 'batches still queued at shutdown are lost (--spool memory)');
    } else if (outbox.depth > 0) {
      logger.info({ spooled: outbox.depth }, 'batches stay in the spool for the next start');
    }
    outbox.close();
    await Promise.allSettled([transport.close(), nats.close()]);
    logger.info(
      { poller: poller.counters, outbox: outbox.counters, transport: transport.counters },
      'stopped',
    );
  }
}
