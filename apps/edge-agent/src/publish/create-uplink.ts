// Picks the uplink named by the config: NATS JetStream or AWS IoT Core (MQTT5 + mTLS). Both give
// the agent a connection to start/close, a Publisher, and the transports commands and
// heartbeats use; the outbox, CommandServer and HeartbeatPublisher do not know which.

import type { Clock } from '../clock.js';
import type { CommandTransport } from '../commands/command-transport.js';
import { NatsCommandTransport } from '../commands/nats-command-transport.js';
import type { AgentConfig } from '../config/agent-config.js';
import type { HeartbeatTransport } from '../health/heartbeat-transport.js';
import { NatsHeartbeatTransport } from '../health/nats-heartbeat-transport.js';
import type { Logger } from '../logger.js';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { NatsConnector } from './nats-connector.js';
import type { Publisher } from './publisher.js';

export interface Uplink {
  connection: { start(): void; close(): Promise<void> };
  publisher: Publisher;
  /** Cloud → agent requests (NATS request/reply, or MQTT5 request/response on IoT Core). */
  commands: CommandTransport;
  heartbeats: HeartbeatTransport;
  /** Where it publishes, for the start-up log line (never credentials). */
  describe: Record<string, unknown>;
}

/**
 * The IoT Core modules are imported only when that uplink is chosen: they load aws-crt, a native
 * library that costs the NATS-only gateway memory it would never use (RSS goal, issue 5).
 */
export async function createUplink(config: AgentConfig, logger: Logger, clock: Clock): Promise<Uplink> {
  if (config.uplink === 'iot-core') {
    const { IotCoreConnection } = await import('./mqtt/iot-core-connection.js');
    const { IotCorePublisher } = await import('./mqtt/iot-core-publisher.js');
    const { MqttCommandTransport } = await import('../commands/mqtt-command-transport.js');
    const { MqttHeartbeatTransport } = await import('../health/mqtt-heartbeat-transport.js');
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
      commands: new MqttCommandTransport(
        config.gatewayId,
        connection,
        logger.child({ component: 'commands' }),
      ),
      heartbeats: new MqttHeartbeatTransport(connection),
      describe: { uplink: 'iot-core', endpoint: `${host}:${config.iotPort}` },
    };
  }
  const nats = new NatsConnector(
    config.natsUrl,
    `edge-agent:${config.gatewayId}`,
    logger.child({ component: 'nats' }),
    config.natsCreds,
    `_INBOX.${config.gatewayId}`,
  );
  return {
    connection: nats,
    publisher: new JetStreamPublisher(nats),
    commands: new NatsCommandTransport(config.gatewayId, () => nats.current, clock),
    heartbeats: new NatsHeartbeatTransport(() => nats.current),
    describe: { uplink: 'nats', nats: config.natsUrl },
  };
}
