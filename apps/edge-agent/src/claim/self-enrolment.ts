// The agent enrolling itself (issue 10, --enrol-api with no credentials in the data dir): it reads
// and spools as during a NATS outage (DeferredPublisher), shows its claim code on its own status
// endpoint (`/` code + QR, `/claim`, `/label.svg` beside `/status`, `/health`, `/metrics`),
// polls the enrolment API, and once claimed writes the credentials, opens the uplink as the
// claimed gateway and starts commands and heartbeats — the spooled backlog drains, no restart.
import type { AgentService } from '../agent.js';
import type { SideServiceParts, StatusEndpoint } from '../compose/side-services.js';
import { buildSideServices } from '../compose/side-services.js';
import type { AgentConfig } from '../config/agent-config.js';
import { agentMetrics } from '../health/agent-metrics.js';
import type { Heartbeat } from '../health/heartbeat.js';
import { StatusServer } from '../health/status-server.js';
import { createUplink } from '../publish/create-uplink.js';
import { claimRoute } from './claim-status-server.js';
import type { DeferredPublisher } from './deferred-publisher.js';
import { saveEnrolment } from './enrolment-client.js';
import { loadOrCreateIdentity } from './gateway-identity.js';
import { waitForClaim } from './wait-for-claim.js';

export interface SelfEnrolmentParts extends Omit<SideServiceParts, 'uplink' | 'statusEndpoint'> {
  apiUrl: string;
  publisher: DeferredPublisher;
}

/** The uplink connection, which exists only once the gateway is claimed. */
class LateConnection {
  private inner: { start(): void; close(): Promise<void> } | undefined;
  private started = false;

  attach(inner: { start(): void; close(): Promise<void> }): void {
    this.inner = inner;
    if (this.started) {
      inner.start();
    }
  }

  start(): void {
    this.started = true;
    this.inner?.start();
  }

  async close(): Promise<void> {
    await this.inner?.close();
  }
}

export function buildSelfEnrolment(parts: SelfEnrolmentParts): {
  connection: LateConnection;
  services: AgentService[];
} {
  const { config, logger } = parts;
  const identity = loadOrCreateIdentity(config.dataDir);
  const log = logger.child({ component: 'enrolment', claimCode: identity.claimCode });
  let gatewayId: string | null = null;
  let status: () => unknown = () => ({
    claimed: false,
    claimCode: identity.claimCode,
    reader: parts.readerCounters(),
    spool: parts.outbox.spoolStats(),
  });
  let heartbeat: () => Heartbeat | undefined = () => undefined;
  const endpoint: StatusEndpoint = {
    bind(nextStatus, nextHeartbeat) {
      status = nextStatus;
      heartbeat = nextHeartbeat;
    },
  };
  const server = new StatusServer(
    config.statusPort,
    () => status(),
    logger.child({ component: 'status' }),
    agentMetrics(() => heartbeat()),
    (path) => claimRoute(path, () => ({ claimCode: identity.claimCode, gatewayId })),
  );
  const connection = new LateConnection();

  const enrol = async (signal: AbortSignal): Promise<void> => {
    log.info(
      { api: parts.apiUrl, page: `http://127.0.0.1:${config.statusPort}/` },
      'not claimed yet: reading and spooling; the claim code is on the status page',
    );
    const answer = await waitForClaim({
      apiUrl: parts.apiUrl,
      pollS: config.enrolPollS,
      identity,
      logger: log,
      signal,
    });
    if (typeof answer === 'string') {
      // Revoked: the agent keeps reading into the spool; an operator must re-key the gateway.
      return;
    }
    const saved = saveEnrolment(config.dataDir, identity, answer);
    const claimed: AgentConfig = { ...config, gatewayId: saved.gatewayId, natsCreds: saved.credsFile };
    const uplink = await createUplink(claimed, log, parts.clock);
    parts.publisher.attach(uplink.publisher, saved.gatewayId);
    connection.attach(uplink.connection);
    parts.outbox.retryNow();
    gatewayId = saved.gatewayId;
    log.info(
      { gatewayId, credsFile: saved.credsFile },
      'claimed: publishing as this gateway, spooled backlog first',
    );
    const side = buildSideServices({ ...parts, config: claimed, uplink, statusEndpoint: endpoint });
    await Promise.all(
      side.map((service) =>
        service.run(signal).catch((error: Error) => {
          log.error({ service: service.name, err: error.message }, 'service stopped');
        }),
      ),
    );
  };
  return {
    connection,
    services: [
      { name: 'status', run: (signal) => server.run(signal) },
      { name: 'enrolment', run: enrol },
    ],
  };
}
