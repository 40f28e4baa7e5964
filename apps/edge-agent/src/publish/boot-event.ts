import type { BootEvent } from '@fleet/telemetry';
import type { AgentConfig } from '../config/agent-config.js';
import { AGENT_VERSION } from '../version.js';

/** The one event of every start: version, protocol, mode, bus and CAN transport. */
export function bootEvent(
  config: Pick<AgentConfig, 'protocol' | 'mode' | 'busName'>,
  transport: BootEvent['transport'],
  at: Date,
): BootEvent {
  return {
    kind: 'boot',
    ts: at.toISOString(),
    agentVersion: AGENT_VERSION,
    protocol: config.protocol === 'lv' ? 'lv-can' : 'hv-can',
    mode: config.mode,
    bus: config.busName,
    transport,
  };
}
