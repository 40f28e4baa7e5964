import { readFileSync } from 'node:fs';
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { FleetSettings } from './fleet-size.js';
import { NODE_UID } from './pod-spec.js';

/** The hub cluster's config as shipped in infra/nats (one file for all three nodes). */
export const NATS_CLUSTER_CONF = readFileSync(
  new URL('../../nats/cluster/nats.conf', import.meta.url),
  'utf8',
);

const PORTS = { client: 4222, cluster: 6222, monitor: 8222, leafnodes: 7422 } as const;
const labels = { 'app.kubernetes.io/name': 'nats' };

/**
 * The three-node JetStream hub (infra/nats/cluster/nats.conf) as a StatefulSet `nats` behind the
 * headless Service `nats`, so the config's routes `nats-N.nats:6222` resolve. Operator JWTs, the
 * route password and TLS come from Secrets; JetStream and the resolver keep their data on a volume
 * per node. One node per Kubernetes node, at most one down at a time (R3 keeps a quorum of two).
 */
export function natsCluster(scope: Construct, settings: FleetSettings): void {
  new ApiObject(scope, 'nats-config', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'nats-config' },
    data: { 'nats.conf': NATS_CLUSTER_CONF },
  });
  new ApiObject(scope, 'nats-service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nats', labels },
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: labels,
      ports: Object.entries(PORTS).map(([name, port]) => ({ name, port, targetPort: name })),
    },
  });
  // What gateways and leaf nodes reach from outside: the TLS client and leafnode ports only —
  // never the routes or the monitoring endpoint.
  new ApiObject(scope, 'nats-public-service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nats-public', labels },
    spec: {
      type: 'LoadBalancer',
      selector: labels,
      ports: (['client', 'leafnodes'] as const).map((name) => ({
        name,
        port: PORTS[name],
        targetPort: name,
      })),
    },
  });
  new ApiObject(scope, 'nats-statefulset', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'nats', labels },
    spec: {
      serviceName: 'nats',
      replicas: 3,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: natsPod(settings) },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: `${settings.nats.storageGi}Gi` } },
          },
        },
      ],
    },
  });
  new ApiObject(scope, 'nats-pdb', {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'nats' },
    spec: { selector: { matchLabels: labels }, maxUnavailable: 1 },
  });
}

function natsPod(settings: FleetSettings) {
  const health = (path: string) => ({ httpGet: { path, port: 'monitor' } });
  const { requests, limits } = settings.nats.resources;
  return {
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: NODE_UID,
      runAsGroup: NODE_UID,
      fsGroup: NODE_UID,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: labels }, topologyKey: 'kubernetes.io/hostname' },
        ],
      },
    },
    // Lame duck mode (30 s in the config) moves clients away before the node stops.
    terminationGracePeriodSeconds: 60,
    containers: [
      {
        name: 'nats',
        image: settings.nats.image,
        args: ['-c', '/etc/nats/nats.conf'],
        ports: Object.entries(PORTS).map(([name, containerPort]) => ({ name, containerPort })),
        env: [
          { name: 'NATS_SERVER_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          {
            name: 'NATS_ROUTE_PASSWORD',
            valueFrom: { secretKeyRef: { name: 'fleet-nats-route', key: 'password' } },
          },
        ],
        resources: {
          requests: { cpu: `${requests.cpuM}m`, memory: `${requests.memoryMi}Mi` },
          limits: { cpu: `${limits.cpuM}m`, memory: `${limits.memoryMi}Mi` },
        },
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        },
        startupProbe: { ...health('/healthz'), periodSeconds: 2, failureThreshold: 90 },
        livenessProbe: { ...health('/healthz'), periodSeconds: 10, failureThreshold: 3 },
        // Ready once JetStream is current with the cluster: a rolling restart waits for it.
        readinessProbe: { ...health('/healthz?js-enabled-only=true'), periodSeconds: 5, failureThreshold: 3 },
        lifecycle: { preStop: { exec: { command: ['nats-server', '--signal', 'ldm=/data/nats.pid'] } } },
        volumeMounts: [
          { name: 'config', mountPath: '/etc/nats/nats.conf', subPath: 'nats.conf', readOnly: true },
          { name: 'auth', mountPath: '/etc/nats/auth', readOnly: true },
          { name: 'tls', mountPath: '/etc/nats/tls', readOnly: true },
          { name: 'data', mountPath: '/data' },
        ],
      },
    ],
    volumes: [
      { name: 'config', configMap: { name: 'nats-config' } },
      { name: 'auth', secret: { secretName: 'fleet-nats-operator', defaultMode: 0o440 } },
      { name: 'tls', secret: { secretName: 'fleet-nats-tls', defaultMode: 0o440 } },
    ],
  };
}
