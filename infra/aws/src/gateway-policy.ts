import { UPLINK_KINDS } from './iot-names.js';
import { allow, type IotArn, type IotPolicyDocument, policyDocument } from './policy-document.js';

/** The IoT policy variable of the connected certificate's thing: the gateway id. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IoT policy variable, substituted by IoT Core
export const THING = '${iot:Connection.Thing.ThingName}';

/**
 * One policy for every gateway certificate, scoped by policy variables (docs/architecture.md,
 * "AWS IoT Core uplink"): a certificate connects only as its own thing (client id = thing name,
 * and only while attached to that thing), publishes only its own telemetry, events, heartbeats and
 * command replies, and reads only its own commands. The kinds are listed one by one on purpose:
 * `bms/v1/*\/<thing>` would also match `bms/v1/cmd/<other gateway>/<thing>` (a `*` in an IoT
 * policy spans `/`), letting a gateway named like a verb send commands to another gateway.
 */
export function gatewayPolicy(arn: IotArn): IotPolicyDocument {
  return policyDocument([
    allow('iot:Connect', [arn('client', THING)], {
      Bool: { 'iot:Connection.Thing.IsAttached': 'true' },
    }),
    allow('iot:Publish', [
      ...UPLINK_KINDS.map((kind) => arn('topic', `bms/v1/${kind}/${THING}`)),
      arn('topic', `bms/v1/cmdreply/${THING}/*`),
    ]),
    allow('iot:Subscribe', [arn('topicfilter', `bms/v1/cmd/${THING}/*`)]),
    allow('iot:Receive', [arn('topic', `bms/v1/cmd/${THING}/*`)]),
  ]);
}
