import { setTimeout as sleep } from 'node:timers/promises';
import { withLogContext } from '@fleet/service-kit';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { KeyedLanes } from '../alarms/keyed-lanes.js';
import type { Logger } from '../logging/root-logger.js';

export interface PullLoopOptions {
  /** What the loop feeds, for the retry warning ("consuming <what> failed"). */
  what: string;
  /** Messages kept pulled ahead (consume's buffer). */
  maxMessages: number;
  /**
   * Subjects handled at once; one subject's messages always run in stream order. Without it the
   * messages run one at a time.
   */
  lanes?: number;
  /** Settles the message (ack or nak); a throw is logged and the message left to redeliver. */
  deliver: (message: JsMsg) => Promise<void>;
  logger: Logger;
}

export interface PullLoop {
  /** Stops pulling and resolves once every message already handed out was delivered. */
  stop(): Promise<void>;
}

/**
 * The pull loop every ingest consumer shares: `consume` from a durable consumer, hand each
 * message to `deliver` (in subject lanes when asked), and when the subscription breaks (NATS
 * restarted, consumer deleted) wait a second and subscribe again, until stopped.
 */
export function startPullLoop(consumer: Consumer, options: PullLoopOptions): PullLoop {
  let running = true;
  let messages: ConsumerMessages | undefined;
  const lanes = new KeyedLanes(options.lanes ?? 1);
  // Every log line written while a message is handled carries its ids (message id and delivery).
  const deliver = (message: JsMsg) =>
    withLogContext(messageLogIds(message), () => options.deliver(message)).catch((error: unknown) => {
      options.logger.warn({ err: error, subject: message.subject }, `delivering ${options.what} failed`);
    });
  const loop = (async () => {
    while (running) {
      try {
        messages = await consumer.consume({ max_messages: options.maxMessages });
        for await (const message of messages) {
          await lanes.push(options.lanes ? message.subject : '', () => deliver(message));
        }
      } catch (error) {
        options.logger.warn({ err: error }, `consuming ${options.what} failed; retrying`);
      }
      await lanes.drain();
      if (running) {
        await sleep(1000);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      messages?.stop();
      await loop;
    },
  };
}

/** `natsMsgId` (the publisher's `Nats-Msg-Id`, when set) and `deliveryId` (`<stream>:<seq>`). */
export function messageLogIds(message: JsMsg): { natsMsgId?: string; deliveryId: string } {
  const natsMsgId = message.headers?.get('Nats-Msg-Id') || undefined;
  return { natsMsgId, deliveryId: `${message.info.stream}:${message.info.streamSequence}` };
}
