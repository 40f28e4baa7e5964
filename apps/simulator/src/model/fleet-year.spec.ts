import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fleetScenario } from './fleet-scenario.js';
import { simulateStringYear } from './fleet-year.js';
import { dayRow, FLEET_YEAR_OPTIONS, type FleetYearFixture } from './fleet-year-fixture.js';

const FIXTURE = new URL('../../../../packages/analytics/test/fixtures/fleet-year-40.json', import.meta.url);

describe('accelerated fleet year', () => {
  const o = FLEET_YEAR_OPTIONS;
  const scenario = fleetScenario(o.count, o.startTimeMs);

  it('builds 40 strings, three of them abnormal, one of each cause', () => {
    expect(scenario).toHaveLength(40);
    expect(scenario.filter((s) => s.cause !== null).map((s) => s.cause)).toEqual([
      'weak_cell',
      'fast_fade',
      'balancing_starved',
    ]);
  });

  it('the committed fixture is what the model produces now (re-run fleet-year.cli.ts when this fails)', () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as FleetYearFixture;
    expect(fixture.options).toEqual(o);
    const index = scenario.findIndex((s) => s.cause === 'weak_cell');
    // Two stepped days are enough to catch a changed model, and cost a fraction of a second.
    const days = simulateStringYear(scenario[index]!.spec, { ...o, seed: o.seed + index, maxSteppedDays: 2 });
    expect(days.map(dayRow)).toEqual(fixture.strings[index]!.days.slice(0, 2));
  });

  it('a string capped at 85 % never reaches a full charge, an uncapped one does', () => {
    const base = scenario.find((s) => s.cause === null)!.spec;
    const options = { seed: 1, startTimeMs: o.startTimeMs, days: 2, everyNthDay: 1, stepS: 900 };
    const capped = simulateStringYear({ ...base, maxSocPct: 85 }, options);
    const free = simulateStringYear(base, options);
    expect(Math.max(...capped.map((d) => d.socMaxPct!))).toBeLessThanOrEqual(86);
    expect(free[1]!.socMaxPct).toBeGreaterThanOrEqual(97);
  });
});
