import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { BRIDGE_JETSTREAM, type BridgeJetStream } from './bridge-jetstream.js';
import { bridgeMessageId } from './bridge-message-id.js';
import { checkHeartbeat } from './check-heartbeat.js';
import type { BridgeRejectReason, IotBridgeCounters } from './iot-bridge-status.js';
import { bridgedTopic } from './topic-subject.js';

export interface BridgedMessage {
  topic: string;
  payload: Uint8Array;
  userProperties: Record<string, string | string[]> | undefined;
}

/**
 * - `forwarded`: JetStream stored it (or already had it): the MQTT message may be acked.
 * - `dropped`: rejected (see BridgeRejectReason), counted by reason; acked so the broker stops
 *   redelivering it.
 * - `abandoned`: shutting down before JetStream took it: NOT acked, the broker redelivers it.
 */
export type BridgeOutcome = 'forwarded' | 'dropped' | 'abandoned';

const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5000;

/**
 * MQTT → JetStream for one message. Never throws. Retries the JetStream publish until it is
 * acknowledged, because the MQTT message must not be acked before that: an MQTT PUBACK is the
 * end of the broker's responsibility.
 */
@Injectable()
export class IotBridgeService {
  readonly counters: IotBridgeCounters = {
    forwarded: { tlm: 0, evt: 0, hb: 0 },
    duplicates: 0,
    rejected: {},
    retries: 0,
  };
  private readonly stopping = new AbortController();
  private readonly logger: Logger;

  constructor(
    @Inject(BRIDGE_JETSTREAM) private readonly jetstream: BridgeJetStream,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'iot-bridge' });
  }

  /** Ends every retry loop; their messages stay un-acked at the broker. */
  stop(): void {
    this.stopping.abort();
  }

  async forward(message: BridgedMessage): Promise<BridgeOutcome> {
    const target = bridgedTopic(message.topic);
    if (!target) {
      return this.reject('unmapped-topic', message.topic);
    }
    const invalid = target.kind === 'hb' ? checkHeartbeat(target.gatewayId, message.payload) : undefined;
    if (invalid) {
      return this.reject(invalid, message.topic);
    }
    const msgId = bridgeMessageId(target.gatewayId, message.userProperties, message.payload);
    const traceparent = traceparentOf(message.userProperties);
    let delayMs = RETRY_MIN_MS;
    for (let attempt = 1; !this.stopping.signal.aborted; attempt += 1) {
      try {
        const { duplicate } = await this.jetstream.publish(
          target.subject,
          message.payload,
          msgId,
          traceparent,
        );
        this.counters.forwarded[target.kind] += 1;
        if (duplicate) {
          this.counters.duplicates += 1;
        }
        return 'forwarded';
      } catch (error) {
        this.counters.retries += 1;
        if (attempt % 10 === 1) {
          this.logger.warn(
            { subject: target.subject, msgId, attempt, err: error },
            'forwarding to JetStream failed; MQTT message held un-acked and retried',
          );
        }
        await sleep(delayMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
        delayMs = Math.min(RETRY_MAX_MS, delayMs * 2);
      }
    }
    return 'abandoned';
  }

  private reject(reason: BridgeRejectReason, topic: string): 'dropped' {
    const count = (this.counters.rejected[reason] ?? 0) + 1;
    this.counters.rejected[reason] = count;
    // First and every 100th per reason: a misbehaving gateway must not flood the log.
    if (count % 100 === 1) {
      this.logger.warn({ topic, reason, count }, 'message rejected by the iot bridge; dropped');
    }
    return 'dropped';
  }
}

/** A well-formed W3C `traceparent` user property, else none (a gateway's bad value starts no trace). */
export function traceparentOf(
  userProperties: Record<string, string | string[]> | undefined,
): string | undefined {
  const value = userProperties?.traceparent;
  const first = Array.isArray(value) ? value[0] : value;
  return first && /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/.test(first) ? first : undefined;
}
