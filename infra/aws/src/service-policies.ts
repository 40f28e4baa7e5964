import { RESERVED_CLIENT_PREFIXES, UPLINK_KINDS } from './iot-names.js';
import { allow, type IotArn, type IotPolicyDocument, policyDocument } from './policy-document.js';

/**
 * ingest's iot-bridge (apps/ingest/src/iot-bridge): reads every gateway's uplink through one
 * shared subscription per kind and publishes nothing to IoT Core. It writes to JetStream, so no
 * IoT rule or rule role is needed.
 */
export function bridgePolicy(arn: IotArn, shareGroup: string): IotPolicyDocument {
  return policyDocument([
    allow('iot:Connect', [arn('client', `${RESERVED_CLIENT_PREFIXES.bridge}*`)]),
    allow(
      'iot:Subscribe',
      UPLINK_KINDS.map((kind) => arn('topicfilter', `$share/${shareGroup}/bms/v1/${kind}/+`)),
    ),
    allow(
      'iot:Receive',
      UPLINK_KINDS.map((kind) => arn('topic', `bms/v1/${kind}/*`)),
    ),
  ]);
}

/** The api's command requester: sends commands to any gateway, reads the replies. */
export function apiCommandPolicy(arn: IotArn): IotPolicyDocument {
  return policyDocument([
    allow('iot:Connect', [arn('client', `${RESERVED_CLIENT_PREFIXES.api}*`)]),
    allow('iot:Publish', [arn('topic', 'bms/v1/cmd/*')]),
    allow('iot:Subscribe', [arn('topicfilter', 'bms/v1/cmdreply/*')]),
    allow('iot:Receive', [arn('topic', 'bms/v1/cmdreply/*')]),
  ]);
}
