/**
 * The outlier rule of the site view's heatmap (docs: apps/api/README.md "Cells").
 *
 * A value is an outlier when it lies further from the median of its string than
 * `max(k × 1.4826 × MAD, floor)`: the median and the median absolute deviation (MAD) are robust,
 * so the weak cell being looked for does not move its own reference the way a mean and standard
 * deviation would; 1.4826 × MAD estimates the standard deviation of normally spread values, and
 * k = 3.5 is the usual cut-off of the modified z-score (Iglewicz & Hoaglin, 1993). The floor keeps a
 * well balanced string, whose MAD is 1–2 mV, from calling a few millivolts an outlier.
 */
export interface RobustRule {
  /** Multiple of the robust standard deviation (1.4826 × MAD). */
  k: number;
  /** Smallest distance from the median that can be an outlier, in the values' unit. */
  floor: number;
}

/** Cell voltages: 3.5 robust σ, and never closer than 20 mV to the string's median. */
export const VOLTAGE_RULE: RobustRule = { k: 3.5, floor: 20 };
/** Temperature sensors (0.1 °C): 3.5 robust σ, and never closer than 3 °C to the median. */
export const TEMPERATURE_RULE: RobustRule = { k: 3.5, floor: 30 };

/** 1.4826 × MAD is the standard deviation of a normal distribution with that MAD. */
const MAD_TO_SIGMA = 1.4826;

export interface RobustOutliers {
  median: number;
  mad: number;
  /** Distance from the median beyond which a value is an outlier. */
  threshold: number;
  /** Per entry of the grid: value − median (null where there is no value). */
  deviation: (number | null)[][];
  outlier: boolean[][];
  /** How many entries are outliers. */
  count: number;
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Applies the rule to a `[module][cell]` (or `[module][sensor]`) grid; null entries are not read
 * and never outliers. Null when the grid holds no value at all.
 */
export function robustOutliers(
  grid: readonly (readonly (number | null)[])[],
  rule: RobustRule,
): RobustOutliers | null {
  const values = grid.flat().filter((v): v is number => v !== null);
  if (values.length === 0) {
    return null;
  }
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m)));
  const threshold = Math.max(rule.k * MAD_TO_SIGMA * mad, rule.floor);
  let count = 0;
  const deviation = grid.map((row) => row.map((v) => (v === null ? null : v - m)));
  const outlier = deviation.map((row) =>
    row.map((d) => {
      const is = d !== null && Math.abs(d) > threshold;
      count += is ? 1 : 0;
      return is;
    }),
  );
  return { median: m, mad, threshold, deviation, outlier, count };
}
