import { dataGap, type RuleSet, ruleFor } from '@fleet/alarms';
import type { SampleTimeline } from './sample-timeline.js';
import type { TimedObservation } from './timed-observation.js';

const DEFAULT_LOOKBACK_S = 86_400;
/** Stored samples judged per batch: a hole stays visible (the alarm open) for about this many more. */
export const DATA_GAP_WINDOW = 60;

/**
 * derived.data_gap for one string's batch: the longest hole between the newest stored samples
 * before the batch, in expected intervals, observed at the newest of them. Only what the writer
 * already committed is judged, never the batch in hand: the writer is a separate consumer and may
 * still hold this batch and earlier ones, which would read as a false gap. So a hole is seen one
 * batch late, once the samples after it are stored.
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
  const stored = await timeline.before(stringId, Math.min(...times), lookbackS, DATA_GAP_WINDOW);
  const newest = stored.at(-1);
  if (newest === undefined) {
    return { skipped: 'data-gap.nothing-stored' };
  }
  const reading = dataGap({ sampleTimesMs: stored, nowMs: newest, lookbackS, expectedIntervalMs });
  return {
    observation: {
      ruleId: 'derived.data_gap',
      at: newest,
      observation: { kind: 'value', value: reading.value },
    },
  };
}
