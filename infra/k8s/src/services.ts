import type { FleetSettings, Resources } from './fleet-size.js';

/** An environment variable: a plain value, a key of a Secret (never its value), or a pod field. */
export type EnvSource =
  | { value: string }
  /** `optional`: the pod starts without the key (a feature that stays off until the key exists). */
  | { secret: string; key: string; optional?: true }
  | { field: string };

export interface ServiceSpec {
  name: string;
  command: string[];
  port: number;
  /** HTTP path that answers 200 only when the service can do its work (readiness). */
  readyPath: string;
  /** HTTP path that answers while the process lives, whatever its dependencies; TCP connect without one. */
  livePath?: string;
  env: Record<string, EnvSource>;
  resources: Resources;
  /** Secrets mounted as files (certificates, NATS credentials): secret name → mount path. */
  secretFiles?: Record<string, string>;
  /** Paths the process writes to (the root filesystem is read-only). */
  writablePaths?: string[];
  /** Exposed inside the cluster through a Service. */
  exposed: boolean;
}

/** The Secrets the manifests refer to; created by the operator or an ExternalSecret (infra/k8s/README.md). */
export const SECRETS = {
  database: { name: 'fleet-database', key: 'url' },
  auth: { name: 'fleet-api', key: 'auth-secret' },
  provisioningHook: { name: 'fleet-api', key: 'provisioning-hook-secret' },
  natsSigningSeed: { name: 'fleet-nats-account', key: 'signing-seed' },
  natsAccountKey: { name: 'fleet-nats-account', key: 'account-public-key' },
  natsServiceCreds: 'fleet-nats-service-creds',
  natsCa: 'fleet-nats-ca',
  bridgeTls: 'fleet-iot-bridge-tls',
} as const;

const NATS_CREDS_DIR = '/etc/fleet/nats';
const NATS_CA_DIR = '/etc/fleet/nats-ca';

function shared(settings: FleetSettings, memoryLimitMi: number): Record<string, EnvSource> {
  return {
    NODE_ENV: { value: 'production' },
    LOG_LEVEL: { value: 'info' },
    // Leave a quarter of the container's memory limit to buffers and native memory.
    NODE_OPTIONS: { value: `--max-old-space-size=${Math.floor(memoryLimitMi * 0.75)}` },
    NATS_URL: { value: settings.natsUrl },
    NATS_CREDS: { value: `${NATS_CREDS_DIR}/service.creds` },
    // The hub's client port is TLS only (infra/nats): Node trusts its CA through this.
    NODE_EXTRA_CA_CERTS: { value: `${NATS_CA_DIR}/ca.crt` },
  };
}

/** api, web, ingest and the iot-bridge as data; ports and health paths as the apps serve them. */
export function serviceSpecs(settings: FleetSettings): ServiceSpec[] {
  const db = { secret: SECRETS.database.name, key: SECRETS.database.key };
  const natsCreds = { [SECRETS.natsServiceCreds]: NATS_CREDS_DIR, [SECRETS.natsCa]: NATS_CA_DIR };
  const specs: ServiceSpec[] = [
    {
      name: 'api',
      command: ['node', 'apps/api/dist/main.js'],
      port: 3001,
      readyPath: '/api/health/ready',
      livePath: '/api/health/live',
      resources: settings.api.resources,
      env: {
        ...shared(settings, settings.api.resources.limits.memoryMi),
        API_PORT: { value: '3001' },
        DATABASE_URL: db,
        AUTH_SECRET: { secret: SECRETS.auth.name, key: SECRETS.auth.key },
        NATS_ACCOUNT_SIGNING_SEED: { secret: SECRETS.natsSigningSeed.name, key: SECRETS.natsSigningSeed.key },
        NATS_ACCOUNT_PUBLIC_KEY: { secret: SECRETS.natsAccountKey.name, key: SECRETS.natsAccountKey.key },
        // Only with AWS IoT Core (infra/aws): without the key POST /api/provisioning/check answers 503.
        PROVISIONING_HOOK_SECRET: {
          secret: SECRETS.provisioningHook.name,
          key: SECRETS.provisioningHook.key,
          optional: true,
        },
      },
      secretFiles: natsCreds,
      // The root filesystem is read-only; libraries that spill to os.tmpdir() get an emptyDir.
      writablePaths: ['/tmp'],
      exposed: true,
    },
    {
      name: 'web',
      command: ['node', '/app/node_modules/next/dist/bin/next', 'start', '-p', '3000'],
      port: 3000,
      readyPath: '/login',
      resources: settings.web.resources,
      env: {
        NODE_ENV: { value: 'production' },
        API_URL: { value: `http://api.${settings.namespace}.svc.cluster.local:3001` },
      },
      writablePaths: ['/app/apps/web/.next/cache', '/tmp'],
      exposed: true,
    },
    {
      name: 'ingest',
      command: ['node', 'apps/ingest/dist/main.js'],
      port: 3002,
      readyPath: '/health/ready',
      livePath: '/health/live',
      resources: settings.ingest.resources,
      env: {
        ...shared(settings, settings.ingest.resources.limits.memoryMi),
        INGEST_HEALTH_PORT: { value: '3002' },
        NATS_STREAM_REPLICAS: { value: String(settings.streamReplicas) },
        DATABASE_URL: db,
      },
      secretFiles: natsCreds,
      // The root filesystem is read-only; libraries that spill to os.tmpdir() get an emptyDir.
      writablePaths: ['/tmp'],
      exposed: false,
    },
  ];
  if (settings.iotEndpoint) {
    specs.push(bridgeSpec(settings, settings.iotEndpoint, db, natsCreds));
  }
  return specs;
}

/**
 * ingest with IOT_BRIDGE_URL set: it also consumes like any ingest pod, and adds the MQTT → JetStream
 * bridge. A Deployment of its own because it needs the IoT certificate and scales with the MQTT
 * shared subscription, not with JetStream lag.
 */
function bridgeSpec(
  settings: FleetSettings,
  iotEndpoint: string,
  db: EnvSource,
  natsCreds: Record<string, string>,
): ServiceSpec {
  const tls = '/etc/fleet/iot-bridge';
  return {
    name: 'iot-bridge',
    command: ['node', 'apps/ingest/dist/main.js'],
    port: 3002,
    readyPath: '/health/ready',
    livePath: '/health/live',
    resources: settings.bridge.resources,
    env: {
      ...shared(settings, settings.bridge.resources.limits.memoryMi),
      INGEST_HEALTH_PORT: { value: '3002' },
      NATS_STREAM_REPLICAS: { value: String(settings.streamReplicas) },
      DATABASE_URL: db,
      POD_NAME: { field: 'metadata.name' },
      IOT_BRIDGE_URL: { value: iotEndpoint },
      IOT_BRIDGE_CERT: { value: `${tls}/tls.crt` },
      IOT_BRIDGE_KEY: { value: `${tls}/tls.key` },
      IOT_BRIDGE_CA: { value: `${tls}/ca.crt` },
      // The IoT policy lets the bridge connect only as ingest-bridge-* (infra/aws).
      IOT_BRIDGE_CLIENT_ID: { value: 'ingest-bridge-$(POD_NAME)' },
      IOT_BRIDGE_GROUP: { value: 'ingest' },
    },
    secretFiles: { ...natsCreds, [SECRETS.bridgeTls]: tls },
    writablePaths: ['/tmp'],
    exposed: false,
  };
}
