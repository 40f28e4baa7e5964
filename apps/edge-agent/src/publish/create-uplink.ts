// Picks the uplink named by the config: NATS JetStream or AWS IoT Core (MQTT5 + mTLS). Both give
// the agent a connection to start/close and a Publisher; the outbox does not know which.
import type { AgentConfig } from '../config/agent-config.js';
import type { Logger } from '../logger.js';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { NatsConnector } from './nats-connector.js';
import type { Publisher } from './publisher.js';

export interface Uplink {
  connection: { start(): void; close(): Promise<void> };
  publisher: Publisher;
  /** The NATS connection commands and heartbeats use (undefined on IoT Core). */
  nats?: NatsConnector;
  /** Where it publishes, for the start-up log line (never credentials). */
  describe: Record<string, unknown>;
}

/**
 * The IoT Core modules are imported only when that uplink is chosen: they load aws-crt, a native
 * library that costs the NATS-only gateway memory it would never use (RSS goal, issue 5).
 */
export async function createUplink(config: AgentConfig, logger: Logger): Promise<Uplink> {
  if (config.uplink === 'iot-core') {
    const { IotCoreConnection } = await import('./mqtt/iot-core-connection.js');
    const { IotCorePublisher } = await import('./mqtt/iot-core-publisher.js');
    const host = config.iotEndpoint ?? '';
    const connection = new IotCoreConnection(
      {
        host,
        port: config.iotPort,
        certPath: config.iotCert ?? '',
        keyPath: config.iotKey ?? '',
        caPath: config.iotCa,
        clientId: config.gatewayId,
        iotCoreLimits: true,
      },
      logger.child({ component: 'iot-core' }),
    );
    return {
      connection,
      publisher: new IotCorePublisher(connection, logger.child({ component: 'iot-core' })),
      describe: { uplink: 'iot-core', endpoint: `${host}:${config.iotPort}` },
    };
  }
  const nats = new NatsConnector(
    config.natsUrl,
    `edge-agent:${config.gatewayId}`,
    logger.child({ component: 'nats' }),
  );
  return {
    connection: nats,
    nats,
    publisher: new JetStreamPublisher(nats),
    describe: { uplink: 'nats', nats: config.natsUrl },
  };
}
