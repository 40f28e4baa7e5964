import { dataGap, type RuleSet, ruleFor } from '@fleet/alarms';
import type { SampleTimeline } from './sample-timeline.js';
import type { TimedObservation } from './timed-observation.js';

const DEFAULT_LOOKBACK_S = 86_400;

/**
 * derived.data_gap for one string's batch: the longest hole between the newest stored sample
 * before the batch and the batch's own samples, in expected intervals, observed at the batch's
 * last sample. Returns a reason instead when it cannot be judged honestly: the writer (its own
 * consumer) has not stored this batch yet, so a previous batch may be missing from the table too
 * and would read as a false gap.
 */
export async function dataGapObservation(
  timeline: SampleTimeline,
  stringId: string,
  sampleTimesMs: number[],
  rules: RuleSet,
  expectedIntervalMs: number,
): Promise<{ observation: TimedObservation } | { skipped: string }> {
  const rule = ruleFor(rules, 'derived.data_gap');
  const times = sampleTimesMs.filter((t) => Number.isFinite(t));
  if (rule === undefined || times.length === 0) {
    return { skipped: 'data-gap.no-rule-or-samples' };
  }
  const lookbackS = typeof rule.params?.lookbackS === 'number' ? rule.params.lookbackS : DEFAULT_LOOKBACK_S;
  const first = Math.min(...times);
  const last = Math.max(...times);
  const before = await timeline.before(stringId, first, last, lookbackS);
  if (!before.batchStored) {
    return { skipped: 'data-gap.writer-behind' };
  }
  const reading = dataGap({
    sampleTimesMs: before.previousMs === null ? times : [before.previousMs, ...times],
    nowMs: last,
    lookbackS,
    expectedIntervalMs,
  });
  return {
    observation: {
      ruleId: 'derived.data_gap',
      at: last,
      observation: { kind: 'value', value: reading.value },
    },
  };
}
