// The CAN link the config names: an SLCAN adapter (--slcan) or a SocketCAN interface (--can).
// The config schema guarantees exactly one of them.
import type { Clock } from '../clock.js';
import type { AgentConfig } from '../config/agent-config.js';
import type { Logger } from '../logger.js';
import type { CanTransport } from './can-transport.js';
import { createBytePort } from './create-byte-port.js';
import { SlcanTransport } from './slcan-transport.js';
import { SocketCanTransport, socketCanInterfaceProblem } from './socketcan-transport.js';

export interface CreatedCanTransport {
  transport: CanTransport;
  kind: 'slcan' | 'socketcan';
}

export function createCanTransport(config: AgentConfig, clock: Clock, logger: Logger): CreatedCanTransport {
  const { busName, mode } = config;
  if (config.can !== undefined) {
    const problem = socketCanInterfaceProblem(config.can);
    if (problem !== undefined) {
      // Not fatal: a USB CAN adapter may appear later; the transport retries and says so.
      logger.error({ bus: busName, err: problem }, 'SocketCAN interface missing at start');
    }
    const transport = new SocketCanTransport(clock, logger.child({ component: 'socketcan' }), {
      iface: config.can,
      busName,
      mode,
    });
    return { transport, kind: 'socketcan' };
  }
  if (config.slcan === undefined) {
    throw new Error('no CAN link configured (--slcan or --can)');
  }
  const port = createBytePort(config.slcan);
  const transport = new SlcanTransport(port, clock, logger.child({ component: 'slcan' }), { busName, mode });
  return { transport, kind: 'slcan' };
}
