// An observation → whether the condition is present and at which severity, given the rule and
// the alarm's current severity. Hysteresis lives here: while the alarm is on, a threshold counts
// as crossed until the value has retreated past it by the hysteresis band.
import type { Severity } from '../catalogue/catalogue-entry.js';
import type { Rule, Thresholds } from '../rules/rule.schema.js';

/**
 * `value`: a number judged against the rule's thresholds (null = cannot be judged now, e.g. a
 * cell spread read under load). `flag`: present or not at the given severity (a catalogue bit,
 * whose severity is its entry's).
 */
export type Observation =
  | { kind: 'value'; value: number | null }
  | { kind: 'flag'; present: boolean | null; severity: Severity };

export interface Sensed {
  present: boolean;
  severity: Severity | null;
  value?: number;
}

/** null = no judgement possible; a non-finite value or a value rule without thresholds is 'bad'. */
export function sense(observation: Observation, rule: Rule, alarmOn: Severity | null): Sensed | null | 'bad' {
  if (observation.kind === 'flag') {
    if (observation.present === null) {
      return null;
    }
    return { present: observation.present, severity: observation.present ? observation.severity : null };
  }
  const { value } = observation;
  if (value === null) {
    return null;
  }
  if (!Number.isFinite(value) || rule.thresholds === undefined) {
    return 'bad';
  }
  const severity = levelOf(value, rule.thresholds, rule.hysteresis, alarmOn);
  return { present: severity !== null, severity, value };
}

function levelOf(
  value: number,
  t: Thresholds,
  hysteresis: number,
  alarmOn: Severity | null,
): Severity | null {
  const sign = t.direction === 'above' ? 1 : -1;
  // Beyond `threshold`, or still within the band of a level the alarm already holds.
  const beyond = (threshold: number | undefined, held: boolean) =>
    threshold !== undefined && sign * (value - threshold) > (held ? -hysteresis : 0);
  if (beyond(t.critical, alarmOn === 'critical')) {
    return 'critical';
  }
  if (beyond(t.warning, alarmOn !== null)) {
    return 'warning';
  }
  // A rule with only a critical threshold holds it through the band as well.
  if (t.warning === undefined && beyond(t.critical, alarmOn !== null)) {
    return 'critical';
  }
  return null;
}
