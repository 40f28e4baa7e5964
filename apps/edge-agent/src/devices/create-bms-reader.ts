// The reader the config names: Pylontech HV (active poller or listen-only listener) or
// Pylontech LV (one reader; the mode decides whether it sends the 0x305 keep-alive).
import type { PackSample } from '@fleet/telemetry';
import type { CanBus } from '../bus/can-bus.js';
import type { Clock } from '../clock.js';
import type { AgentConfig } from '../config/agent-config.js';
import type { Logger } from '../logger.js';
import type { BmsReader, OnComposition, OnTopology } from './bms-reader.js';
import { PylontechHvListener } from './pylontech-hv/pylontech-hv.listener.js';
import { PylontechHvPoller } from './pylontech-hv/pylontech-hv.poller.js';
import { PylontechLvReader } from './pylontech-lv/pylontech-lv.reader.js';
import type { ModuleSerialSource } from './pylontech-rs485/rs485-module-serials.js';

export interface BmsReaderDeps {
  bus: CanBus;
  clock: Clock;
  logger: Logger;
  onSamples(samples: PackSample[]): void;
  onComposition: OnComposition;
  /** Reported by the active HV poller, which asks every address itself. */
  onTopology?: OnTopology;
  /** Module serials for the poller's topology event (RS485 0x93), when an RS485 link is configured. */
  serials?: ModuleSerialSource;
}

export function createBmsReader(config: AgentConfig, parts: BmsReaderDeps): BmsReader {
  const { busName, mode, replyWindowMs } = config;
  const deps = {
    ...parts,
    logger: parts.logger.child({ component: `pylontech-${config.protocol}`, bus: busName, mode }),
  };
  if (config.protocol === 'lv') {
    return new PylontechLvReader(deps, { busName, mode, cycleWindowMs: replyWindowMs });
  }
  if (mode === 'listen-only') {
    return new PylontechHvListener(deps, { busName, replyWindowMs });
  }
  return new PylontechHvPoller(deps, {
    busName,
    pollMs: config.pollMs,
    replyWindowMs,
    discoverMs: config.discoverMs,
  });
}
