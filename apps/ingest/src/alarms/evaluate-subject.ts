import { initialRuleState, type RuleSet, type RuleState, ruleFor, step } from '@fleet/alarms';
import type { AlarmTx, StoredRuleState } from '@fleet/db';
import type { AlarmSubject } from './alarm-subject.js';
import { applyRuleEvent } from './apply-rule-event.js';
import type { TimedObservation } from './timed-observation.js';

export interface SubjectOutcome {
  events: number;
  /** Observations not taken, by reason (`duplicate` = not newer than the rule's last one). */
  skipped: Record<string, number>;
}

export interface EvaluateSubjectInput {
  subject: AlarmSubject;
  rules: RuleSet;
  /** Builds the observations once the subject is locked and its stored states are read. */
  observe: (stored: ReadonlyMap<string, StoredRuleState>) => TimedObservation[];
  /** Whether a maintenance window of the subject's site covers this time (epoch ms). */
  inMaintenance: (at: number) => boolean;
  /** The traced evaluation's traceparent, stored with every transition so its event continues the trace. */
  traceparent?: string;
}

/**
 * Feeds one subject's observations to step() inside the caller's transaction: lock the subject,
 * read its rule states and open alarms, step in time order, record every event as an alarm
 * transition, save the states. An observation not newer than its rule's last one is skipped, so
 * a redelivered or replayed batch counts nothing twice.
 */
export async function evaluateSubject(tx: AlarmTx, input: EvaluateSubjectInput): Promise<SubjectOutcome> {
  const { subject, rules } = input;
  await tx.lockSubject(subject.key);
  const stored = new Map((await tx.ruleStates(subject.key)).map((s) => [s.ruleId, s]));
  const open = new Map((await tx.openAlarms(subject.key)).map((a) => [a.code, a]));
  const changed = new Map<string, StoredRuleState>();
  const outcome: SubjectOutcome = { events: 0, skipped: {} };
  const skip = (why: string) => {
    outcome.skipped[why] = (outcome.skipped[why] ?? 0) + 1;
  };
  for (const obs of input.observe(stored)) {
    const rule = ruleFor(rules, obs.ruleId);
    const before = changed.get(obs.ruleId) ?? stored.get(obs.ruleId);
    const state = (before?.state as RuleState | undefined) ?? initialRuleState();
    if (rule === undefined) {
      skip('no-rule');
      continue;
    }
    if (state.lastAt !== null && obs.at <= state.lastAt) {
      skip('duplicate');
      continue;
    }
    const snoozedUntil = open.get(obs.ruleId)?.snoozedUntil?.getTime();
    const result = step(state, obs.observation, obs.at, rule, {
      maintenance: input.inMaintenance(obs.at),
      ...(snoozedUntil === undefined ? {} : { snoozedUntil }),
    });
    if (result.skipped) {
      skip(result.skipped);
    }
    // A rule that never left `inactive` needs no row; one that did keeps it (its lastAt dedupes).
    if (before !== undefined || !isQuiet(result.state)) {
      const lastObservation = result.skipped === 'unknown' ? before?.lastObservation : obs.observation;
      changed.set(obs.ruleId, {
        ruleId: obs.ruleId,
        state: result.state,
        lastObservation: lastObservation ?? null,
      });
    }
    for (const event of result.events) {
      await applyRuleEvent(tx, subject, open, obs, event, result.suppressedBy, input.traceparent);
      outcome.events += 1;
    }
  }
  await tx.saveRuleStates(subject.tenantId, subject.key, [...changed.values()]);
  return outcome;
}

function isQuiet(state: RuleState): boolean {
  return state.phase === 'inactive' && state.transitions.length === 0 && !state.flapping;
}
