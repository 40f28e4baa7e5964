import { DEFAULT_RULES } from '@fleet/alarms';
import type { FleetIntelString, StoredCohortStat, StoredFinding, StoredRuleState } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import { AlarmCounters } from './alarm-counters.js';
import type { AlarmSubject } from './alarm-subject.js';
import { FleetIntelEvaluation } from './fleet-intel-evaluation.js';
import type { TimedObservation } from './timed-observation.js';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-12-20T10:00:00Z');

/** A year of weekly days; `starved` never charges above 90 %. */
const string = (i: number, starved = false): FleetIntelString => ({
  stringId: `s${i}`,
  siteId: 'site',
  gatewayId: 'gw',
  moduleType: 'H48050',
  firmware: '1.3',
  commissionedAtMs: NOW - 400 * DAY_MS,
  latitude: 48,
  days: Array.from({ length: 52 }, (_, w) => ({
    dayMs: NOW - (52 - w) * 7 * DAY_MS,
    sohPct: 99 - Math.floor(w / 17),
    cellSpreadMaxMv: 8,
    socMaxPct: starved ? 90 : 100,
    highTempHours: 0,
    highSocHours: 4,
    cutoffCellNo: w % 5,
    cycles: 0.7,
  })),
});

function harness(strings: FleetIntelString[], stored: Map<string, StoredRuleState> = new Map()) {
  const calls: { subject: AlarmSubject; observed: TimedObservation[] }[] = [];
  const replaced: StoredFinding[][] = [];
  const cohorts: StoredCohortStat[][] = [];
  const sut = new FleetIntelEvaluation(
    {
      tenants: async () => ['t'],
      historyOfTenant: async () => strings,
      replaceFindings: async (_t, findings, stats = []) => {
        replaced.push([...findings]);
        cohorts.push([...stats]);
      },
    },
    { subjectsWithState: async () => new Set(stored.size > 0 ? ['string:s1'] : []) },
    { get: async () => DEFAULT_RULES },
    new AlarmCounters(),
  );
  const run = (now: number) =>
    sut.run(now, async (subject, _at, observe) => {
      calls.push({ subject, observed: observe(stored) });
    });
  return { calls, replaced, cohorts, run };
}

const FLEET = [...Array.from({ length: 10 }, (_, i) => string(i)), string(10, true)];

describe('FleetIntelEvaluation', () => {
  it('stores the findings and raises each as an info flag on its own rule, only for that string', async () => {
    const h = harness(FLEET);
    await h.run(NOW);
    expect(h.replaced).toHaveLength(1);
    expect(h.replaced[0]!.map((f) => [f.stringId, f.kind, f.isPrimary])).toEqual([
      ['s10', 'balancing_starved', true],
    ]);
    // Every string beside its cohort, in the same call (one transaction), stamped with the run.
    expect(h.cohorts[0]!.map((c) => c.stringId)).toEqual(FLEET.map((s) => s.stringId));
    expect(h.cohorts[0]!.every((c) => c.computedAt.getTime() === NOW && !c.fadeWorse)).toBe(true);
    expect(h.calls.map((c) => c.subject.key)).toEqual(['string:s10']);
    expect(h.calls[0]!.observed).toEqual([
      {
        ruleId: 'derived.finding.balancing_starved',
        at: NOW,
        observation: { kind: 'flag', present: true, severity: 'info' },
      },
    ]);
  });

  it('clears a stored finding that is gone, and runs once per UTC day', async () => {
    const stored = new Map<string, StoredRuleState>([
      [
        'derived.finding.fast_fade',
        { ruleId: 'derived.finding.fast_fade', state: {}, lastObservation: null } as never,
      ],
    ]);
    const h = harness(FLEET, stored);
    await h.run(NOW);
    await h.run(NOW + 3_600_000);
    const s1 = h.calls.find((c) => c.subject.key === 'string:s1')!;
    expect(s1.observed).toEqual([
      {
        ruleId: 'derived.finding.fast_fade',
        at: NOW,
        observation: { kind: 'flag', present: false, severity: 'info' },
      },
    ]);
    expect(h.replaced).toHaveLength(1);
  });
});
