import { App } from 'cdk8s';
import { FleetChart } from './fleet-chart.js';
import type { FleetSettings } from './fleet-size.js';

/** The manifests of one fleet size as plain objects (what `kubectl apply` receives), in order. */
export function renderManifests(settings: FleetSettings): Record<string, unknown>[] {
  const app = new App();
  return new FleetChart(app, `fleet-${settings.size}`, settings).toJson();
}
