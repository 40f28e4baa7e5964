import type { Observation } from '@fleet/alarms';

/** One observation of one rule for one subject at one time, with what the alarm row keeps of it. */
export interface TimedObservation {
  /** Catalogue code or derived rule id: the alarm's code. */
  ruleId: string;
  at: number;
  observation: Observation;
  /** Raw BMS words of the sample (decodeAlarmConditions(...).words). */
  rawWords?: Record<string, unknown>;
  /** Time of the cell snapshot the observation came from, to attach to the alarm. */
  cellSnapshotAt?: number;
}
