import { freePort } from '@fleet/test-kit';
import { buildIngest, IngestProcess } from '../../../apps/ingest/test/ingest-process.js';
import type { NatsCluster } from './nats-cluster.js';

export { buildIngest, IngestProcess };

/**
 * A built ingest process (`apps/ingest/dist/main.js`) on `database`, connected to node `node` of
 * the cluster (it learns the other nodes from the server and fails over to them), creating every
 * stream with 3 replicas. Only the telemetry write path runs: alarms, rollups and retention are
 * off, so what is measured and checked is storing.
 */
export async function ingestOnCluster(
  cluster: NatsCluster,
  node: number,
  database: string,
  env: Record<string, string> = {},
): Promise<IngestProcess> {
  return new IngestProcess({
    DATABASE_URL: database,
    NATS_URL: cluster.url(node),
    NATS_STREAM_REPLICAS: '3',
    INGEST_HEALTH_PORT: String(await freePort()),
    ALARMS_ENABLED: 'false',
    ROLLUP_EVERY_S: '0',
    RETENTION_EVERY_H: '0',
    LOG_LEVEL: 'warn',
    ...env,
  });
}
