// The acceptance fleet's accelerated year as compact JSON (one row of numbers per stepped day),
// committed as packages/analytics/test/fixtures/fleet-year-40.json so the analysis tests and the
// fleet-analytics benchmark need not spend a minute of CPU re-simulating it. fleet-year.spec.ts
// re-simulates the first days of a string and compares, so a physics change that the fixture
// no longer reflects fails a test instead of going unnoticed.
import {
  type AbnormalCause,
  fleetScenario,
  type ScenarioString,
  simulateFleetYear,
} from './fleet-scenario.js';
import type { SimulatedDay } from './fleet-year.js';

export const FLEET_YEAR_OPTIONS = {
  count: 40,
  seed: 7,
  startTimeMs: Date.UTC(2026, 0, 1),
  days: 365,
  everyNthDay: 14,
  stepS: 900,
} as const;

/** Column order of a day row. */
export const DAY_COLUMNS = [
  'dayMs',
  'sohPct',
  'cellSpreadMaxMv',
  'socMaxPct',
  'highTempHours',
  'highSocHours',
  'cutoffCellNo',
  'cycles',
] as const satisfies readonly (keyof SimulatedDay)[];

export interface FleetYearFixture {
  generatedBy: string;
  options: typeof FLEET_YEAR_OPTIONS;
  columns: typeof DAY_COLUMNS;
  strings: { meta: ScenarioString['meta']; cause: AbnormalCause | null; days: (number | null)[][] }[];
}

const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

export function dayRow(d: SimulatedDay): (number | null)[] {
  return DAY_COLUMNS.map((c) => round3(d[c]));
}

export function fleetYearFixture(options = FLEET_YEAR_OPTIONS): FleetYearFixture {
  const scenario = fleetScenario(options.count, options.startTimeMs);
  const fleet = simulateFleetYear(scenario, options);
  return {
    generatedBy: 'apps/simulator/src/fleet-year.cli.ts',
    options,
    columns: DAY_COLUMNS,
    strings: fleet.map((s) => ({ meta: s.meta, cause: s.cause, days: s.days.map(dayRow) })),
  };
}
