// What the site asks of a string over the day. Built-in profiles speak C-rate (so they fit
// any module type); profile files speak amperes or watts. + = charging. Time of day is the
// simulated clock's, UTC.

export type LoadUnit = 'cRate' | 'currentA' | 'powerW';

export interface LoadProfile {
  name: string;
  unit: LoadUnit;
  /** Requested value at a second of the day (0..86399). */
  at(secondOfDay: number): number;
}

const HOUR = 3600;
const DAY_S = 24 * HOUR;
const hourOf = (s: number) => (((s % DAY_S) + DAY_S) % DAY_S) / HOUR;

/** Overnight base load, morning peak, solar charging around noon, evening discharge. */
function residentialSolar(h: number): number {
  if (h < 6) {
    return -0.05;
  }
  if (h < 9) {
    return -0.1;
  }
  if (h < 16) {
    return 0.4 * Math.sin((Math.PI * (h - 9)) / 7) + 0.02;
  }
  if (h < 17) {
    return 0;
  }
  if (h < 23) {
    return -0.2 - 0.05 * Math.sin((Math.PI * (h - 17)) / 6);
  }
  return -0.05;
}

/** Charge from the grid at the cheap night tariff, shave the morning and evening peaks. */
function peakShaving(h: number): number {
  if (h < 5) {
    return 0.2;
  }
  if (h >= 7 && h < 9) {
    return -0.3;
  }
  if (h >= 17 && h < 21) {
    return -0.35;
  }
  return 0;
}

export const BUILT_IN_PROFILES = {
  'residential-solar': { name: 'residential-solar', unit: 'cRate', at: (s) => residentialSolar(hourOf(s)) },
  'peak-shaving': { name: 'peak-shaving', unit: 'cRate', at: (s) => peakShaving(hourOf(s)) },
  idle: { name: 'idle', unit: 'cRate', at: () => 0 },
} as const satisfies Record<string, LoadProfile>;

export type BuiltInProfileName = keyof typeof BUILT_IN_PROFILES;
export const BUILT_IN_PROFILE_NAMES = Object.keys(BUILT_IN_PROFILES) as [
  BuiltInProfileName,
  ...BuiltInProfileName[],
];

/** A step profile from (second of day, value) points: each value holds until the next point, wrapping at midnight. */
export function stepProfile(name: string, unit: LoadUnit, points: readonly [number, number][]): LoadProfile {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  return {
    name,
    unit,
    at(secondOfDay) {
      const s = ((secondOfDay % DAY_S) + DAY_S) % DAY_S;
      let value = sorted[sorted.length - 1]?.[1] ?? 0;
      for (const [at, v] of sorted) {
        if (at > s) {
          break;
        }
        value = v;
      }
      return value;
    },
  };
}

/** The current a profile asks for, given the string's capacity and voltage right now. */
export function requestedCurrentA(
  profile: LoadProfile,
  secondOfDay: number,
  capacityAh: number,
  packVoltageV: number,
): number {
  const value = profile.at(secondOfDay);
  switch (profile.unit) {
    case 'cRate':
      return value * capacityAh;
    case 'currentA':
      return value;
    case 'powerW':
      return packVoltageV > 0 ? value / packVoltageV : 0;
  }
}
