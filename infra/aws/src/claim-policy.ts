import { RESERVED_CLIENT_PREFIXES } from './iot-names.js';
import { allow, type IotArn, type IotPolicyDocument, policyDocument } from './policy-document.js';

/**
 * The shared claim certificate (baked into the gateway image) may do one thing: ask for its own
 * certificate from a CSR and register it through our template. Only CreateCertificateFromCsr:
 * the gateway's private key is made on the gateway and never travels. It connects with a
 * `provision-` client id so it can never take over a provisioned gateway's session.
 */
export function claimPolicy(arn: IotArn, templateName: string): IotPolicyDocument {
  const csr = '$aws/certificates/create-from-csr/json';
  const provision = `$aws/provisioning-templates/${templateName}/provision/json`;
  return policyDocument([
    allow('iot:Connect', [arn('client', `${RESERVED_CLIENT_PREFIXES.provisioning}*`)]),
    allow('iot:Publish', [arn('topic', csr), arn('topic', provision)]),
    allow('iot:Subscribe', [arn('topicfilter', `${csr}/*`), arn('topicfilter', `${provision}/*`)]),
    allow('iot:Receive', [arn('topic', `${csr}/*`), arn('topic', `${provision}/*`)]),
  ]);
}
