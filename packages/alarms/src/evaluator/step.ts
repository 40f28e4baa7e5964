// The rule evaluator: a pure state machine per (subject, rule). Time is an argument (`now`, epoch
// ms), so the same observations give the same events in ingest, in a replay and in a test.
//
//   inactive ─present→ pending ─fireDelay held→ active ─absent→ clearing ─clearDelay held→ inactive
//                 ↑ absent ──────┘                 ↑ present (repeat, count+1) ──┘
//
// Flapping: more than `maxTransitions` changes of the sensed condition within `windowS` holds the
// alarm active (firing it if it was not), counts each return as a repeat and holds notifications
// until a whole window passes without a change; then it clears normally.
import { type Severity, severityRank } from '../catalogue/catalogue-entry.js';
import type { Rule } from '../rules/rule.schema.js';
import {
  initialRuleState,
  type RuleEvent,
  type RuleState,
  type StepResult,
  type Suppression,
} from './rule-state.js';
import { type Observation, type Sensed, sense } from './sense.js';

type ClearReason = 'condition' | 'rule-disabled';

interface Context {
  now: number;
  rule: Rule;
  notify: boolean;
  sensed: Sensed;
  events: RuleEvent[];
}

export function step(
  state: RuleState,
  observation: Observation,
  now: number,
  rule: Rule,
  suppression: Suppression = {},
): StepResult {
  if (!Number.isFinite(now)) {
    return { state, events: [], skipped: 'bad-time' };
  }
  if (state.lastAt !== null && now < state.lastAt) {
    return { state, events: [], skipped: 'out-of-order' };
  }
  const suppressedBy = suppressionAt(suppression, now);
  const base = { ...(suppressedBy ? { suppressedBy } : {}) };
  if (!rule.enabled) {
    return { ...base, ...disable(state, now, suppressedBy === undefined) };
  }
  const alarmOn = state.phase === 'active' || state.phase === 'clearing' ? state.severity : null;
  const sensed = sense(observation, rule, alarmOn);
  if (sensed === null || sensed === 'bad') {
    const skipped = sensed === null ? 'unknown' : 'bad-value';
    return { ...base, state: sensed === null ? { ...state, lastAt: now } : state, events: [], skipped };
  }
  const ctx: Context = { now, rule, notify: suppressedBy === undefined, sensed, events: [] };
  let next = track(state, ctx);
  next = updateFlapping(next, ctx);
  next = next.flapping ? advanceFlapping(next, ctx) : advance(next, ctx);
  return { ...base, state: next, events: ctx.events };
}

function suppressionAt(s: Suppression, now: number): 'maintenance' | 'snooze' | undefined {
  if (s.maintenance) {
    return 'maintenance';
  }
  return s.snoozedUntil !== undefined && now < s.snoozedUntil ? 'snooze' : undefined;
}

/** Records a change of the sensed condition and forgets changes older than the flapping window. */
function track(state: RuleState, { now, rule, sensed }: Context): RuleState {
  const changed = state.present !== null && state.present !== sensed.present;
  const horizon = now - rule.flapping.windowS * 1000;
  const transitions = [...state.transitions, ...(changed ? [now] : [])].filter((t) => t > horizon);
  return {
    ...state,
    transitions,
    present: sensed.present,
    changedAt: changed ? now : state.changedAt,
    lastAt: now,
  };
}

function updateFlapping(state: RuleState, ctx: Context): RuleState {
  const { now, rule, events } = ctx;
  if (!state.flapping && state.transitions.length > rule.flapping.maxTransitions) {
    const alreadyOn = state.phase === 'active' || state.phase === 'clearing';
    let next: RuleState = { ...state, flapping: true };
    if (!alreadyOn) {
      // A condition that keeps coming back is real even if it never held for the fire delay.
      next = fire(next, ctx, Math.max(1, Math.ceil(state.transitions.length / 2)));
    }
    events.push({
      type: 'flapping-started',
      at: now,
      transitions: state.transitions.length,
      count: next.count,
      // One notification: the fire carries it when flapping is what fired the alarm.
      notify: ctx.notify && alreadyOn,
    });
    return { ...next, phase: 'active', since: alreadyOn && state.phase === 'active' ? state.since : now };
  }
  if (state.flapping && state.transitions.length === 0) {
    events.push({ type: 'flapping-ended', at: now, notify: ctx.notify });
    const steady: RuleState = { ...state, flapping: false };
    // Absent since its last change: the clear delay counts from then.
    return ctx.sensed.present ? steady : { ...steady, phase: 'clearing', since: state.changedAt ?? now };
  }
  return state;
}

/** While flapping the alarm stays active: returns count as repeats, nothing is notified but a rise to critical. */
function advanceFlapping(state: RuleState, ctx: Context): RuleState {
  const { sensed, now } = ctx;
  const rose = sensed.present && state.changedAt === now && state.transitions.length > 0;
  let next = state;
  if (rose && !ctx.events.some((e) => e.type === 'fired')) {
    next = { ...next, count: next.count + 1 };
    ctx.events.push({
      type: 'repeated',
      at: now,
      severity: next.severity!,
      count: next.count,
      ...sensedValue(ctx),
      notify: false,
    });
  }
  if (
    sensed.severity !== null &&
    next.severity !== null &&
    severityRank(sensed.severity) > severityRank(next.severity)
  ) {
    next = changeSeverity(next, sensed.severity, ctx);
  }
  return next;
}

function advance(state: RuleState, ctx: Context): RuleState {
  const { sensed, now, rule } = ctx;
  switch (state.phase) {
    case 'inactive':
      if (!sensed.present) {
        return state;
      }
      return advance({ ...state, phase: 'pending', since: now, severity: sensed.severity }, ctx);
    case 'pending':
      if (!sensed.present) {
        return { ...state, phase: 'inactive', since: now, severity: null };
      }
      return now - state.since >= rule.fireDelayS * 1000
        ? fire({ ...state, severity: sensed.severity }, ctx, 1)
        : { ...state, severity: sensed.severity };
    case 'active':
      if (sensed.present) {
        return sensed.severity !== state.severity ? changeSeverity(state, sensed.severity!, ctx) : state;
      }
      return advance({ ...state, phase: 'clearing', since: now }, ctx);
    case 'clearing':
      if (sensed.present) {
        const back: RuleState = { ...state, phase: 'active', since: now, count: state.count + 1 };
        ctx.events.push({
          type: 'repeated',
          at: now,
          severity: state.severity!,
          count: back.count,
          ...sensedValue(ctx),
          notify: false,
        });
        return sensed.severity !== state.severity ? changeSeverity(back, sensed.severity!, ctx) : back;
      }
      return now - state.since >= rule.clearDelayS * 1000 ? clear(state, ctx, 'condition') : state;
  }
}

function fire(state: RuleState, ctx: Context, count: number): RuleState {
  // A flapping fire may happen on an absent reading; the state then still holds the severity of
  // the presence just before it (pending or active), so the fallback is never reached in practice.
  const severity: Severity = ctx.sensed.severity ?? state.severity ?? 'warning';
  ctx.events.push({
    type: 'fired',
    at: ctx.now,
    severity,
    count,
    flapping: state.flapping,
    ...sensedValue(ctx),
    notify: ctx.notify,
  });
  return { ...state, phase: 'active', since: ctx.now, severity, count, firedAt: ctx.now };
}

function changeSeverity(state: RuleState, to: Severity, ctx: Context): RuleState {
  ctx.events.push({
    type: 'severity-changed',
    at: ctx.now,
    from: state.severity!,
    to,
    ...sensedValue(ctx),
    // A rise is news; a fall is recorded and shown, not sent.
    notify: ctx.notify && severityRank(to) > severityRank(state.severity!),
  });
  return { ...state, severity: to };
}

function clear(
  state: RuleState,
  ctx: Pick<Context, 'now' | 'notify' | 'events'>,
  reason: ClearReason,
): RuleState {
  ctx.events.push({
    type: 'cleared',
    at: ctx.now,
    activeMs: ctx.now - (state.firedAt ?? ctx.now),
    count: state.count,
    reason,
    notify: ctx.notify,
  });
  return {
    ...state,
    phase: 'inactive',
    since: ctx.now,
    severity: null,
    count: 0,
    firedAt: null,
    flapping: false,
  };
}

/** A disabled rule ends its alarm (recorded as cleared) and forgets its history. */
function disable(state: RuleState, now: number, notify: boolean): StepResult {
  const events: RuleEvent[] = [];
  if (state.phase === 'active' || state.phase === 'clearing') {
    clear(state, { now, notify, events }, 'rule-disabled');
  }
  return { state: { ...initialRuleState(), lastAt: now }, events };
}

function sensedValue(ctx: Context): { value?: number } {
  return ctx.sensed.value === undefined ? {} : { value: ctx.sensed.value };
}
