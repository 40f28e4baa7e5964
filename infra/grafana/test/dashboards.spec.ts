import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const dashboardsDir = new URL('../dashboards/', import.meta.url);

/** Every `fleet_*` metric the services register, read from the files that define them. */
const METRIC_SOURCES = [
  'apps/ingest/src/metrics/ingest-metrics.ts',
  'apps/api/src/metrics/api-metrics.ts',
  'apps/api/src/notifications/worker/notify-metrics.ts',
  'apps/edge-agent/src/health/agent-metrics.ts',
];
const defined = new Set(
  METRIC_SOURCES.flatMap((file) => [
    ...readFileSync(new URL(file, root), 'utf8').matchAll(/'(fleet_[a-z_]+)'/g),
  ]).map((m) => m[1]),
);

interface Dashboard {
  uid: string;
  title: string;
  panels: { id: number; title: string; targets: { expr: string }[] }[];
}

const dashboards = readdirSync(dashboardsDir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({
    file,
    json: JSON.parse(readFileSync(new URL(file, dashboardsDir), 'utf8')) as Dashboard,
  }));

describe('Grafana dashboards', () => {
  it('are the four of issue 11, each with a unique uid and panel ids', () => {
    expect(dashboards.map((d) => d.file).sort()).toEqual([
      'api.json',
      'ingest.json',
      'notifications.json',
      'platform.json',
    ]);
    expect(new Set(dashboards.map((d) => d.json.uid)).size).toBe(dashboards.length);
    for (const { json } of dashboards) {
      const ids = json.panels.map((p) => p.id);
      expect(new Set(ids).size, json.title).toBe(ids.length);
    }
  });

  it('query only metrics the services export (a renamed metric breaks this, not a dashboard in production)', () => {
    expect(defined.size).toBeGreaterThan(15);
    const unknown = dashboards.flatMap(({ json }) =>
      json.panels.flatMap((panel) =>
        panel.targets.flatMap((t) =>
          [...t.expr.matchAll(/\b(fleet_[a-z_]+)/g)]
            .map((m) => (m[1] ?? '').replace(/_(bucket|count|sum)$/, ''))
            .filter((name) => !defined.has(name))
            .map((name) => `${json.title} / ${panel.title}: ${name}`),
        ),
      ),
    );
    expect(unknown).toEqual([]);
  });
});
