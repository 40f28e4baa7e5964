import { readFileSync } from 'node:fs';
import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';

/** The process's one NATS connection with its JetStream handles; drained on shutdown. */
@Injectable()
export class NatsClient implements OnApplicationShutdown {
  private connection: NatsConnection | undefined;
  private manager: JetStreamManager | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'nats' });
  }

  /** Connects once; later calls return the same connection. Reconnects forever after that. */
  async connect(): Promise<NatsConnection> {
    if (!this.connection) {
      this.connection = await connect({
        servers: this.config.nats.url,
        name: `ingest:${this.config.nats.consumer}`,
        maxReconnectAttempts: -1,
        // Read once at start: a missing or unreadable creds file stops the start, loudly.
        ...(this.config.nats.credsPath
          ? { authenticator: credsAuthenticator(readFileSync(this.config.nats.credsPath)) }
          : {}),
      });
      this.logger.info({ server: this.connection.getServer() }, 'connected to NATS');
      void this.watchStatus(this.connection);
    }
    return this.connection;
  }

  async jetstreamManager(): Promise<JetStreamManager> {
    this.manager ??= await jetstreamManager(await this.connect());
    return this.manager;
  }

  async jetstream(): Promise<JetStreamClient> {
    return jetstream(await this.connect());
  }

  isConnected(): boolean {
    return this.connection !== undefined && !this.connection.isClosed();
  }

  async onApplicationShutdown(): Promise<void> {
    // drain: flush what is buffered (acks, dead letters), then close.
    await this.connection
      ?.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'NATS drain failed'));
  }

  private async watchStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect') {
        this.logger.warn({ status: status.type }, 'NATS connection status changed');
      }
    }
  }
}
