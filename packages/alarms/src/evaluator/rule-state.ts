// State of one rule for one subject (a string, a gateway): the evaluator's only memory. Plain
// data, so the caller can store it (JSON) between observations and a restart loses nothing.
import type { Severity } from '../catalogue/catalogue-entry.js';

/**
 * inactive → pending (fire delay running) → active → clearing (clear delay running) → inactive.
 * pending → inactive when the condition goes before the fire delay; clearing → active when it
 * comes back before the clear delay (a repeat, not a new alarm).
 */
export type RulePhase = 'inactive' | 'pending' | 'active' | 'clearing';

export interface RuleState {
  phase: RulePhase;
  /** When the current phase began (epoch ms). */
  since: number;
  /** Severity of the alarm while active or clearing; of the condition while pending. */
  severity: Severity | null;
  /** Occurrences within the current alarm: 1 when it fires, +1 each time it comes back. */
  count: number;
  flapping: boolean;
  /** Times (epoch ms) the sensed condition changed, within the flapping window. */
  transitions: number[];
  /** The last sensed presence (after hysteresis), null before the first known observation. */
  present: boolean | null;
  /** When the sensed presence last changed (epoch ms). */
  changedAt: number | null;
  /** Time of the last observation taken (epoch ms); older ones are refused. */
  lastAt: number | null;
  /** When the current alarm fired (epoch ms). */
  firedAt: number | null;
}

export function initialRuleState(): RuleState {
  return {
    phase: 'inactive',
    since: 0,
    severity: null,
    count: 0,
    flapping: false,
    transitions: [],
    present: null,
    changedAt: null,
    lastAt: null,
    firedAt: null,
  };
}

export interface Suppression {
  /** The subject is in a maintenance window now. */
  maintenance?: boolean;
  /** Snoozed until this time (epoch ms). */
  snoozedUntil?: number;
}

/** Events of one step. `notify: false` = record it, tell nobody (suppressed, held or a repeat). */
export type RuleEvent =
  | {
      type: 'fired';
      at: number;
      severity: Severity;
      count: number;
      flapping: boolean;
      value?: number;
      notify: boolean;
    }
  | { type: 'repeated'; at: number; severity: Severity; count: number; value?: number; notify: boolean }
  | { type: 'severity-changed'; at: number; from: Severity; to: Severity; value?: number; notify: boolean }
  | {
      type: 'cleared';
      at: number;
      activeMs: number;
      count: number;
      reason: 'condition' | 'rule-disabled';
      notify: boolean;
    }
  | { type: 'flapping-started'; at: number; transitions: number; count: number; notify: boolean }
  | { type: 'flapping-ended'; at: number; notify: boolean };

export type RuleEventType = RuleEvent['type'];

export interface StepResult {
  state: RuleState;
  events: RuleEvent[];
  /** Why the observation changed nothing, when it was not taken: named, never thrown. */
  skipped?: 'unknown' | 'out-of-order' | 'bad-time' | 'bad-value';
  /** Set when notifications are suppressed now; the events are recorded all the same. */
  suppressedBy?: 'maintenance' | 'snooze';
}
