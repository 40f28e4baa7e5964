import { describe, expect, it } from 'vitest';
import { loadAgentConfig } from './load-agent-config.js';

const base = { AGENT_GATEWAY_ID: 'gw-a1' };

describe('loadAgentConfig: the CAN link and protocol', () => {
  it('reads a SocketCAN interface and the LV protocol instead of an SLCAN adapter', () => {
    const sut = loadAgentConfig(['--can', 'can1', '--protocol', 'lv'], base);
    expect(sut.kind === 'run' && sut.config).toMatchObject({ can: 'can1', protocol: 'lv' });
    expect(sut.kind === 'run' && sut.config.slcan).toBeUndefined();
    const fromFile = loadAgentConfig(['--config', '/etc/agent.json'], {}, () =>
      JSON.stringify({ gatewayId: 'gw-a1', can: 'can0', protocol: 'hv', mode: 'listen-only' }),
    );
    expect(fromFile.kind === 'run' && fromFile.config).toMatchObject({ can: 'can0', mode: 'listen-only' });
  });

  it('defaults to the HV protocol', () => {
    const sut = loadAgentConfig(['--slcan', '/dev/ttyACM0'], base);
    expect(sut.kind === 'run' && sut.config.protocol).toBe('hv');
  });

  it('requires exactly one of --slcan and --can, saying so with the other bad options', () => {
    const neither = loadAgentConfig(['--poll-ms', 'fast'], base);
    expect(neither.kind === 'exit' && neither.code).toBe(2);
    expect(neither.kind === 'exit' && neither.output).toContain(
      '--slcan (AGENT_SLCAN): is required: give --slcan <device|tcp://host:port> or --can <interface> (one of them)',
    );
    expect(neither.kind === 'exit' && neither.output).toContain('--poll-ms (AGENT_POLL_MS)');
    const both = loadAgentConfig(['--slcan', '/dev/ttyACM0'], { ...base, AGENT_CAN: 'can0' });
    expect(both.kind === 'exit' && both.output).toContain(
      '--can (AGENT_CAN): and --slcan are both set; give only one CAN link',
    );
  });

  it('names a bad interface name and a bad protocol', () => {
    const sut = loadAgentConfig(['--can', 'can0/../x', '--protocol', 'modbus'], base);
    const output = sut.kind === 'exit' ? sut.output : '';
    expect(output).toContain('--can (AGENT_CAN): must be a network interface name such as can0');
    expect(output).toContain('--protocol (AGENT_PROTOCOL): must be hv or lv (got "modbus")');
  });
});
