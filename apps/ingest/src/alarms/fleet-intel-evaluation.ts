import { FINDING_RULE_IDS, ruleFor } from '@fleet/alarms';
import { analyseFleet, cohortComparisons, type Finding } from '@fleet/analytics';
import {
  type AlarmSubjectRepository,
  type FleetIntelRepository,
  type StoredFinding,
  stringSubject,
} from '@fleet/db';
import type { AlarmCounters } from './alarm-counters.js';
import type { AlarmSubject } from './alarm-subject.js';
import type { RuleCache } from './rule-cache.js';
import type { EvaluateSubjectFn } from './soh-fade-evaluation.js';
import type { TimedObservation } from './timed-observation.js';

const DAY_MS = 86_400_000;
/** A year of days: a fade rate resolves and the seasons average out (as derived.soh_fade_vs_fleet). */
export const FLEET_INTEL_LOOKBACK_DAYS = 365;
const ruleIdOf = (kind: string) => `derived.finding.${kind}`;

/**
 * The fleet's early warnings, once a UTC day from the sweep: per tenant, every string's year of
 * daily rollups through @fleet/analytics analyseFleet; the findings replace the tenant's stored
 * ones (fleet_finding, for the API) and each becomes a flag at severity info on its own rule
 * `derived.finding.<kind>`, so there is one alarm per string and kind, and a finding that is gone
 * the next day clears it. Each string's fade and spread growth beside its cohort's medians
 * (fleet_cohort_stat, the fleet list's "vs cohort") is replaced in the same transaction. Strings with neither a finding nor stored state open no transaction.
 */
export class FleetIntelEvaluation {
  private lastDay: number | null = null;

  constructor(
    private readonly repo: Pick<FleetIntelRepository, 'tenants' | 'historyOfTenant' | 'replaceFindings'>,
    private readonly subjects: Pick<AlarmSubjectRepository, 'subjectsWithState'>,
    private readonly rules: Pick<RuleCache, 'get'>,
    private readonly counters: AlarmCounters,
  ) {}

  async run(now: number, evaluate: EvaluateSubjectFn): Promise<void> {
    const day = Math.floor(now / DAY_MS);
    if (this.lastDay === day) {
      return;
    }
    const tracked = await this.subjects.subjectsWithState([...FINDING_RULE_IDS]);
    for (const tenantId of await this.repo.tenants()) {
      await this.tenant(tenantId, now, tracked, evaluate);
    }
    this.lastDay = day;
  }

  private async tenant(
    tenantId: string,
    now: number,
    tracked: ReadonlySet<string>,
    evaluate: EvaluateSubjectFn,
  ): Promise<void> {
    const strings = await this.repo.historyOfTenant(tenantId, now - FLEET_INTEL_LOOKBACK_DAYS * DAY_MS);
    const analysis = analyseFleet(
      strings.map((s) => ({
        meta: {
          stringId: s.stringId,
          moduleType: s.moduleType,
          // As the BMS last reported it (0x7310 V.R); null = never reported, cohort "unknown".
          firmware: s.firmware,
          commissionedAtMs: s.commissionedAtMs,
          latitude: s.latitude,
        },
        days: s.days,
      })),
      { nowMs: now },
    );
    const cohorts = new Map(analysis.strings.map((s) => [s.stringId, s.cohortKey]));
    // The fleet table's "vs cohort" cell, replaced with the findings in one transaction.
    const computedAt = new Date(now);
    await this.repo.replaceFindings(
      tenantId,
      analysis.findings.map((f) => stored(f, cohorts.get(f.stringId) ?? '', now)),
      cohortComparisons(analysis).map((c) => ({ ...c, computedAt })),
    );
    this.counters.add('fleet-intel.strings', strings.length);
    this.counters.add('fleet-intel.findings', analysis.findings.length);
    this.counters.add(
      'fleet-intel.rejected-days',
      analysis.strings.reduce((n, s) => n + s.features.rejectedDays, 0),
    );
    const byString = new Map<string, Set<string>>();
    for (const f of analysis.findings) {
      byString.set(f.stringId, (byString.get(f.stringId) ?? new Set()).add(ruleIdOf(f.kind)));
    }
    for (const s of strings) {
      const found = byString.get(s.stringId) ?? new Set<string>();
      const key = stringSubject(s.stringId);
      if (found.size === 0 && !tracked.has(key)) {
        continue;
      }
      const rules = await this.rules.get(tenantId, s.siteId);
      const subject: AlarmSubject = {
        key,
        tenantId,
        siteId: s.siteId,
        stringId: s.stringId,
        gatewayId: s.gatewayId,
      };
      await evaluate(subject, now, (state) =>
        FINDING_RULE_IDS.filter(
          (id) => ruleFor(rules, id) !== undefined && (found.has(id) || state.has(id)),
        ).map(
          (ruleId): TimedObservation => ({
            ruleId,
            at: now,
            observation: { kind: 'flag', present: found.has(ruleId), severity: 'info' },
          }),
        ),
      );
    }
  }
}

function stored(f: Finding, cohort: string, now: number): StoredFinding {
  return {
    stringId: f.stringId,
    kind: f.kind,
    isPrimary: f.primary,
    evidence: f.evidence,
    chartField: f.chartField,
    explanation: f.explanation,
    cohort: f.evidence.cohort ?? cohort,
    foundAt: new Date(now),
  };
}
