// Where a gateway may publish command replies over MQTT: under `bms/v1/cmdreply/<gatewayId>/`
// only. The IoT policy (and the test broker's ACL) allows exactly that, so a requester names a
// response topic there (e.g. `bms/v1/cmdreply/<gatewayId>/<requestId>`) and per-gateway
// permissions hold for replies too. A response topic elsewhere is not even tried.

const MAX_SLASHES = 7;
const MAX_TOPIC_BYTES = 256;

export function commandReplyTopicPrefix(gatewayId: string): string {
  return `bms/v1/cmdreply/${gatewayId}/`;
}

export function isAllowedReplyTopic(topic: string, gatewayId: string): boolean {
  const prefix = commandReplyTopicPrefix(gatewayId);
  return (
    topic.startsWith(prefix) &&
    topic.length > prefix.length &&
    !/[+#]/.test(topic) &&
    !topic.includes('\u0000') &&
    topic.split('/').length - 1 <= MAX_SLASHES &&
    Buffer.byteLength(topic) <= MAX_TOPIC_BYTES
  );
}
