/** Publishes one alarm event to JetStream with its dedupe id; resolves once the stream stored it. */
export interface AlarmEventPublisher {
  /** `traceparent`, when given, goes into the message's `traceparent` header. */
  publish(subject: string, data: Uint8Array, msgId: string, traceparent?: string): Promise<void>;
}
