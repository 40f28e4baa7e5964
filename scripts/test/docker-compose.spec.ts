// docker compose cannot run on the build machines (no Docker engine), so the compose file is
// checked for what a user with Docker relies on: every service healthy-checked or one-shot,
// every mounted config present, every app command pointing at a built entry point.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
interface Service {
  command?: string[] | string;
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('runs TimescaleDB, NATS with JetStream, Mosquitto and every app', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'timescaledb',
        'nats',
        'mosquitto',
        'migrate',
        'ingest',
        'api',
        'web',
        'simulator',
        'edge-agent',
      ]),
    );
    expect(readFileSync(join(root, 'infra/nats/nats-server.conf'), 'utf8')).toMatch(/jetstream\s*\{/);
  });

  it('health-checks every long-running infrastructure and app service', () => {
    for (const name of ['timescaledb', 'nats', 'mosquitto', 'ingest', 'api', 'web']) {
      expect(services[name]?.healthcheck?.test.length, name).toBeGreaterThan(0);
    }
    expect(services.migrate?.restart).toBe('no');
    expect(services.ingest?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
  });

  it("gates dependants on each app's readiness path, not its liveness or the old /health", () => {
    // web waits for api healthy: readiness includes the database ping, liveness would not.
    const urls = {
      ingest: 'http://127.0.0.1:3002/health/ready',
      api: 'http://127.0.0.1:3001/api/health/ready',
    };
    for (const [name, url] of Object.entries(urls)) {
      expect(services[name]?.healthcheck?.test.join(' '), name).toContain(`fetch('${url}')`);
    }
  });

  it('mounts only config files that exist under infra/', () => {
    const mounts = Object.values(services)
      .flatMap((s) => s.volumes ?? [])
      .filter((v) => v.startsWith('./'))
      .map((v) => v.split(':')[0] ?? '');
    expect(mounts.length).toBeGreaterThan(0);
    for (const mount of mounts) {
      expect(mount.startsWith('./infra/'), mount).toBe(true);
      expect(existsSync(join(root, mount)), mount).toBe(true);
    }
  });

  it('starts each app from the entry point its build produces', () => {
    const entries = Object.values(services)
      .map((s) => (Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? '')))
      .flatMap((c) => c.match(/(apps|packages)\/[\w-]+\/dist\/[\w/.-]+\.js/g) ?? []);
    expect(entries).toEqual(expect.arrayContaining(['apps/ingest/dist/main.js', 'apps/api/dist/main.js']));
    for (const entry of entries) {
      const source = join(root, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts'));
      expect(existsSync(source), `${entry} has no source ${source}`).toBe(true);
    }
  });
});
