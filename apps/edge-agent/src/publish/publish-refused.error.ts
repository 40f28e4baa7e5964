/**
 * The broker answered a publish and said no (e.g. MQTT5 PUBACK 135 "not authorized"), as
 * opposed to a publish that failed on the way (timeout, disconnect). `permanent` refusals will
 * not change by retrying: the cloud's policy or the gateway's provisioning is wrong, and an
 * operator must act. The batch stays queued either way (the outbox retries it with its longest
 * backoff), so nothing is lost while the operator fixes the policy.
 */
export class PublishRefusedError extends Error {
  constructor(
    message: string,
    /** The broker's reason code (MQTT5 PUBACK reason code for IoT Core). */
    readonly reasonCode: number,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'PublishRefusedError';
  }
}
