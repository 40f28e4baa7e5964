import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

export interface DataGapInput {
  /** Times of the stored samples (epoch ms), any order. */
  sampleTimesMs: readonly number[];
  nowMs: number;
  lookbackS: number;
  expectedIntervalMs: number;
}

export type DataGapReading = DerivedReading & { fromMs?: number; toMs?: number };

/**
 * The longest hole between stored samples within the look-back, in expected intervals. The time
 * since the last sample is not a gap here but staleness, judged by its own rule.
 */
export function dataGap(input: DataGapInput): DataGapReading {
  const { nowMs, lookbackS, expectedIntervalMs } = input;
  if (!isFiniteNumber(expectedIntervalMs) || expectedIntervalMs <= 0 || !isFiniteNumber(nowMs)) {
    return unjudged('expected interval and now must be finite, the interval > 0');
  }
  const from = nowMs - lookbackS * 1000;
  const times = [
    ...new Set(input.sampleTimesMs.filter((t) => isFiniteNumber(t) && t >= from && t <= nowMs)),
  ].sort((a, b) => a - b);
  if (times.length < 2) {
    return unjudged(`${times.length} samples in the look-back: no gap to measure`);
  }
  let best = { fromMs: times[0]!, toMs: times[0]! };
  for (let i = 1; i < times.length; i++) {
    if (times[i]! - times[i - 1]! > best.toMs - best.fromMs) {
      best = { fromMs: times[i - 1]!, toMs: times[i]! };
    }
  }
  return { value: (best.toMs - best.fromMs) / expectedIntervalMs, ...best };
}
