import { batchMessageId } from '@fleet/telemetry';

export const MSG_ID_PROPERTY = 'Nats-Msg-Id';

/**
 * The JetStream dedupe id for a message the bridge forwards: the `Nats-Msg-Id` MQTT5 user
 * property the agent sets, else the envelope's own `<gatewayId>:<bootId>:<seq>`, else none.
 * A property that does not start with the topic's gateway id is ignored: a gateway must not be
 * able to make the stream drop another gateway's batch by borrowing its id.
 */
export function bridgeMessageId(
  gatewayId: string,
  userProperties: Record<string, string | string[]> | undefined,
  payload: Uint8Array,
): string | undefined {
  const property = userProperties?.[MSG_ID_PROPERTY];
  const fromProperty = Array.isArray(property) ? property[0] : property;
  if (fromProperty?.startsWith(`${gatewayId}:`) && fromProperty.length <= 200) {
    return fromProperty;
  }
  return envelopeId(gatewayId, payload);
}

function envelopeId(gatewayId: string, payload: Uint8Array): string | undefined {
  try {
    const body = JSON.parse(new TextDecoder().decode(payload)) as { bootId?: unknown; seq?: unknown };
    if (typeof body.bootId === 'string' && Number.isInteger(body.seq)) {
      return batchMessageId(gatewayId, body.bootId, body.seq as number);
    }
  } catch {
    // Not JSON: forwarded as is; ingest dead-letters it with the reason.
  }
  return undefined;
}
