import { isGatewayId } from './ids.js';

/** Subject version prefix; a new major envelope is a new subject version (ARCHITECTURE.md). */
const BMS = 'bms.v1';

export const subjects = {
  telemetry: (gatewayId: string) => `${BMS}.tlm.${gatewayId}`,
  events: (gatewayId: string) => `${BMS}.evt.${gatewayId}`,
  heartbeat: (gatewayId: string) => `${BMS}.hb.${gatewayId}`,
  command: (gatewayId: string, verb: string) => `${BMS}.cmd.${gatewayId}.${verb}`,
  alarm: (tenantId: string, siteId: string) => `alarm.v1.${tenantId}.${siteId}`,
  /** Where ingest parks a message it could not accept, with the reason in a header. */
  deadLetter: (kind: 'tlm' | 'evt' | 'hb', gatewayId: string) => `dlq.v1.${kind}.${gatewayId}`,
} as const;

/** Wildcards a consumer or stream binds to. */
export const subjectFilters = {
  telemetry: `${BMS}.tlm.*`,
  events: `${BMS}.evt.*`,
  heartbeat: `${BMS}.hb.*`,
  deadLetter: 'dlq.v1.>',
  alarms: 'alarm.v1.>',
} as const;

/**
 * The gateway id a `bms.v1.<kind>.<gatewayId>` subject names, or undefined when the subject
 * is not of that shape. Ingest compares it with the payload's id (a gateway may only publish
 * under its own id).
 */
export function gatewayIdOfSubject(subject: string): string | undefined {
  const parts = subject.split('.');
  if (parts.length < 4 || parts[0] !== 'bms' || parts[1] !== 'v1') {
    return undefined;
  }
  const id = parts[3] ?? '';
  return isGatewayId(id) ? id : undefined;
}
