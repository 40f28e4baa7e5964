import { DEFAULT_RULES, type RuleState } from '@fleet/alarms';
import type { StoredRuleState } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import { AlarmCounters } from './alarm-counters.js';
import type { AlarmSubject } from './alarm-subject.js';
import { SohFadeEvaluation } from './soh-fade-evaluation.js';
import type { StringSohHistory } from './soh-fleet-history.js';
import type { TimedObservation } from './timed-observation.js';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-12-20T10:00:00Z');

/** A string with 365 daily readings falling `fade` %/year from 100 (unrounded: exact fits). */
const string = (i: number, fade: number): StringSohHistory => ({
  stringId: `s${i}`,
  tenantId: 't',
  siteId: 'site',
  gatewayId: 'gw',
  moduleType: 'H48050',
  days: Array.from({ length: 365 }, (_, d) => ({
    ts: NOW - (365 - d) * DAY_MS,
    sohPct: 100 - (fade * d) / 365.25,
  })),
});

function harness(strings: StringSohHistory[], tracked: string[] = []) {
  const calls: { subject: AlarmSubject; observed: TimedObservation[] }[] = [];
  let stored = new Map<string, StoredRuleState>();
  const sut = new SohFadeEvaluation(
    { tenants: async () => ['t'], ofTenant: async () => strings },
    { subjectsWithState: async () => new Set(tracked) },
    { get: async () => DEFAULT_RULES },
    new AlarmCounters(),
  );
  const run = (now: number) =>
    sut.run(now, async (subject, _at, observe) => {
      calls.push({ subject, observed: observe(stored) });
    });
  const storeLastAt = (lastAt: number) => {
    stored = new Map([
      [
        'derived.soh_fade_vs_fleet',
        { ruleId: 'derived.soh_fade_vs_fleet', state: { lastAt } as RuleState, lastObservation: null },
      ],
    ]);
  };
  return { calls, run, storeLastAt };
}

// Ten peers at 2 %/year (median 2, MAD 0; spread = one SOH step over 364 days ≈ 1.0035 %/year).
const FLEET = [...Array.from({ length: 10 }, (_, i) => string(i, 2)), string(10, 12)];

describe('SohFadeEvaluation', () => {
  it('opens a transaction only for the string to fire, observed at the sweep time', async () => {
    const h = harness(FLEET);
    await h.run(NOW);
    expect(h.calls.map((c) => c.subject.key)).toEqual(['string:s10']);
    const [obs] = h.calls[0]!.observed;
    expect(obs).toMatchObject({ ruleId: 'derived.soh_fade_vs_fleet', at: NOW });
    // (12 − 2) / (1 / (364 / 365.25)) = 9.9658…
    expect(obs!.observation).toEqual({ kind: 'value', value: expect.closeTo(10 * (364 / 365.25), 6) });
  });

  it('also observes a string with stored state though it is clear, so its alarm can clear', async () => {
    const h = harness(FLEET, ['string:s3']);
    await h.run(NOW);
    expect(h.calls.map((c) => c.subject.key)).toEqual(['string:s3', 'string:s10']);
    expect(h.calls[0]!.observed[0]!.observation).toEqual({ kind: 'value', value: expect.closeTo(0, 6) });
  });

  it('runs once per UTC day, and observes nothing for a string already observed that day', async () => {
    const h = harness(FLEET);
    await h.run(NOW);
    await h.run(NOW + 3_600_000);
    expect(h.calls).toHaveLength(1);
    h.storeLastAt(NOW + DAY_MS - 60_000); // another process got there first tomorrow
    await h.run(NOW + DAY_MS);
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]!.observed).toEqual([]);
  });
});
