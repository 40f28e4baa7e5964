// The agent's MQTT5 connection to AWS IoT Core (or any MQTT5 broker with client certificates):
// mutual TLS from files, clientId = gatewayId (the thing name), a persistent session so QoS 1
// publishes in flight survive a reconnect, and the SDK's own reconnect with backoff, so the agent
// keeps polling and queueing while the link is down, including at boot.
import { iot, mqtt5 } from 'aws-iot-device-sdk-v2';
import type { Logger } from '../../logger.js';

export interface IotCoreEndpoint {
  /** Device data endpoint, e.g. `abc123-ats.iot.eu-central-1.amazonaws.com`. */
  host: string;
  port: number;
  certPath: string;
  keyPath: string;
  /** CA bundle to trust; undefined = the system trust store. */
  caPath: string | undefined;
  clientId: string;
  /**
   * Keep IoT Core's per-connection limits enforced by the SDK (100 publishes/s, 512 KB/s,
   * topic checks). Off only against a local test broker.
   */
  iotCoreLimits: boolean;
}

/** Publishing side of the connection, as the publisher needs it (and a test fakes it). */
export interface MqttPublishPort {
  readonly connected: boolean;
  publish(packet: mqtt5.PublishPacket): Promise<mqtt5.PublishCompletionResult>;
}

/** Connects, reconnects (after the first connect) and losses, for the heartbeat's link quality. */
export interface MqttLinkCounters {
  connects: number;
  reconnects: number;
  disconnects: number;
  failedAttempts: number;
}

/** The whole session as commands and heartbeats need it: publish, subscribe, receive. */
export interface MqttSessionPort extends MqttPublishPort {
  readonly linkCounters: MqttLinkCounters;
  subscribe(packet: mqtt5.SubscribePacket): Promise<mqtt5.SubackPacket>;
  /** Every incoming PUBLISH (the SDK has already PUBACKed a QoS 1 one). */
  onMessage(listener: (packet: mqtt5.PublishPacket) => void): void;
  /**
   * Every successful CONNACK, and at once when already connected. Subscriptions are renewed on
   * each: a broker that lost the session (restart, expiry) would otherwise deliver nothing.
   */
  onConnect(listener: () => void): void;
}

/** Long enough to be cheap on a metered link; IoT Core accepts 30..1200 s. */
const KEEP_ALIVE_S = 60;
/** How long the broker keeps the session (and our unacknowledged QoS 1 state) while we are away. */
const SESSION_EXPIRY_S = 3600;

export class IotCoreConnection implements MqttSessionPort {
  readonly linkCounters: MqttLinkCounters = { connects: 0, reconnects: 0, disconnects: 0, failedAttempts: 0 };
  private readonly client: mqtt5.Mqtt5Client;
  private readonly connectListeners: (() => void)[] = [];
  private isConnected = false;
  private failures = 0;

  constructor(
    endpoint: IotCoreEndpoint,
    private readonly logger: Logger,
  ) {
    this.client = new mqtt5.Mqtt5Client(buildConfig(endpoint));
    this.client.on('connectionSuccess', (event) => {
      this.isConnected = true;
      this.failures = 0;
      this.linkCounters.connects += 1;
      this.linkCounters.reconnects = this.linkCounters.connects - 1;
      this.logger.info(
        { host: endpoint.host, port: endpoint.port, sessionPresent: event.connack.sessionPresent },
        'connected to IoT Core',
      );
      for (const listener of this.connectListeners) {
        listener();
      }
    });
    this.client.on('connectionFailure', (event) => {
      this.failures += 1;
      this.linkCounters.failedAttempts += 1;
      // A wrong certificate or policy fails every attempt: log the first and then every 10th.
      if (this.failures % 10 === 1) {
        this.logger.warn(
          { host: endpoint.host, attempts: this.failures, err: event.error.toString() },
          'IoT Core connection failed; retrying with backoff',
        );
      }
    });
    this.client.on('disconnection', (event) => {
      this.isConnected = false;
      this.linkCounters.disconnects += 1;
      this.logger.warn({ err: event.error.toString() }, 'IoT Core connection lost');
    });
    this.client.on('error', (error) => this.logger.error({ err: error.toString() }, 'IoT Core client error'));
  }

  get connected(): boolean {
    return this.isConnected;
  }

  get failedAttempts(): number {
    return this.failures;
  }

  start(): void {
    this.client.start();
  }

  publish(packet: mqtt5.PublishPacket): Promise<mqtt5.PublishCompletionResult> {
    return this.client.publish(packet);
  }

  subscribe(packet: mqtt5.SubscribePacket): Promise<mqtt5.SubackPacket> {
    return this.client.subscribe(packet);
  }

  onMessage(listener: (packet: mqtt5.PublishPacket) => void): void {
    this.client.on('messageReceived', (event) => listener(event.message));
  }

  onConnect(listener: () => void): void {
    this.connectListeners.push(listener);
    if (this.isConnected) {
      listener();
    }
  }

  /** Sends DISCONNECT and frees the native client. The native handle may still keep Node alive until GC: exit explicitly. */
  async close(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      this.client.once('stopped', () => resolve());
      setTimeout(resolve, 2000).unref();
    });
    this.client.stop({ reasonCode: mqtt5.DisconnectReasonCode.NormalDisconnection });
    await stopped;
    this.isConnected = false;
    this.client.close();
  }
}

function buildConfig(endpoint: IotCoreEndpoint): mqtt5.Mqtt5ClientConfig {
  const builder = iot.AwsIotMqtt5ClientConfigBuilder.newDirectMqttBuilderWithMtlsFromPath(
    endpoint.host,
    endpoint.certPath,
    endpoint.keyPath,
  ).withPort(endpoint.port);
  if (endpoint.caPath !== undefined) {
    // The CA FILE is the second argument; the first is a directory (shared/notes/mqtt-mtls.md).
    builder.withCertificateAuthorityFromPath(undefined, endpoint.caPath);
  }
  builder
    .withConnectProperties({
      clientId: endpoint.clientId,
      keepAliveIntervalSeconds: KEEP_ALIVE_S,
      sessionExpiryIntervalSeconds: SESSION_EXPIRY_S,
    })
    // Clean start = false on every connect, including the first after a restart.
    .withSessionBehavior(mqtt5.ClientSessionBehavior.RejoinAlways)
    .withMinReconnectDelayMs(1000)
    .withMaxReconnectDelayMs(60_000)
    .withOfflineQueueBehavior(mqtt5.ClientOperationQueueBehavior.FailNonQos1PublishOnDisconnect);
  if (!endpoint.iotCoreLimits) {
    builder.withExtendedValidationAndFlowControlOptions(mqtt5.ClientExtendedValidationAndFlowControl.None);
  }
  return builder.build();
}
