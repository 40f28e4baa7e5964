// SOH fade: cycle ageing (per equivalent full cycle) plus calendar ageing (per simulated
// second), both multiplied by --ageing-factor so a test or demo can see years of fade in
// hours. Rates are SIMULATOR ASSUMPTIONS in the range LFP datasheets usually quote (about
// 80 % after 6000 cycles, ~2 % a year standing), not Pylontech warranty figures (unknown,
// protocol reference §6).

/** SOH lost per equivalent full cycle (charge + discharge of the nominal capacity). */
export const SOH_FADE_PER_CYCLE = 0.2 / 6000;
/** SOH lost per year of calendar time. */
export const SOH_FADE_PER_YEAR = 0.02;
const YEAR_S = 365.25 * 24 * 3600;

export interface AgeingInput {
  sohFraction: number;
  /** |I|·dt of this step, A·s. */
  chargeMovedAs: number;
  nominalCapacityAs: number;
  dtS: number;
  ageingFactor: number;
}

/** The SOH after one step: never rises, never below 0. */
export function agedSoh(input: AgeingInput): number {
  const cycles = input.chargeMovedAs / (2 * input.nominalCapacityAs);
  const fade = (cycles * SOH_FADE_PER_CYCLE + (input.dtS / YEAR_S) * SOH_FADE_PER_YEAR) * input.ageingFactor;
  return Math.max(0, input.sohFraction - Math.max(0, fade));
}
