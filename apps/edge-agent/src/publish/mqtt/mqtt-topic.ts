// AWS IoT Core topics mirror the NATS subjects with `.` → `/` (ARCHITECTURE.md, Subjects).
// IoT Core refuses topics with more than 7 slashes or longer than 256 bytes (AWS IoT Core
// quotas, "Topic size" and "Maximum number of slashes in topic"); checked here so a bad topic
// is a clear error at the agent, not a silent refusal.

const MAX_SLASHES = 7;
const MAX_TOPIC_BYTES = 256;

export function topicOfSubject(subject: string): string {
  const topic = subject.replaceAll('.', '/');
  const slashes = topic.split('/').length - 1;
  if (slashes > MAX_SLASHES || Buffer.byteLength(topic) > MAX_TOPIC_BYTES) {
    throw new RangeError(
      `topic ${topic} exceeds AWS IoT Core limits (${MAX_SLASHES} slashes, ${MAX_TOPIC_BYTES} bytes)`,
    );
  }
  return topic;
}
