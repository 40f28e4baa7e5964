import type { FleetSettings, Resources } from './fleet-size.js';
import type { EnvSource, ServiceSpec } from './services.js';

/** The image's `node` user (infra/docker/Dockerfile: USER node). */
export const NODE_UID = 1000;

function envVar(name: string, source: EnvSource) {
  if ('secret' in source) {
    const ref = { name: source.secret, key: source.key, ...(source.optional ? { optional: true } : {}) };
    return { name, valueFrom: { secretKeyRef: ref } };
  }
  if ('field' in source) {
    return { name, valueFrom: { fieldRef: { fieldPath: source.field } } };
  }
  return { name, value: source.value };
}

function resources(r: Resources) {
  return {
    requests: { cpu: `${r.requests.cpuM}m`, memory: `${r.requests.memoryMi}Mi` },
    limits: { cpu: `${r.limits.cpuM}m`, memory: `${r.limits.memoryMi}Mi` },
  };
}

const volumeName = (i: number) => `v${i}`;

/**
 * The pod of one service: non-root with a read-only root filesystem and no capabilities, env from
 * Secrets by reference only, liveness on a path that checks no dependency (or the TCP port: a
 * database outage must not restart every pod) and readiness on the service's health path (it
 * leaves the Service while it cannot work).
 */
export function podSpec(spec: ServiceSpec, settings: FleetSettings) {
  const secretMounts = Object.entries(spec.secretFiles ?? {});
  const writable = spec.writablePaths ?? [];
  // POD_NAME must come before the variables that expand $(POD_NAME).
  const env = Object.entries(spec.env)
    .sort(([, a], [, b]) => Number('field' in b) - Number('field' in a))
    .map(([name, source]) => envVar(name, source));
  return {
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: NODE_UID,
      runAsGroup: NODE_UID,
      fsGroup: NODE_UID,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    // Long enough for ingest to finish the batch in hand and drain NATS (apps/ingest README, Shutdown).
    terminationGracePeriodSeconds: 45,
    containers: [
      {
        name: spec.name,
        image: settings.image,
        imagePullPolicy: 'IfNotPresent',
        command: spec.command,
        ports: [{ name: 'http', containerPort: spec.port }],
        env,
        resources: resources(spec.resources),
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        },
        startupProbe: { tcpSocket: { port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
        livenessProbe: {
          ...(spec.livePath
            ? { httpGet: { path: spec.livePath, port: 'http' } }
            : { tcpSocket: { port: 'http' } }),
          periodSeconds: 10,
          timeoutSeconds: 3,
          failureThreshold: 3,
        },
        readinessProbe: {
          httpGet: { path: spec.readyPath, port: 'http' },
          periodSeconds: 5,
          timeoutSeconds: 3,
          failureThreshold: 2,
        },
        volumeMounts: [
          ...secretMounts.map(([, mountPath], i) => ({ name: volumeName(i), mountPath, readOnly: true })),
          ...writable.map((mountPath, i) => ({ name: volumeName(secretMounts.length + i), mountPath })),
        ],
      },
    ],
    volumes: [
      ...secretMounts.map(([secretName], i) => ({
        name: volumeName(i),
        secret: { secretName, defaultMode: 0o440 },
      })),
      ...writable.map((_, i) => ({
        name: volumeName(secretMounts.length + i),
        emptyDir: { sizeLimit: '256Mi' },
      })),
    ],
  };
}
