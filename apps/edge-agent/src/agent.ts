// Wires one gateway's pipeline: bus → Pylontech HV reader → sampler → envelopes → outbox →
// uplink, plus the side services (commands, heartbeat, status endpoint). Owns start and
// graceful stop; main.ts only builds the parts.
import type { CanTransport } from './bus/can-transport.js';
import type { BmsReader } from './devices/bms-reader.js';
import type { CellLink } from './devices/create-cell-source.js';
import type { Logger } from './logger.js';
import type { NatsConnector } from './publish/nats-connector.js';
import type { Outbox } from './publish/outbox.js';
import type { UplinkSampler } from './sampling/uplink-sampler.js';

/** Something that runs beside the reader until the agent stops (commands, heartbeat, status). */
export interface AgentService {
  name: string;
  run(signal: AbortSignal): Promise<void>;
}

export interface AgentParts {
  transport: CanTransport;
  /** The HV poller or listener, or the LV reader (--protocol, --mode). */
  poller: BmsReader;
  sampler: UplinkSampler;
  outbox: Outbox;
  /** The uplink's connection (NATS, or IoT Core with --uplink iot-core): started first, closed last. */
  nats: Pick<NatsConnector, 'start' | 'close'>;
  services: AgentService[];
  /** The console or RS485 link behind cell snapshots (opened at start, closed at stop). */
  cellLink?: Pick<CellLink, 'start' | 'close' | 'counters'>;
  logger: Logger;
}

/** How long a stopping agent keeps trying to hand queued batches over. */
const FLUSH_ON_STOP_MS = 3000;

export class Agent {
  private readonly abort = new AbortController();
  private running: Promise<unknown> | undefined;

  constructor(private readonly parts: AgentParts) {}

  start(): void {
    const { transport, nats, poller, sampler, outbox, services, logger } = this.parts;
    nats.start();
    transport.start();
    this.parts.cellLink?.start();
    const { signal } = this.abort;
    const guarded = services.map((service) =>
      service.run(signal).catch((error: Error) => {
        // A side service failing must not take the readings down with it.
        logger.error({ service: service.name, err: error.message }, 'service stopped');
      }),
    );
    this.running = Promise.all([
      poller.run(signal),
      sampler.runFlushTimer(signal),
      outbox.run(signal),
      ...guarded,
    ]);
  }

  async stop(): Promise<void> {
    const { transport, nats, poller, sampler, outbox, logger } = this.parts;
    this.abort.abort();
    await this.running;
    // Values the plan was still holding back go into the spool before it closes.
    await sampler.settle();
    sampler.flush();
    await outbox.flush(FLUSH_ON_STOP_MS);
    if (outbox.depth > 0 && !outbox.durable) {
      logger.warn({ lost: outbox.depth }, 'batches still queued at shutdown are lost (--spool memory)');
    } else if (outbox.depth > 0) {
      logger.info({ spooled: outbox.depth }, 'batches stay in the spool for the next start');
    }
    outbox.close();
    await Promise.allSettled([transport.close(), nats.close(), this.parts.cellLink?.close()]);
    logger.info(
      {
        poller: poller.counters,
        sampler: sampler.counters,
        outbox: outbox.counters,
        transport: transport.counters,
        cellLink: this.parts.cellLink?.counters(),
      },
      'stopped',
    );
  }
}
