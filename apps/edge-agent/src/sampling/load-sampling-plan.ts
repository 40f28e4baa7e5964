// Reads the sampling plan file (JSON, any subset of the plan; the rest takes defaults) at boot.
// A plan set from the cloud is written back to the same file so it survives a restart.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DEFAULT_SAMPLING_PLAN, parseSamplingPlan, type SamplingPlan } from './sampling-plan.js';

export type LoadPlanResult = { ok: true; plan: SamplingPlan } | { ok: false; message: string };

/**
 * The plan in force at start: `base` (the --plan preset), changed by what the plan file names.
 * A missing file is not an error: it is written the first time the cloud sets a plan.
 */
export function loadSamplingPlan(
  path: string | undefined,
  base: SamplingPlan = DEFAULT_SAMPLING_PLAN,
): LoadPlanResult {
  if (path === undefined || !existsSync(path)) {
    return { ok: true, plan: base };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, message: `plan file ${path}: ${(error as Error).message}` };
  }
  const parsed = parseSamplingPlan(json, base);
  return parsed.ok ? parsed : { ok: false, message: `plan file ${path}: ${parsed.field}: ${parsed.message}` };
}

/** Atomic replace (write + rename), so a power cut never leaves half a plan. */
export function saveSamplingPlan(path: string, plan: SamplingPlan): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(plan, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
