// The systemd unit and the example config shipped in the bundle: the properties the gateway
// depends on, checked against the agent's own defaults and install layout.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '@fleet/test-kit';
import { describe, expect, it } from 'vitest';
import { loadAgentConfig } from '../../src/config/load-agent-config.js';

const unitPath = join(repoRoot, 'infra/systemd/fleet-edge-agent.service');
const envExamplePath = join(repoRoot, 'infra/edge-agent/agent.env.example');
const installSh = readFileSync(join(repoRoot, 'apps/edge-agent/packaging/install.sh'), 'utf8');

/** `[Section]` → key → every value (keys like DeviceAllow= repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) {
      continue;
    }
    const header = /^\[(.+)]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1] ?? '', current);
      continue;
    }
    const eq = line.indexOf('=');
    const key = line.slice(0, eq);
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1)]);
  }
  return sections;
}

function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) {
      env[m[1] ?? ''] = m[2] ?? '';
    }
  }
  return env;
}

describe('fleet-edge-agent.service', () => {
  const unitText = readFileSync(unitPath, 'utf8');
  const unit = parseUnit(unitText);
  const service = unit.get('Service') ?? new Map<string, string[]>();
  const one = (key: string) => service.get(key)?.at(-1);

  it('restarts forever as a simple service (no watchdog until the agent speaks sd_notify)', () => {
    expect(one('Type')).toBe('simple');
    expect(one('Restart')).toBe('always');
    expect(one('RestartSec')).toBeDefined();
    expect(service.has('WatchdogSec')).toBe(false);
    // 6 automatic restarts a minute at most: the start limit never ends the retry loop.
    const restartS = Number.parseInt(one('RestartSec') ?? '0', 10);
    const unitSection = unit.get('Unit');
    const burst = Number(unitSection?.get('StartLimitBurst')?.at(-1));
    const intervalS = Number.parseInt(unitSection?.get('StartLimitIntervalSec')?.at(-1) ?? '0', 10);
    expect(Math.ceil(intervalS / restartS) + 1).toBeLessThanOrEqual(burst);
  });

  it("keeps the spool in its StateDirectory, which is the agent's default spool dir", () => {
    const loaded = loadAgentConfig(['--gateway-id', 'gw-unit-1', '--slcan', '/dev/ttyACM0'], {});
    if (loaded.kind !== 'run') {
      throw new Error(loaded.output);
    }
    expect(`/var/lib/${one('StateDirectory')}`).toBe(dirname(loaded.config.spool));
    expect(one('ProtectSystem')).toBe('strict');
  });

  it('runs the bundle install.sh puts in place, configured from /etc/fleet-agent/agent.env', () => {
    expect(one('ExecStart')).toBe('/usr/bin/node /opt/fleet-agent/current/agent.js');
    expect(installSh).toContain('PREFIX=/opt/fleet-agent');
    expect(installSh).toContain('"$PREFIX/current"');
    expect(one('EnvironmentFile')).toBe('/etc/fleet-agent/agent.env');
    expect(one('User')).toBe('fleet-agent');
    expect(installSh).toContain('USER_NAME=fleet-agent');
  });

  it('bounds memory above the 80 MB goal and opens only serial devices', () => {
    expect(Number.parseInt(one('MemoryMax') ?? '0', 10)).toBeGreaterThan(80);
    expect(one('MemoryMax')).toMatch(/^\d+M$/);
    expect(one('DevicePolicy')).toBe('closed');
    expect(service.get('DeviceAllow')).toContain('char-ttyACM rw');
  });

  it('holds no secrets', () => {
    const settings = unitText
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    expect(settings).not.toMatch(/PRIVATE KEY|password|secret|token|\.creds|nkey/i);
    expect(service.get('Environment')).toEqual(['NODE_ENV=production']);
  });

  it('passes systemd-analyze verify where systemd is installed', () => {
    if (!existsSync('/usr/bin/systemd-analyze')) {
      return;
    }
    // Throws with systemd's complaint (unknown key, bad value) on a non-zero exit.
    const out = execFileSync('systemd-analyze', ['verify', unitPath], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toBe('');
  });
});

describe('agent.env.example', () => {
  it('is a valid configuration of the agent, variable by variable', () => {
    const env = parseEnvFile(readFileSync(envExamplePath, 'utf8'));
    expect(env.AGENT_SPOOL).toBe('/var/lib/fleet-agent/spool.db');
    const loaded = loadAgentConfig([], env);
    expect(loaded.kind === 'run' ? loaded.config.gatewayId : loaded.output).toBe('gw-site-0042');
  });
});
