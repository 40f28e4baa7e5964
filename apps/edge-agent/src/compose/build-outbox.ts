// The spool and the outbox in front of the uplink. A spool that cannot be opened (disk full,
// permissions) ends the process: reading without a place to keep readings would lose them.
import type { Clock } from '../clock.js';
import type { AgentConfig } from '../config/agent-config.js';
import type { Logger } from '../logger.js';
import { createBatchStore } from '../publish/create-batch-store.js';
import { Outbox } from '../publish/outbox.js';
import type { Publisher } from '../publish/publisher.js';

export function buildOutbox(config: AgentConfig, publisher: Publisher, clock: Clock, logger: Logger): Outbox {
  let store: ReturnType<typeof createBatchStore>;
  try {
    store = createBatchStore(config);
  } catch (error) {
    logger.fatal({ err: (error as Error).message }, 'cannot open the spool');
    process.exit(1);
  }
  // An event batch with no stream to take it waits like any batch: ingest creates EVENTS beside
  // TELEMETRY at start, so "no responders" is an outage (e.g. a stream leader election), not a
  // reason to give events up.
  return new Outbox(store, publisher, clock, logger.child({ component: 'outbox' }), {
    replayRatePerS: config.replayRate,
    maxBytes: config.spoolMaxMb * 1024 * 1024,
  });
}
