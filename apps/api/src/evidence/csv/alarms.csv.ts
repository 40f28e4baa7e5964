import type { EvidenceAlarmTransition } from '@fleet/db';
import { iso } from './csv-lines.js';
import { keepFirst, type PackSummary } from './pack-summary.js';

export const ALARMS_CSV = 'alarms.csv';

export const ALARMS_HEADER = [
  'alarm_id',
  'code',
  'title',
  'severity',
  'status_now',
  'first_fired_at',
  'seq',
  'transition',
  'actor',
  'at',
  'detail',
] as const;

/** One row per alarm transition in the period (fired, acknowledged, resolved, …), oldest first. */
export async function* alarmRows(
  transitions: AsyncIterable<EvidenceAlarmTransition>,
  summary: Pick<PackSummary, 'alarms'>,
): AsyncGenerator<unknown[]> {
  for await (const t of transitions) {
    keepFirst(summary.alarms, t);
    yield [
      t.alarmId,
      t.code,
      t.title,
      t.severity,
      t.status,
      iso(t.firstFiredAt),
      t.seq,
      t.transition,
      t.actor,
      iso(t.at),
      JSON.stringify(t.detail ?? {}),
    ];
  }
}
