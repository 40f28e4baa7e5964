import { randomUUID } from 'node:crypto';
import { ALARM_EVENT_SCHEMA, type AlarmEvent, type AlarmSeverity } from '@fleet/telemetry';

/** Transitions of one alarm, seq 1..n, as the lifecycle writer publishes them. */
export function alarmTransitions(
  tenantId: string,
  siteId: string,
  n: number,
  overrides: Partial<AlarmEvent> & { severity?: AlarmSeverity } = {},
): AlarmEvent[] {
  const alarmId = randomUUID();
  const steps: Array<Pick<AlarmEvent, 'transition' | 'status'>> = [
    { transition: 'fired', status: 'open' },
    { transition: 'repeated', status: 'open' },
    { transition: 'acknowledged', status: 'acknowledged' },
    { transition: 'resolved', status: 'resolved' },
    { transition: 'closed', status: 'closed' },
  ];
  return Array.from({ length: n }, (_, i) => ({
    schema: ALARM_EVENT_SCHEMA,
    alarmId,
    seq: i + 1,
    tenantId,
    siteId,
    stringId: null,
    gatewayId: 'gw-test',
    code: 'hv.protection.cell_high_voltage',
    title: 'Cell over-voltage protection',
    severity: 'critical',
    ...steps[i % steps.length]!,
    count: 1,
    flapping: false,
    notify: true,
    actor: 'system',
    at: new Date(Date.UTC(2026, 10, 25, 12, 0, i)).toISOString(),
    detail: {
      meaning: 'A cell went above its protection limit; the BMS opened the contactor.',
      firstSteps: ['Check the charger voltage limit', 'Read the cell voltages of the module'],
    },
    ...overrides,
  }));
}
