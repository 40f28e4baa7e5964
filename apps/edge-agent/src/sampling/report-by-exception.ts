// Report-by-exception for one string's pack readings (pure, no I/O). Decides, per reading,
// whether it is reported and with which values:
//   * a reading is considered once per `packEveryS` window (windows aligned to the clock);
//   * a field is updated only when it left its deadband around the LAST REPORTED value, so
//     the reported value is never further than the deadband from the truth and a quiet field
//     costs nothing; fields without a deadband report any change;
//   * an alarm/protection/error bit edge reports at once (outside the window too), asks for a
//     cell snapshot and an immediate flush;
//   * after `maxSilenceS` without a report, the reading is reported with its true values.
import type { PackSample } from '@fleet/telemetry';
import { DEADBAND_OF, EDGE_FIELDS, FOLLOWS } from './deadband-fields.js';
import type { SamplingPlan } from './sampling-plan.js';

export type ReportReason = 'first' | 'change' | 'edge' | 'silence' | 'forced' | 'every';

export interface ReportDecision {
  /** The sample to send (deadband-held values), or undefined when nothing is reported. */
  report?: PackSample;
  reason?: ReportReason;
  /** An alarm/protection/error word changed since the previous reading. */
  edge: boolean;
}

export class ReportByException {
  private lastWindow = Number.NaN;
  private lastReported: PackSample | undefined;
  private lastReportedAt = Number.NEGATIVE_INFINITY;
  private previous: PackSample | undefined;
  private forced = false;

  /** The next reading is reported with its true values whatever the window (the repoll command). */
  forceNext(): void {
    this.forced = true;
  }

  offer(sample: PackSample, plan: SamplingPlan): ReportDecision {
    const at = Date.parse(sample.ts);
    const edge = this.previous !== undefined && EDGE_FIELDS.some((f) => this.previous?.[f] !== sample[f]);
    this.previous = sample;
    if (plan.report === 'every') {
      this.forced = false;
      return this.reported(sample, Date.parse(sample.ts), edge ? 'edge' : 'every', edge);
    }
    if (this.forced) {
      this.forced = false;
      this.lastWindow = Math.floor(Date.parse(sample.ts) / (plan.packEveryS * 1000));
      return this.reported(sample, Date.parse(sample.ts), 'forced', edge);
    }
    const window = Math.floor(at / (plan.packEveryS * 1000));
    const inNewWindow = window !== this.lastWindow;
    if (!edge && !inNewWindow) {
      return { edge };
    }
    this.lastWindow = window;
    const last = this.lastReported;
    if (last === undefined) {
      return this.reported(sample, at, 'first', edge);
    }
    if (at - this.lastReportedAt >= plan.maxSilenceS * 1000) {
      return this.reported(sample, at, edge ? 'edge' : 'silence', edge);
    }
    const held = holdInsideDeadbands(last, sample, plan.deadbands);
    if (edge) {
      return this.reported(held, at, 'edge', edge);
    }
    return held === undefined ? { edge } : this.reported(held, at, 'change', edge);
  }

  private reported(
    sample: PackSample | undefined,
    at: number,
    reason: ReportReason,
    edge: boolean,
  ): ReportDecision {
    const report = sample ?? { ...(this.lastReported as PackSample) };
    const stamped = { ...report, ts: new Date(at).toISOString() };
    this.lastReported = stamped;
    this.lastReportedAt = at;
    return { report: stamped, reason, edge };
  }
}

/**
 * The last reported sample with every field that left its deadband replaced by the new
 * value; undefined when no field did (nothing to report).
 */
function holdInsideDeadbands(
  last: PackSample,
  next: PackSample,
  deadbands: SamplingPlan['deadbands'],
): PackSample | undefined {
  const out: Record<string, unknown> = { ...last };
  let changed = false;
  const keys = new Set([...Object.keys(last), ...Object.keys(next)]) as Set<keyof PackSample>;
  for (const key of keys) {
    if (key === 'ts' || key in FOLLOWS) {
      continue;
    }
    if (moved(key, last[key], next[key], deadbands)) {
      out[key] = next[key];
      changed = true;
      const follower = (Object.keys(FOLLOWS) as (keyof PackSample)[]).find((f) => FOLLOWS[f] === key);
      if (follower !== undefined) {
        out[follower] = next[follower];
      }
    }
  }
  return changed ? (out as PackSample) : undefined;
}

function moved(
  key: keyof PackSample,
  before: unknown,
  after: unknown,
  deadbands: SamplingPlan['deadbands'],
): boolean {
  const band = DEADBAND_OF[key];
  if (band !== undefined && typeof before === 'number' && typeof after === 'number') {
    return Math.abs(after - before) >= Math.max(1, deadbands[band]);
  }
  return JSON.stringify(before) !== JSON.stringify(after);
}
