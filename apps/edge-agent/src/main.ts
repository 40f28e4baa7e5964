// Composition root of the edge agent: config → bus → device poller → publisher.
import { randomUUID } from 'node:crypto';
import type { PackSample } from '@fleet/telemetry';
import { Agent } from './agent.js';
import { createBytePort } from './bus/create-byte-port.js';
import { SlcanTransport } from './bus/slcan-transport.js';
import { systemClock } from './clock.js';
import { loadAgentConfig } from './config/load-agent-config.js';
import type { HvReader } from './devices/pylontech-hv/hv-reader.js';
import { PylontechHvListener } from './devices/pylontech-hv/pylontech-hv.listener.js';
import { PylontechHvPoller } from './devices/pylontech-hv/pylontech-hv.poller.js';
import { createLogger } from './logger.js';
import { createBatchStore } from './publish/create-batch-store.js';
import { createUplink } from './publish/create-uplink.js';
import { EnvelopeFactory } from './publish/envelope-factory.js';
import { Outbox } from './publish/outbox.js';

async function main(): Promise<void> {
  const loaded = loadAgentConfig();
  if (loaded.kind === 'exit') {
    (loaded.code === 0 ? process.stdout : process.stderr).write(loaded.output);
    process.exit(loaded.code);
  }
  const config = loaded.config;
  const logger = createLogger(config.logLevel, config.gatewayId);
  const clock = systemClock;
  const bootId = randomUUID();

  const transport = new SlcanTransport(
    createBytePort(config.slcan),
    clock,
    logger.child({ component: 'slcan' }),
    { busName: config.busName, mode: config.mode },
  );
  const uplink = await createUplink(config, logger);
  let store: ReturnType<typeof createBatchStore>;
  try {
    store = createBatchStore(config);
  } catch (error) {
    logger.fatal({ err: (error as Error).message }, 'cannot open the spool');
    process.exit(1);
  }
  const outbox = new Outbox(store, uplink.publisher, clock, logger.child({ component: 'outbox' }), {
    replayRatePerS: config.replayRate,
    maxBytes: config.spoolMaxMb * 1024 * 1024,
  });
  const envelopes = new EnvelopeFactory(config.gatewayId, bootId, clock);
  const readerDeps = {
    bus: transport,
    clock,
    logger: logger.child({ component: 'pylontech-hv', bus: config.busName, mode: config.mode }),
    onSamples: (samples: PackSample[]) => outbox.enqueue(envelopes.create(samples)),
  };
  const poller: HvReader =
    config.mode === 'listen-only'
      ? new PylontechHvListener(readerDeps, { busName: config.busName, replyWindowMs: config.replyWindowMs })
      : new PylontechHvPoller(readerDeps, {
          busName: config.busName,
          pollMs: config.pollMs,
          replyWindowMs: config.replyWindowMs,
          discoverMs: config.discoverMs,
        });
  const agent = new Agent({ transport, poller, outbox, nats: uplink.connection, logger });
  agent.start();
  logger.info(
    {
      bootId,
      slcan: config.slcan,
      bus: config.busName,
      mode: config.mode,
      ...uplink.describe,
      pollMs: config.pollMs,
      spool: config.spool,
    },
    'edge agent started',
  );

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
