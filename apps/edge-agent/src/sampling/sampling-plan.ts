// The sampling plan: what is reported when. Validated with zod wherever it enters (config
// file, flags, the cloud's plan.set), so a bad plan is refused naming the field.
import { z } from 'zod';

const seconds = (min: number, max: number) => z.number().int().min(min).max(max);
const band = z.number().int().min(0).max(100_000);

/** Deadbands in the fields' own units (0.1 V, 0.1 A, 0.1 °C, %, mV). */
export const deadbandsSchema = z
  .object({
    /** Pack voltage and the cut-off voltages; default ±0.5 V. */
    voltageDv: band.default(5),
    /** Pack current and the current limits; default ±0.5 A. */
    currentDa: band.default(5),
    /** Every temperature; default ±0.5 °C. */
    tempDc: band.default(5),
    /** SOC and SOH; default 1 %. */
    socPct: band.default(1),
    /** Cell voltage extremes; default ±5 mV. */
    cellMv: band.default(5),
    /** Module voltage extremes; default ±50 mV. */
    moduleMv: band.default(50),
  })
  .strict();

export const samplingPlanSchema = z
  .object({
    /**
     * exception: report-by-exception (one reading per `packEveryS` window, deadbands, silence
     * reports): the production plan. every: every reading in full, no windows or deadbands
     * (commissioning, troubleshooting and live viewing; costs the naive uplink).
     */
    report: z.enum(['exception', 'every']).default('exception'),
    /** Pack values (and module/cell extremes) are considered once per this many seconds. */
    packEveryS: seconds(1, 3600).default(5),
    /** Full per-cell snapshot cadence; also taken at once on any alarm/protection/error edge. */
    cellsEveryS: seconds(10, 86_400).default(300),
    /** A string whose values stay inside their deadbands still reports this often. */
    maxSilenceS: seconds(5, 86_400).default(300),
    /** Reported values wait this long to share one envelope (an edge sends at once; 0: every poll). */
    flushEveryS: seconds(0, 3600).default(60),
    deadbands: deadbandsSchema.default({
      voltageDv: 5,
      currentDa: 5,
      tempDc: 5,
      socPct: 1,
      cellMv: 5,
      moduleMv: 50,
    }),
  })
  .strict()
  .refine((p) => p.maxSilenceS >= p.packEveryS, {
    message: 'must be at least packEveryS',
    path: ['maxSilenceS'],
  });

export type SamplingPlan = z.infer<typeof samplingPlanSchema>;
export type Deadbands = SamplingPlan['deadbands'];

export const DEFAULT_SAMPLING_PLAN: SamplingPlan = samplingPlanSchema.parse({});

/**
 * Every reading, sent with each poll: what a person watching the string page live expects, and
 * what the demo fleet runs. The cloud switches a gateway to it with plan.set and back after.
 */
export const LIVE_SAMPLING_PLAN: SamplingPlan = samplingPlanSchema.parse({ report: 'every', flushEveryS: 0 });

export const SAMPLING_PLAN_PRESETS = { default: DEFAULT_SAMPLING_PLAN, live: LIVE_SAMPLING_PLAN } as const;
export type SamplingPlanPreset = keyof typeof SAMPLING_PLAN_PRESETS;

export type PlanParseResult =
  | { ok: true; plan: SamplingPlan }
  | { ok: false; field: string; message: string };

/**
 * Validates a (partial) plan; omitted fields take their defaults, or `base`'s values when
 * given (plan.set from the cloud changes only what it names). Never throws.
 */
export function parseSamplingPlan(input: unknown, base?: SamplingPlan): PlanParseResult {
  const merged =
    base && typeof input === 'object' && input !== null && !Array.isArray(input)
      ? mergePlan(base, input as Record<string, unknown>)
      : input;
  const parsed = samplingPlanSchema.safeParse(merged);
  if (parsed.success) {
    return { ok: true, plan: parsed.data };
  }
  const issue = parsed.error.issues[0];
  const field =
    issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : '(plan)');
  return { ok: false, field, message: issue?.message ?? 'invalid plan' };
}

function mergePlan(base: SamplingPlan, patch: Record<string, unknown>): Record<string, unknown> {
  const deadbands = patch.deadbands;
  return {
    ...base,
    ...patch,
    deadbands:
      typeof deadbands === 'object' && deadbands !== null && !Array.isArray(deadbands)
        ? { ...base.deadbands, ...deadbands }
        : (deadbands ?? base.deadbands),
  };
}
