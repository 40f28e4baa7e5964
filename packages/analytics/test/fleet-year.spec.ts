// Acceptance of the early-warning analysis (issue 10): 40 strings through an accelerated year of
// the simulator's physics (apps/simulator model/fleet-year.ts; the fixture is its output), three
// of them ageing abnormally. The analysis must flag exactly those three, each with its cause.
import { describe, expect, it } from 'vitest';
import { analyseFleet, type StringDay, type StringHistory } from '../src/index.js';
import fixture from './fixtures/fleet-year-40.json' with { type: 'json' };

function histories(): { fleet: StringHistory[]; causes: Map<string, string | null> } {
  const columns = fixture.columns as (keyof StringDay)[];
  const fleet = fixture.strings.map((s) => ({
    meta: s.meta,
    days: s.days.map(
      (row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])) as unknown as StringDay,
    ),
  }));
  return { fleet, causes: new Map(fixture.strings.map((s) => [s.meta.stringId, s.cause])) };
}

describe('early warnings over a simulated year of 40 strings', () => {
  const { fleet, causes } = histories();
  const analysis = analyseFleet(fleet);
  const primary = new Map(analysis.findings.filter((f) => f.primary).map((f) => [f.stringId, f.kind]));

  it('covers a year of 40 strings', () => {
    expect(fleet).toHaveLength(40);
    const spans = fleet.map((s) => (s.days[s.days.length - 1]!.dayMs - s.days[0]!.dayMs) / 86_400_000);
    expect(Math.min(...spans)).toBeGreaterThanOrEqual(360);
  });

  it('flags exactly the three abnormal strings and names the cause of each', () => {
    const abnormal = new Map([...causes].filter(([, c]) => c !== null));
    expect(abnormal.size).toBe(3);
    expect(primary).toEqual(abnormal);
  });

  it('explains each finding with its evidence, its chart and a low severity', () => {
    const weak = analysis.findings.find((f) => f.kind === 'weak_cell')!;
    expect(weak.severity).toBe('info');
    expect(weak.chartField).toBe('cellSpreadMaxMv');
    // The scenario weakens cell 4 of module 1: 15 cells a module, so string cell 19.
    expect(weak.evidence.detail?.cellNo).toBe(19);
    expect(weak.evidence.value).toBeGreaterThan(weak.evidence.threshold);
    const fade = analysis.findings.find((f) => f.kind === 'fast_fade')!;
    expect(fade.evidence.z).toBeGreaterThan(3.5);
    expect(fade.explanation).toMatch(/%\/year/);
    const starved = analysis.findings.find((f) => f.kind === 'balancing_starved')!;
    expect(starved.evidence.value).toBeGreaterThanOrEqual(30);
    expect(starved.chartField).toBe('socMaxPct');
  });
});
