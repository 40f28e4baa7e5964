import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { cpuAutoscaler, ingestLagScaler } from './autoscaling.js';
import type { FleetSettings } from './fleet-size.js';
import { migrationJob } from './migration-job.js';
import { natsCluster } from './nats-cluster.js';
import { podSpec } from './pod-spec.js';
import { type ServiceSpec, serviceSpecs } from './services.js';

const PART_OF = 'hv-fleet';

/**
 * The fewest pods a service runs. Autoscaled Deployments carry no `replicas` (their HPA or
 * ScaledObject owns the count; a fixed one would reset it on every apply).
 */
function minimumPods(spec: ServiceSpec, settings: FleetSettings): { min: number; autoscaled: boolean } {
  switch (spec.name) {
    case 'api':
      return { min: settings.api.scale.min, autoscaled: true };
    case 'web':
      return { min: settings.web.scale.min, autoscaled: true };
    case 'ingest':
      return { min: settings.ingest.scale.min, autoscaled: true };
    default:
      return { min: settings.bridge.replicas, autoscaled: false };
  }
}

/** Every Kubernetes object of the fleet cloud for one fleet size, in one namespace. */
export class FleetChart extends Chart {
  constructor(scope: Construct, id: string, settings: FleetSettings) {
    super(scope, id, { namespace: settings.namespace, labels: { 'app.kubernetes.io/part-of': PART_OF } });
    for (const spec of serviceSpecs(settings)) {
      this.addService(spec, settings);
    }
    cpuAutoscaler(this, 'api', settings.api.scale);
    cpuAutoscaler(this, 'web', settings.web.scale);
    ingestLagScaler(this, 'ingest', settings);
    migrationJob(this, settings);
    natsCluster(this, settings);
  }

  private addService(spec: ServiceSpec, settings: FleetSettings): void {
    const selector = { 'app.kubernetes.io/name': spec.name };
    const { min, autoscaled } = minimumPods(spec, settings);
    new ApiObject(this, `${spec.name}-deployment`, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: spec.name, labels: selector },
      spec: {
        ...(autoscaled ? {} : { replicas: min }),
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: { ...selector, 'app.kubernetes.io/part-of': PART_OF } },
          spec: podSpec(spec, settings),
        },
      },
    });
    if (spec.exposed) {
      new ApiObject(this, `${spec.name}-service`, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: spec.name, labels: selector },
        spec: { selector, ports: [{ name: 'http', port: spec.port, targetPort: 'http' }] },
      });
    }
    if (min > 1) {
      // A node drain takes at most one pod of a service at a time.
      new ApiObject(this, `${spec.name}-pdb`, {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: spec.name },
        spec: { selector: { matchLabels: selector }, maxUnavailable: 1 },
      });
    }
  }
}
