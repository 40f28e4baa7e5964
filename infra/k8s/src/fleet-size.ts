/** CPU in millicores and memory in MiB, as requested from the scheduler and capped by the kubelet. */
export interface Resources {
  requests: { cpuM: number; memoryMi: number };
  limits: { cpuM: number; memoryMi: number };
}

export interface Scale {
  min: number;
  max: number;
}

/** Everything that differs between a small and a large fleet, and between installations. */
export interface FleetSettings {
  size: string;
  namespace: string;
  /** The one image of every Node service (infra/docker/Dockerfile). */
  image: string;
  natsUrl: string;
  /** NATS monitoring endpoint (host:port of :8222) KEDA reads consumer lag from. */
  natsMonitoringEndpoint: string;
  /** The NATS account of the streams: the account public key in operator mode, `$G` without. */
  natsAccount: string;
  /** Replicas of the JetStream streams ingest applies (NATS_STREAM_REPLICAS): 3 on the hub cluster. */
  streamReplicas: number;
  /** AWS IoT Core data endpoint (mqtts://…:8883); the iot-bridge is deployed only when set. */
  iotEndpoint: string | undefined;
  api: { scale: Scale; resources: Resources };
  web: { scale: Scale; resources: Resources };
  /** Scaled by KEDA on the lag of ingest's durable consumers: one more pod per `lagPerPod` pending messages. */
  ingest: { scale: Scale; resources: Resources; lagPerPod: number };
  bridge: { replicas: number; resources: Resources };
  /** The three-node hub (infra/nats/cluster): image, JetStream volume per node, resources per node. */
  nats: { image: string; storageGi: number; resources: Resources };
}

const res = (cpuM: number, memoryMi: number, limitCpuM: number, limitMemoryMi: number): Resources => ({
  requests: { cpuM, memoryMi },
  limits: { cpuM: limitCpuM, memoryMi: limitMemoryMi },
});

/** As in docker-compose.yml. */
const NATS_IMAGE = 'nats:2.10-alpine';

const common = {
  namespace: 'hv-fleet',
  image: 'registry.example.com/hv-fleet:latest',
  natsUrl: 'tls://nats.hv-fleet.svc.cluster.local:4222',
  natsMonitoringEndpoint: 'nats.hv-fleet.svc.cluster.local:8222',
  natsAccount: '$G',
  streamReplicas: 3,
  iotEndpoint: 'mqtts://example-ats.iot.eu-central-1.amazonaws.com:8883',
};

/**
 * Up to ~100 strings (docs/operations.md has the measured sizing): one pod of each, ingest may
 * grow to two under a backlog (after an outage, gateways replay their spools).
 */
export const smallFleet: FleetSettings = {
  ...common,
  size: 'small',
  api: { scale: { min: 1, max: 2 }, resources: res(100, 256, 1000, 512) },
  web: { scale: { min: 1, max: 2 }, resources: res(100, 256, 1000, 512) },
  ingest: { scale: { min: 1, max: 2 }, resources: res(200, 256, 1000, 512), lagPerPod: 20_000 },
  bridge: { replicas: 1, resources: res(100, 192, 500, 384) },
  nats: { image: NATS_IMAGE, storageGi: 20, resources: res(250, 512, 1000, 1024) },
};

/**
 * Thousands to ~10,000 strings: at least two pods of everything (a node drain never takes a
 * service down), ingest scales out to the database's write capacity.
 */
export const largeFleet: FleetSettings = {
  ...common,
  size: 'large',
  api: { scale: { min: 2, max: 8 }, resources: res(500, 512, 2000, 1024) },
  web: { scale: { min: 2, max: 6 }, resources: res(250, 384, 1000, 768) },
  ingest: { scale: { min: 2, max: 12 }, resources: res(1000, 768, 2000, 1536), lagPerPod: 50_000 },
  bridge: { replicas: 2, resources: res(250, 256, 1000, 512) },
  nats: { image: NATS_IMAGE, storageGi: 200, resources: res(1000, 2048, 2000, 4096) },
};

export const fleetSizes = { small: smallFleet, large: largeFleet } as const;
