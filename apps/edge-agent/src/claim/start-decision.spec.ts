import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AgentConfig, UNCLAIMED_GATEWAY_ID } from '../config/agent-config.js';
import { loadAgentConfig } from '../config/load-agent-config.js';
import { decideStart, readEnrolment } from './start-decision.js';

const LINK = ['--slcan', '/dev/ttyACM0'];

function configOf(args: string[], env: Record<string, string> = {}): AgentConfig {
  const loaded = loadAgentConfig([...LINK, ...args], env);
  if (loaded.kind === 'exit') {
    throw new Error(loaded.output);
  }
  return loaded.config;
}

const enrolled = {
  gatewayId: 'gw-claimed-1',
  inboxPrefix: '_INBOX.gw-claimed-1',
  credsFile: '/d/gateway.creds',
};

describe('config: --enrol-api and --data-dir', () => {
  it('lets an agent with --enrol-api start without a gateway id (placeholder, never a valid id)', () => {
    const config = configOf([], { AGENT_ENROL_API: 'https://fleet.example.com', AGENT_DATA_DIR: '/data' });
    expect(config).toMatchObject({
      enrolApi: 'https://fleet.example.com',
      dataDir: '/data',
      gatewayId: UNCLAIMED_GATEWAY_ID,
    });
  });

  it('still requires a gateway id without --enrol-api, naming the way out', () => {
    const missing = loadAgentConfig(LINK, {});
    expect(missing.kind === 'exit' && missing.output).toContain(
      '--gateway-id (AGENT_GATEWAY_ID): is required (or --enrol-api <url> to enrol this gateway)',
    );
    const bad = loadAgentConfig([...LINK, '--enrol-api', 'fleet.example.com'], {});
    expect(bad.kind === 'exit' && bad.output).toContain('--enrol-api (AGENT_ENROL_API): must be a URL');
  });
});

describe('decideStart', () => {
  it('enrols with --enrol-api when there are no credentials yet', () => {
    const config = configOf(['--enrol-api', 'http://127.0.0.1:3000']);
    expect(decideStart(config, undefined)).toMatchObject({ kind: 'enrol', apiUrl: 'http://127.0.0.1:3000' });
  });

  it('runs as the enrolled gateway once the data dir holds an enrolment', () => {
    const config = configOf(['--enrol-api', 'http://127.0.0.1:3000']);
    expect(decideStart(config, enrolled)).toMatchObject({
      kind: 'run',
      source: 'enrolment',
      config: { gatewayId: 'gw-claimed-1', natsCreds: '/d/gateway.creds' },
    });
  });

  it('runs as configured with explicit credentials, as before issue 10', () => {
    const config = configOf([
      '--gateway-id',
      'gw-a1',
      '--nats-creds',
      '/etc/a.creds',
      '--enrol-api',
      'http://x',
    ]);
    expect(decideStart(config, undefined)).toMatchObject({ kind: 'run', source: 'config', config });
    const plain = configOf(['--gateway-id', 'gw-a1']);
    expect(decideStart(plain, undefined)).toMatchObject({ kind: 'run', source: 'config' });
  });

  it('refuses credentials without an id and an id that contradicts the enrolment', () => {
    const noId = configOf(['--nats-creds', '/etc/a.creds', '--enrol-api', 'http://x']);
    expect(decideStart(noId, undefined)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--gateway-id'),
    });
    const other = configOf(['--gateway-id', 'gw-other']);
    expect(decideStart(other, enrolled)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('differs from the enrolled id gw-claimed-1'),
    });
  });
});

describe('readEnrolment', () => {
  it('finds an enrolment only when its creds file exists too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'enrol-'));
    expect(readEnrolment(dir)).toBeUndefined();
    const credsFile = join(dir, 'gateway.creds');
    writeFileSync(join(dir, 'enrolment.json'), JSON.stringify({ ...enrolled, credsFile }));
    expect(readEnrolment(dir)).toBeUndefined();
    writeFileSync(credsFile, 'creds');
    expect(readEnrolment(dir)).toMatchObject({ gatewayId: 'gw-claimed-1', credsFile });
  });
});
