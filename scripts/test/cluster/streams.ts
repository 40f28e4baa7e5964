import { setTimeout as sleep } from 'node:timers/promises';
import { type StreamDefinition, streams } from '@fleet/telemetry';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { applyStream } from '../../../apps/ingest/src/nats/jetstream-setup.js';

/**
 * Creates every stream of @fleet/telemetry with `replicas` and waits until each has a leader with
 * all its replicas current. On a loaded machine a new R3 stream takes seconds to elect its leader,
 * and two ingest processes creating the same streams at once then time out at start; a deploy
 * does the same (streams are applied once, by a job, before the ingest rollout).
 */
export async function applyClusterStreams(nc: NatsConnection, replicas: number): Promise<void> {
  const jsm = await jetstreamManager(nc, { timeout: 20_000 });
  const deadline = Date.now() + 60_000;
  // Right after start the meta leader may not know every peer yet ("no suitable peers for
  // placement"): retried until the deadline.
  const apply = async (definition: StreamDefinition): Promise<void> => {
    for (;;) {
      try {
        await applyStream(jsm, definition, replicas);
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw error;
        }
        await sleep(250);
      }
    }
  };
  await Promise.all(Object.values(streams).map(apply));
  for (const definition of Object.values(streams)) {
    for (;;) {
      const info = await jsm.streams.info(definition.name).catch(() => undefined);
      const replicasUp = info?.cluster?.replicas?.filter((r) => r.current).length ?? 0;
      if (info?.cluster?.leader && replicasUp === replicas - 1) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`stream ${definition.name} has no leader with ${replicas} current replicas`);
      }
      await sleep(200);
    }
  }
}
