/** Publishes one alarm event to JetStream with its dedupe id; resolves once the stream stored it. */
export interface AlarmEventPublisher {
  publish(subject: string, data: Uint8Array, msgId: string): Promise<void>;
}
