// The agent's NATS connection: dialled in the background and re-dialled forever, so the agent
// keeps polling (and queueing) while the cloud is unreachable, including at boot.
import { readFileSync } from 'node:fs';
import {
  type Authenticator,
  connect,
  credsAuthenticator,
  type NatsConnection,
} from '@nats-io/transport-node';
import type { Logger } from '../logger.js';

export class NatsConnector {
  private connection: NatsConnection | undefined;
  private closed = false;
  private readonly authenticator: Authenticator | undefined;

  /**
   * `credsFile` is read here, once: a missing or unreadable file stops the start, loudly.
   * `inboxPrefix`: where replies to this gateway's requests (JetStream publish acks) arrive. A
   * gateway user may subscribe only under `_INBOX.<gatewayId>.>` (the API issues its credentials
   * so: docs/access.md), so another gateway's replies are never readable to it.
   */
  constructor(
    private readonly url: string,
    private readonly name: string,
    private readonly logger: Logger,
    credsFile?: string,
    private readonly inboxPrefix?: string,
  ) {
    this.authenticator = credsFile === undefined ? undefined : credsAuthenticator(readFileSync(credsFile));
  }

  /** The live connection, or undefined while the first dial has not succeeded. */
  get current(): NatsConnection | undefined {
    return this.connection;
  }

  start(): void {
    connect({
      servers: this.url,
      name: this.name,
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 2000,
      ...(this.authenticator ? { authenticator: this.authenticator } : {}),
      ...(this.inboxPrefix ? { inboxPrefix: this.inboxPrefix } : {}),
    })
      .then((nc) => {
        if (this.closed) {
          void nc.close();
          return;
        }
        this.connection = nc;
        this.logger.info({ server: nc.getServer() }, 'connected to NATS');
        void this.watch(nc);
      })
      .catch((error: Error) => this.logger.error({ err: error.message }, 'NATS connection gave up'));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connection?.drain().catch(() => undefined);
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect') {
        this.logger.warn({ status: status.type, server: status.server }, 'NATS connection changed');
      }
    }
  }
}
