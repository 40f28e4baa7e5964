import { TRACEPARENT } from '@fleet/service-kit/tracing';
import type { JetStreamClient } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import type { AlarmEventPublisher } from './alarm-event-publisher.js';

/** The relay's publish on JetStream: dedupe id, and the event's trace context as the `traceparent` header. */
export function jetStreamAlarmPublisher(js: () => Promise<JetStreamClient>): AlarmEventPublisher {
  return {
    async publish(subject, data, msgId, traceparent) {
      const h = traceparent ? headers() : undefined;
      h?.set(TRACEPARENT, traceparent as string);
      await (await js()).publish(subject, data, { msgID: msgId, ...(h ? { headers: h } : {}) });
    },
  };
}
