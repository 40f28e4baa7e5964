import {
  type FadeFit,
  type Observation,
  type RuleState,
  ruleFor,
  sense,
  sohFadeParams,
  sohFadeVsFleet,
} from '@fleet/alarms';
import { sohTrend } from '@fleet/analytics';
import { type AlarmSubjectRepository, type StoredRuleState, stringSubject } from '@fleet/db';
import type { AlarmCounters } from './alarm-counters.js';
import type { AlarmSubject } from './alarm-subject.js';
import type { RuleCache } from './rule-cache.js';
import type { SohFleetHistory, StringSohHistory } from './soh-fleet-history.js';
import type { TimedObservation } from './timed-observation.js';

const RULE_ID = 'derived.soh_fade_vs_fleet';
const DAY_MS = 86_400_000;
/**
 * Daily SOH read per string: a year, the span over which a whole-percent SOH resolves a fade to
 * 1 %/year (sohFadeVsFleet's step term), and the seasons of a year average out.
 */
export const SOH_FADE_LOOKBACK_DAYS = 365;

/** The sweeper's way into one subject's transaction (AlarmSweeper.evaluate). */
export type EvaluateSubjectFn = (
  subject: AlarmSubject,
  now: number,
  observe: (stored: ReadonlyMap<string, StoredRuleState>) => TimedObservation[],
) => Promise<void>;

/**
 * derived.soh_fade_vs_fleet, once a UTC day from the sweep: per tenant, every string's SOH fade
 * (@fleet/analytics sohTrend over its 1d rollups), then each string against the other strings
 * of its tenant and module type (@fleet/alarms sohFadeVsFleet, params from the string's site
 * rules). A string neither alarmed nor near it opens no transaction; a string already observed
 * today (another instance, a restart) is not observed again.
 */
export class SohFadeEvaluation {
  private lastDay: number | null = null;

  constructor(
    private readonly history: Pick<SohFleetHistory, 'tenants' | 'ofTenant'>,
    private readonly subjects: Pick<AlarmSubjectRepository, 'subjectsWithState'>,
    private readonly rules: Pick<RuleCache, 'get'>,
    private readonly counters: AlarmCounters,
  ) {}

  async run(now: number, evaluate: EvaluateSubjectFn): Promise<void> {
    const day = Math.floor(now / DAY_MS);
    if (this.lastDay === day) {
      return;
    }
    const tracked = await this.subjects.subjectsWithState([RULE_ID]);
    for (const tenantId of await this.history.tenants()) {
      await this.tenant(tenantId, now, tracked, evaluate);
    }
    // Only after every tenant went through: a failed sweep is retried at the next one.
    this.lastDay = day;
  }

  private async tenant(
    tenantId: string,
    now: number,
    tracked: ReadonlySet<string>,
    evaluate: EvaluateSubjectFn,
  ): Promise<void> {
    const strings = await this.history.ofTenant(tenantId, now - SOH_FADE_LOOKBACK_DAYS * DAY_MS);
    const fits = new Map(strings.map((s) => [s.stringId, fadeFit(s)]));
    for (const s of strings) {
      const rule = ruleFor(await this.rules.get(tenantId, s.siteId), RULE_ID);
      if (rule === undefined) {
        continue;
      }
      const peers = strings
        .filter((p) => p.moduleType === s.moduleType && p.stringId !== s.stringId)
        .map((p) => fits.get(p.stringId) ?? null);
      const reading = sohFadeVsFleet(
        { own: fits.get(s.stringId) ?? null, peers },
        sohFadeParams(rule.params),
      );
      this.counters.add(reading.value === null ? 'soh-fade.unjudged' : 'soh-fade.judged');
      const observation: Observation = { kind: 'value', value: reading.value };
      const sensed = sense(observation, rule, null);
      const key = stringSubject(s.stringId);
      if (!tracked.has(key) && !(typeof sensed === 'object' && sensed?.present)) {
        continue; // nothing stored and nothing to fire: no transaction
      }
      const subject: AlarmSubject = {
        key,
        tenantId,
        siteId: s.siteId,
        stringId: s.stringId,
        gatewayId: s.gatewayId,
      };
      await evaluate(subject, now, (stored) =>
        observedOn(stored.get(RULE_ID), day(now)) ? [] : [{ ruleId: RULE_ID, at: now, observation }],
      );
    }
  }
}

function fadeFit(s: StringSohHistory): FadeFit | null {
  // Trust (points, span, interval) is the rule's to judge; here any line that can be fitted.
  const trend = sohTrend(s.days, { minSpanDays: 0 });
  return trend.kind === 'fit'
    ? { fadePctPerYear: trend.fadePctPerYear, ci95: trend.ci95, n: trend.n, spanDays: trend.spanDays }
    : null;
}

const day = (ms: number) => Math.floor(ms / DAY_MS);

function observedOn(stored: StoredRuleState | undefined, today: number): boolean {
  const lastAt = (stored?.state as RuleState | undefined)?.lastAt;
  return typeof lastAt === 'number' && day(lastAt) === today;
}
