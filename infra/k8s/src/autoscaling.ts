import { consumers, streams } from '@fleet/telemetry';
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { FleetSettings, Scale } from './fleet-size.js';

/** CPU-based HorizontalPodAutoscaler (autoscaling/v2) for the request-driven services. */
export function cpuAutoscaler(scope: Construct, name: string, scale: Scale): ApiObject {
  return new ApiObject(scope, `${name}-hpa`, {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: scale.min,
      maxReplicas: scale.max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    },
  });
}

/**
 * ingest scales on what it is behind, not on CPU: KEDA's NATS JetStream scaler reads the pending
 * count of ingest's durable consumers from the NATS monitoring endpoint and drives an HPA it owns
 * (no Prometheus adapter needed). Two triggers, the writer and the alarm evaluator; KEDA takes the
 * larger demand. Scale-down waits 5 minutes so a replaying backlog does not flap the pod count.
 */
export function ingestLagScaler(scope: Construct, name: string, settings: FleetSettings): ApiObject {
  const trigger = (consumer: string) => ({
    type: 'nats-jetstream',
    metadata: {
      natsServerMonitoringEndpoint: settings.natsMonitoringEndpoint,
      account: settings.natsAccount,
      stream: streams.telemetry.name,
      consumer,
      lagThreshold: String(settings.ingest.lagPerPod),
      activationLagThreshold: '0',
    },
  });
  return new ApiObject(scope, `${name}-scaler`, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name },
    spec: {
      scaleTargetRef: { name },
      minReplicaCount: settings.ingest.scale.min,
      maxReplicaCount: settings.ingest.scale.max,
      pollingInterval: 15,
      cooldownPeriod: 300,
      advanced: {
        horizontalPodAutoscalerConfig: {
          behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
        },
      },
      triggers: [trigger(consumers.telemetryWriter), trigger(consumers.alarmEvaluator)],
    },
  });
}
