// The acceptance fleet of the early-warning analysis: `count` strings of varied module type,
// firmware, age, climate and usage, of which three age abnormally, each one way: a weak cell,
// a fast fade, a string starved of full charge (its inverter stops charging at 85 %). Labels
// say which, so a test or benchmark can score what the analysis finds.
import {
  type SimulatedDay,
  simulateStringYear,
  type YearOptions,
  type YearStringSpec,
} from './fleet-year.js';

export type AbnormalCause = 'weak_cell' | 'fast_fade' | 'balancing_starved';

export interface ScenarioString {
  spec: YearStringSpec;
  /** What the fleet's records would say about the string (cohort inputs). */
  meta: {
    stringId: string;
    moduleType: string;
    firmware: string;
    commissionedAtMs: number;
    latitude: number;
  };
  /** The abnormal ageing built in, or null for a healthy string. */
  cause: AbnormalCause | null;
}

const YEAR_MS = 365.25 * 86_400_000;
/** Latitude and the ambient offset of its climate, °C: temperate, temperate, subtropical, cold. */
const CLIMATES = [
  [48.1, 0],
  [52.5, -1],
  [33.9, 5],
  [60.2, -4],
] as const;

function abnormality(i: number, count: number): Pick<ScenarioString, 'cause'> & Partial<YearStringSpec> {
  if (i === Math.floor(count * 0.2)) {
    return { cause: 'weak_cell', weakCell: { module: 1, cell: 4, finalLoss: 0.3 } };
  }
  if (i === Math.floor(count * 0.5)) {
    return { cause: 'fast_fade', ageingFactor: 3.5 };
  }
  if (i === Math.floor(count * 0.8)) {
    return { cause: 'balancing_starved', maxSocPct: 85 };
  }
  return { cause: null };
}

export function fleetScenario(count: number, startTimeMs: number): ScenarioString[] {
  return Array.from({ length: count }, (_, i) => {
    const [latitude, ambientOffsetC] = CLIMATES[i % CLIMATES.length]!;
    const moduleTypeName = i % 3 === 0 ? 'H48074' : 'H48050';
    const { cause, ...abnormal } = abnormality(i, count);
    const id = `sim-${String(i).padStart(2, '0')}`;
    return {
      spec: {
        id,
        moduleTypeName,
        moduleCount: 5 + (i % 2),
        cycleDepth: 0.5 + (0.4 * ((i * 7) % 10)) / 10,
        ambientOffsetC,
        ...abnormal,
      },
      meta: {
        stringId: id,
        moduleType: moduleTypeName,
        firmware: i % 5 === 0 ? 'V1.2' : 'V1.3',
        commissionedAtMs: startTimeMs - (i % 4) * 1.3 * YEAR_MS,
        latitude,
      },
      cause,
    };
  });
}

export interface SimulatedString extends ScenarioString {
  days: SimulatedDay[];
}

/** Every scenario string through its accelerated year; each gets its own seed. */
export function simulateFleetYear(
  scenario: readonly ScenarioString[],
  options: Omit<YearOptions, 'seed'> & { seed: number },
): SimulatedString[] {
  return scenario.map((s, i) => ({
    ...s,
    days: simulateStringYear(s.spec, { ...options, seed: options.seed + i }),
  }));
}
