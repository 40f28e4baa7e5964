import { mqtt5 } from 'aws-iot-device-sdk-v2';

export type PubackOutcome =
  | { ok: true; reasonCode: number }
  | { ok: false; reasonCode: number; permanent: boolean; reason: string };

/**
 * Refusals that retrying cannot fix: the policy forbids the topic (135), the topic or payload is
 * malformed (144, 153). QuotaExceeded (151, throttling), 128/131 (server-side trouble) and
 * 145 are transient.
 */
const PERMANENT: ReadonlySet<number> = new Set([
  mqtt5.PubackReasonCode.NotAuthorized,
  mqtt5.PubackReasonCode.TopicNameInvalid,
  mqtt5.PubackReasonCode.PayloadFormatInvalid,
]);

/**
 * Reads a QoS 1 publish result. Success is judged by the SDK's own rule: 0 and 16 ("no matching
 * subscribers", common on IoT Core when a rule rather than a client consumes) both mean the
 * broker took the message.
 */
export function pubackOutcome(result: mqtt5.PublishCompletionResult): PubackOutcome {
  if (result === undefined) {
    // Only QoS 0 publishes complete without a PUBACK; we never send those.
    return { ok: false, reasonCode: -1, permanent: false, reason: 'no PUBACK for a QoS 1 publish' };
  }
  const reasonCode = result.reasonCode;
  if (mqtt5.isSuccessfulPubackReasonCode(reasonCode)) {
    return { ok: true, reasonCode };
  }
  const name = mqtt5.PubackReasonCode[reasonCode] ?? 'unknown';
  return {
    ok: false,
    reasonCode,
    permanent: PERMANENT.has(reasonCode),
    reason: `PUBACK ${reasonCode} (${name})${result.reasonString ? `: ${result.reasonString}` : ''}`,
  };
}
