import { GATEWAY_ID_PATTERN } from '@fleet/telemetry';
import { RESERVED_CLIENT_PREFIXES } from './iot-names.js';

/** Where the hook asks the api (infra/aws/README.md, "Pre-provisioning check"). */
export const PROVISIONING_CHECK_PATH = '/api/provisioning/check';

/**
 * The pre-provisioning hook as inline Lambda source (CommonJS, no bundling, the runtime's own AWS
 * SDK v3). It answers IoT Core within its 5 s budget and fails closed: a serial that is not a
 * gateway id or carries a reserved client-id prefix, an api that is down, slow or says anything
 * but `{ "allow": true }` — all refuse the provisioning. The api's shared secret is read from
 * Secrets Manager by ARN (never an environment value) and kept for the container's lifetime.
 */
export function provisioningHookCode(): string {
  return `'use strict';
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const GATEWAY_ID = new RegExp(${JSON.stringify(GATEWAY_ID_PATTERN.source)});
const RESERVED = ${JSON.stringify(Object.values(RESERVED_CLIENT_PREFIXES))};
let secret;
async function apiSecret() {
  if (secret === undefined) {
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: process.env.API_SECRET_ARN }));
    secret = out.SecretString;
  }
  return secret;
}
function answer(allow, detail) {
  console.log(JSON.stringify({ allowProvisioning: allow, ...detail }));
  return { allowProvisioning: allow };
}
exports.handler = async (event) => {
  const serial = event && event.parameters ? event.parameters.SerialNumber : undefined;
  if (typeof serial !== 'string' || !GATEWAY_ID.test(serial) || RESERVED.some((p) => serial.startsWith(p))) {
    return answer(false, { reason: 'bad-serial' });
  }
  try {
    const res = await fetch(process.env.API_URL.replace(/\\/+$/, '') + ${JSON.stringify(PROVISIONING_CHECK_PATH)}, {
      method: 'POST',
      headers: { authorization: 'Bearer ' + (await apiSecret()), 'content-type': 'application/json' },
      body: JSON.stringify({ gatewayId: serial, certificateId: event.certificateId }),
      signal: AbortSignal.timeout(3000),
    });
    const body = res.ok ? await res.json() : undefined;
    return answer(Boolean(body && body.allow === true), { serial, status: res.status });
  } catch (error) {
    return answer(false, { serial, reason: 'api-unreachable', error: String(error) });
  }
};
`;
}
