import { type AlarmEvent, alarmEventSchema } from '@fleet/telemetry';

export type ParsedAlarmEvent = { ok: true; event: AlarmEvent } | { ok: false; reason: 'not-json' | 'schema' };

/** Bytes of an ALARMS message → a valid event or a named reason; never throws. */
export function parseAlarmEvent(data: Uint8Array): ParsedAlarmEvent {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(data));
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const parsed = alarmEventSchema.safeParse(json);
  return parsed.success ? { ok: true, event: parsed.data } : { ok: false, reason: 'schema' };
}
