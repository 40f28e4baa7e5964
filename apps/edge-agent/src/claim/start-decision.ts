// What the agent does at start (issue 10): run as a gateway with the credentials it has, or —
// with --enrol-api and none yet — read and spool while it waits to be claimed. Pure apart from
// readEnrolment, so the decision is tested without a disk.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AgentConfig, UNCLAIMED_GATEWAY_ID } from '../config/agent-config.js';
import { ENROLMENT_FILE, type Enrolment } from './enrolment-client.js';

export type StartDecision =
  | { kind: 'run'; config: AgentConfig; source: 'config' | 'enrolment' }
  | { kind: 'enrol'; apiUrl: string; config: AgentConfig }
  | { kind: 'error'; message: string };

/**
 * Credentials given in the config win; then an earlier enrolment in the data dir; then, with
 * --enrol-api, enrolment. An explicit --gateway-id without credentials runs as before (local
 * servers without auth, tests).
 */
export function decideStart(config: AgentConfig, enrolment: Enrolment | undefined): StartDecision {
  const explicitId = config.gatewayId !== UNCLAIMED_GATEWAY_ID;
  const hasCredentials = config.natsCreds !== undefined || config.uplink === 'iot-core';
  if (hasCredentials) {
    return explicitId
      ? { kind: 'run', config, source: 'config' }
      : { kind: 'error', message: '--gateway-id is required with --nats-creds or --uplink iot-core' };
  }
  if (enrolment !== undefined) {
    if (explicitId && enrolment.gatewayId !== config.gatewayId) {
      return {
        kind: 'error',
        message: `--gateway-id ${config.gatewayId} differs from the enrolled id ${enrolment.gatewayId} (${ENROLMENT_FILE})`,
      };
    }
    return {
      kind: 'run',
      config: { ...config, gatewayId: enrolment.gatewayId, natsCreds: enrolment.credsFile },
      source: 'enrolment',
    };
  }
  if (config.enrolApi !== undefined && !explicitId) {
    return { kind: 'enrol', apiUrl: config.enrolApi, config };
  }
  return { kind: 'run', config, source: 'config' };
}

/** The enrolment a previous claim left in the data dir, if both its files are there. */
export function readEnrolment(dataDir: string): Enrolment | undefined {
  const file = join(dataDir, ENROLMENT_FILE);
  if (!existsSync(file)) {
    return undefined;
  }
  const enrolment = JSON.parse(readFileSync(file, 'utf8')) as Enrolment;
  if (typeof enrolment.gatewayId !== 'string' || typeof enrolment.credsFile !== 'string') {
    throw new Error(`${file} does not name gatewayId and credsFile; remove it to enrol again`);
  }
  return existsSync(enrolment.credsFile) ? enrolment : undefined;
}
