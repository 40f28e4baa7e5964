import { describe, expect, it } from 'vitest';
import { loadAgentConfig } from './load-agent-config.js';

/** The first test's flags and variables over every default. */
const EXPECTED = {
  gatewayId: 'gw-a1',
  dataDir: '/var/lib/fleet-agent',
  enrolPollS: 10,
  slcan: { kind: 'tcp', host: '127.0.0.1', port: 3110 },
  busName: 'slcan0',
  mode: 'active',
  natsUrl: 'nats://10.0.0.5:4222',
  pollMs: 5000,
  replyWindowMs: 400,
  discoverMs: 300_000,
  queueMax: 1000,
  spool: '/var/lib/fleet-agent/spool.db',
  spoolMaxMb: 512,
  replayRate: 10,
  plan: 'default',
  heartbeatS: 60,
  statusPort: 9180,
  logLevel: 'info',
  uplink: 'nats',
  iotPort: 8883,
  rs485Baud: 115_200,
  rs485Strings: [{ bmsAddress: 0, group: 0 }],
  rs485TimeoutMs: 1000,
  consoleBaud: 115_200,
  consoleString: 0,
  consoleTimeoutMs: 3000,
  cellSource: 'auto',
  protocol: 'hv',
};

describe('loadAgentConfig', () => {
  it('reads flags and variables, flags first, with defaults', () => {
    const sut = loadAgentConfig(
      ['--gateway-id', 'gw-a1', '--slcan', 'tcp://127.0.0.1:3110', '--poll-ms', '5000'],
      {
        AGENT_POLL_MS: '1000',
        NATS_URL: 'nats://10.0.0.5:4222',
        AGENT_BUS_NAME: 'slcan0',
      },
    );
    expect(sut).toEqual({ kind: 'run', config: EXPECTED });
  });

  it('takes a device path as a serial endpoint', () => {
    const sut = loadAgentConfig([], { AGENT_GATEWAY_ID: 'gw-a1', AGENT_SLCAN: '/dev/ttyACM0' });
    expect(sut.kind === 'run' && sut.config.slcan).toEqual({ kind: 'serial', path: '/dev/ttyACM0' });
  });

  it('names every bad value with its flag and variable, and exits 2', () => {
    const sut = loadAgentConfig(
      ['--gateway-id', 'GW_1', '--slcan', 'tcp://nowhere', '--reply-window-ms', '3000'],
      {},
    );
    expect(sut.kind === 'exit' && sut.code).toBe(2);
    const output = sut.kind === 'exit' ? sut.output : '';
    expect(output).toContain(
      '--gateway-id (AGENT_GATEWAY_ID): must be 3-64 characters of a-z, 0-9 and "-" (got "GW_1")',
    );
    expect(output).toContain(
      '--slcan (AGENT_SLCAN): must look like tcp://127.0.0.1:3110 (got "tcp://nowhere")',
    );
  });

  it('requires the reply window to fit inside the poll interval', () => {
    const sut = loadAgentConfig(
      ['--gateway-id', 'gw-a1', '--slcan', '/dev/x', '--reply-window-ms', '3000'],
      {},
    );
    expect(sut.kind === 'exit' && sut.output).toContain(
      '--reply-window-ms (AGENT_REPLY_WINDOW_MS): the reply window must be shorter than the poll interval',
    );
  });

  it('reads the IoT Core uplink and requires its endpoint, certificate and key', () => {
    const base = ['--gateway-id', 'gw-a1', '--slcan', '/dev/x', '--uplink', 'iot-core'];
    const sut = loadAgentConfig(
      [...base, '--iot-endpoint', 'abc-ats.iot.eu-central-1.amazonaws.com', '--iot-cert', '/c.pem'],
      { AGENT_IOT_KEY: '/k.pem', AGENT_IOT_PORT: '443' },
    );
    expect(sut.kind === 'run' && sut.config).toMatchObject({
      uplink: 'iot-core',
      iotEndpoint: 'abc-ats.iot.eu-central-1.amazonaws.com',
      iotPort: 443,
      iotCert: '/c.pem',
      iotKey: '/k.pem',
    });
    const missing = loadAgentConfig(base, {});
    expect(missing.kind === 'exit' && missing.output).toContain(
      '--iot-endpoint (AGENT_IOT_ENDPOINT): is required with --uplink iot-core',
    );
    expect(missing.kind === 'exit' && missing.output).toContain('--iot-key (AGENT_IOT_KEY)');
    expect(loadAgentConfig([...base.slice(0, 4), '--uplink', 'kafka'], {})).toMatchObject({
      kind: 'exit',
      output: expect.stringContaining('--uplink (AGENT_UPLINK): must be nats or iot-core'),
    });
  });

  it('reports missing required options and unknown flags', () => {
    const missing = loadAgentConfig([], {});
    expect(missing.kind === 'exit' && missing.output).toContain(
      '--gateway-id (AGENT_GATEWAY_ID): is required',
    );
    expect(missing.kind === 'exit' && missing.output).toContain('--slcan (AGENT_SLCAN)');
    expect(loadAgentConfig(['--nope'], {})).toMatchObject({ kind: 'exit', code: 2 });
    expect(loadAgentConfig(['--help'], {})).toMatchObject({ kind: 'exit', code: 0 });
  });
});

describe('loadAgentConfig --mode', () => {
  it('reads --mode listen-only (AGENT_MODE) and names a bad mode', () => {
    const base = { AGENT_GATEWAY_ID: 'gw-a1', AGENT_SLCAN: '/dev/ttyACM0' };
    const sut = loadAgentConfig([], { ...base, AGENT_MODE: 'listen-only' });
    expect(sut.kind === 'run' && sut.config.mode).toBe('listen-only');
    const bad = loadAgentConfig(['--mode', 'passive'], base);
    expect(bad.kind === 'exit' && bad.output).toContain(
      '--mode (AGENT_MODE): must be active or listen-only (got "passive")',
    );
  });
});

describe('loadAgentConfig with a config file', () => {
  const file = (content: unknown) => () => JSON.stringify(content);

  it('reads options from the file, numbers as numbers, flags winning', () => {
    const sut = loadAgentConfig(
      ['--config', '/etc/fleet-agent/agent.json', '--poll-ms', '1000'],
      {},
      file({
        gatewayId: 'gw-file-1',
        slcan: '/dev/ttyACM0',
        pollMs: 5000,
        mode: 'listen-only',
        spool: 'memory',
      }),
    );
    expect(sut.kind === 'run' && sut.config).toMatchObject({
      gatewayId: 'gw-file-1',
      pollMs: 1000,
      mode: 'listen-only',
    });
  });

  it('names the file and the key of a bad value', () => {
    const sut = loadAgentConfig(
      ['--config', 'agent.json'],
      {},
      file({ gatewayId: 'GW BAD', slcan: '/dev/ttyACM0' }),
    );
    expect(sut.kind === 'exit' && sut.output).toContain('agent.json: gatewayId:');
  });
});
