/**
 * Whether cell voltages were read at rest or under load. Under load every cell reads its
 * internal-resistance drop too, so spreads taken under load are not comparable to rest spreads.
 * `unknown` when no current was given.
 */
export type LoadCondition = 'rest' | 'load' | 'unknown';

/**
 * Default rest band, 0.1 A units: |I| ≤ 2.0 A. At 2 A an LFP cell of ~1 mΩ drops ~2 mV, below
 * the agent's 5 mV cell deadband, so such a reading is as good as at rest.
 */
export const DEFAULT_REST_CURRENT_DA = 20;

/** Classifies a pack current (0.1 A) as rest or load. */
export function loadCondition(
  packCurrentDa: unknown,
  restCurrentDa = DEFAULT_REST_CURRENT_DA,
): LoadCondition {
  if (typeof packCurrentDa !== 'number' || !Number.isFinite(packCurrentDa)) {
    return 'unknown';
  }
  return Math.abs(packCurrentDa) <= restCurrentDa ? 'rest' : 'load';
}
