import { randomUUID } from 'node:crypto';
import {
  ALARM_EVENT_SCHEMA,
  type AlarmEvent,
  encodeTelemetryEnvelope,
  TELEMETRY_SCHEMA,
  type TelemetryEnvelope,
} from '@fleet/telemetry';
import type { LivePlace } from './live-world.js';

/** A telemetry batch from the place's gateway with one pack sample of its string (bus can0, address 1). */
export function telemetryBatch(place: LivePlace, seq: number, socPct: number): Uint8Array {
  const ts = new Date().toISOString();
  const envelope: TelemetryEnvelope = {
    schema: TELEMETRY_SCHEMA,
    gatewayId: place.gatewayId,
    bootId: 'live-test',
    seq,
    sentAt: ts,
    samples: [
      {
        kind: 'pack',
        ts,
        bus: 'can0',
        bmsAddress: 1,
        packVoltageDv: 4012,
        packCurrentDa: -35,
        bmsTempDc: 231,
        socPct,
        sohPct: 97,
      },
    ],
  };
  return encodeTelemetryEnvelope(envelope);
}

/** An alarm.evt/1 `fired` event of the place's string. */
export function alarmEvent(place: LivePlace, title: string): AlarmEvent {
  return {
    schema: ALARM_EVENT_SCHEMA,
    alarmId: randomUUID(),
    seq: 1,
    tenantId: place.tenantId,
    siteId: place.siteId,
    stringId: place.stringId,
    gatewayId: place.gatewayId,
    code: 'test.live',
    title,
    severity: 'warning',
    transition: 'fired',
    status: 'open',
    count: 1,
    flapping: false,
    notify: false,
    actor: 'system',
    at: new Date().toISOString(),
    detail: {},
  };
}
