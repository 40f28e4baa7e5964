// Composition root of the edge agent: config → bus → device reader → sampler → outbox → uplink.
import { randomUUID } from 'node:crypto';
import type { KnownEvent } from '@fleet/telemetry';
import { Agent } from './agent.js';
import { createCanTransport } from './bus/create-can-transport.js';
import { DeferredPublisher } from './claim/deferred-publisher.js';
import { buildSelfEnrolment } from './claim/self-enrolment.js';
import { decideStart, readEnrolment } from './claim/start-decision.js';
import { systemClock } from './clock.js';
import { buildOutbox } from './compose/build-outbox.js';
import { buildSampler } from './compose/build-sampler.js';
import { buildSideServices } from './compose/side-services.js';
import { loadAgentConfig } from './config/load-agent-config.js';
import { createBmsReader } from './devices/create-bms-reader.js';
import { createCellLink } from './devices/create-cell-source.js';
import { createLogger } from './logger.js';
import { bootEvent } from './publish/boot-event.js';
import { createUplink, type Uplink } from './publish/create-uplink.js';
import { EnvelopeFactory } from './publish/envelope-factory.js';
import { EventEnvelopeFactory } from './publish/event-envelope-factory.js';

async function main(): Promise<void> {
  const loaded = loadAgentConfig();
  if (loaded.kind === 'exit') {
    (loaded.code === 0 ? process.stdout : process.stderr).write(loaded.output);
    process.exit(loaded.code);
  }
  // Credentials present: run as that gateway. --enrol-api and none yet: read, spool, and wait to be claimed.
  const decision = decideStart(loaded.config, readEnrolment(loaded.config.dataDir));
  if (decision.kind === 'error') {
    process.stderr.write(`edge-agent: ${decision.message}\n`);
    process.exit(2);
  }
  const config = decision.config;
  const logger = createLogger(config.logLevel, config.gatewayId);
  const clock = systemClock;
  const bootId = randomUUID();

  const { transport, kind: transportKind } = createCanTransport(config, clock, logger);
  const deferred = decision.kind === 'enrol' ? new DeferredPublisher() : undefined;
  const uplink = deferred === undefined ? await createUplink(config, logger, clock) : undefined;
  const outbox = buildOutbox(config, deferred ?? (uplink as Uplink).publisher, clock, logger);
  const envelopes = new EnvelopeFactory(config.gatewayId, bootId, clock);
  const events = new EventEnvelopeFactory(config.gatewayId, bootId, clock); // → bms.v1.evt.<gatewayId>
  const publishEvent = (event: KnownEvent) => outbox.enqueue(events.create([event]));
  const cellLink = createCellLink(config, clock, logger);
  const sampler = buildSampler(config, {
    clock,
    logger,
    // Per-cell snapshots need a console or RS485 link; HV CAN carries no per-cell layout we know.
    cells: cellLink.cells,
    emit: (samples) => outbox.enqueue(envelopes.create(samples)),
  });
  const poller = createBmsReader(config, {
    bus: transport,
    clock,
    logger,
    onSamples: (samples) => sampler.offer(samples),
    onComposition: publishEvent,
    onTopology: publishEvent,
    ...(cellLink.serials === undefined ? {} : { serials: cellLink.serials }),
  });
  const sideParts = {
    config,
    bootId,
    clock,
    logger,
    transport,
    sampler,
    outbox,
    readerCounters: () => poller.counters,
  };
  const { connection, services } =
    decision.kind === 'enrol' && deferred !== undefined
      ? buildSelfEnrolment({ ...sideParts, apiUrl: decision.apiUrl, publisher: deferred })
      : {
          connection: (uplink as Uplink).connection,
          services: buildSideServices({ ...sideParts, uplink: uplink as Uplink }),
        };
  const agent = new Agent({
    transport,
    poller,
    sampler,
    outbox,
    nats: connection,
    services,
    logger,
    cellLink,
  });
  publishEvent(bootEvent(config, transportKind, clock.now()));
  agent.start();
  logger.info(
    {
      bootId,
      slcan: config.slcan,
      can: config.can,
      protocol: config.protocol,
      cellSource: cellLink.kind,
      bus: config.busName,
      mode: config.mode,
      ...(uplink?.describe ?? { enrolApi: config.enrolApi }),
      pollMs: config.pollMs,
      spool: config.spool,
      plan: config.plan,
      planFile: config.planFile,
    },
    'edge agent started',
  );

  stopOnSignals(agent, logger);
}

/** SIGINT/SIGTERM stop the agent gracefully once; a second signal is ignored while it stops. */
function stopOnSignals(agent: Agent, logger: ReturnType<typeof createLogger>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    agent.stop().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// Not top-level await: the gateway bundle is CommonJS (apps/edge-agent/packaging).
main().catch((error: unknown) => {
  process.stderr.write(
    `edge-agent: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
