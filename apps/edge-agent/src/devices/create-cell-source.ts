// Which link fills per-cell snapshots (--cell-source): the SC console, RS485 V3.3, or none.
// auto takes the console when one is configured (it also gives one temperature per cell),
// else RS485, else none. Only the chosen link's port is opened.
import { createBytePort } from '../bus/create-byte-port.js';
import { ReconnectingPort } from '../bus/reconnecting-port.js';
import type { Clock } from '../clock.js';
import type { AgentConfig } from '../config/agent-config.js';
import type { Logger } from '../logger.js';
import { type CellSource, noCellSource } from '../sampling/cell-source.js';
import { ConsoleCellSource } from './pylontech-console/console-cell-source.js';
import { ConsoleClient } from './pylontech-console/console-client.js';
import { Rs485CellSource } from './pylontech-rs485/rs485-cell-source.js';
import { Rs485Client } from './pylontech-rs485/rs485-client.js';
import { type ModuleSerialSource, Rs485ModuleSerials } from './pylontech-rs485/rs485-module-serials.js';

/** The chosen source and the lifecycle of its port (started and closed by the Agent). */
export interface CellLink {
  kind: 'console' | 'rs485' | 'none';
  cells: CellSource;
  /** Module serials for the topology event (RS485 0x93 on the same client), where the link has them. */
  serials?: ModuleSerialSource;
  start(): void;
  close(): Promise<void>;
  /** Logged at stop: client (garbage by kind, timeouts), source and port counters. */
  counters(): object;
}

const ATTEMPTS = 3;
const RECONNECT_DELAY_MS = 2000;
/** RS485 turnaround between a reply and the next request. */
const TURNAROUND_MS = 20;

type CellLinkConfig = Pick<
  AgentConfig,
  | 'cellSource'
  | 'rs485'
  | 'rs485Baud'
  | 'rs485Strings'
  | 'rs485TimeoutMs'
  | 'console'
  | 'consoleBaud'
  | 'consoleString'
  | 'consoleTimeoutMs'
>;

export function chooseCellLink(
  config: Pick<CellLinkConfig, 'cellSource' | 'rs485' | 'console'>,
): CellLink['kind'] {
  if (config.cellSource !== 'auto') {
    return config.cellSource;
  }
  if (config.console !== undefined) {
    return 'console';
  }
  return config.rs485 !== undefined ? 'rs485' : 'none';
}

export function createCellLink(config: CellLinkConfig, clock: Clock, logger: Logger): CellLink {
  const kind = chooseCellLink(config);
  if (kind === 'console' && config.console !== undefined) {
    const log = logger.child({ component: 'console' });
    const port = new ReconnectingPort(createBytePort(config.console, config.consoleBaud), clock, log, {
      link: 'console',
      reconnectDelayMs: RECONNECT_DELAY_MS,
    });
    const client = new ConsoleClient(port, clock, log, {
      baud: config.consoleBaud,
      timeoutMs: config.consoleTimeoutMs,
    });
    const source = new ConsoleCellSource(client, log, {
      bmsAddress: config.consoleString,
      attempts: ATTEMPTS,
    });
    return link(kind, source, client, port);
  }
  if (kind === 'rs485' && config.rs485 !== undefined) {
    const log = logger.child({ component: 'rs485' });
    const port = new ReconnectingPort(createBytePort(config.rs485, config.rs485Baud), clock, log, {
      link: 'rs485',
      reconnectDelayMs: RECONNECT_DELAY_MS,
    });
    const client = new Rs485Client(port, clock, log, {
      baud: config.rs485Baud,
      timeoutMs: config.rs485TimeoutMs,
      turnaroundMs: TURNAROUND_MS,
    });
    const source = new Rs485CellSource(client, log, { strings: config.rs485Strings, attempts: ATTEMPTS });
    const serials = new Rs485ModuleSerials(client, log, config.rs485Strings);
    return { ...link(kind, source, client, port, serials), serials };
  }
  return {
    kind: 'none',
    cells: noCellSource,
    start: () => undefined,
    close: async () => undefined,
    counters: () => ({}),
  };
}

function link(
  kind: 'console' | 'rs485',
  source: CellSource & { counters: object },
  client: { start(): void; close(): Promise<void>; counters: object },
  port: ReconnectingPort,
  serials?: ModuleSerialSource,
): CellLink {
  return {
    kind,
    cells: source,
    start: () => client.start(),
    close: () => client.close(),
    counters: () => ({
      link: kind,
      port: port.description,
      ...port.counters,
      client: client.counters,
      source: source.counters,
      ...(serials === undefined ? {} : { serials: serials.counters }),
    }),
  };
}
