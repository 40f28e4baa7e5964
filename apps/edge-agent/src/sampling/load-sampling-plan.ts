// Reads the sampling plan file (JSON, any subset of the plan; the rest takes defaults) at boot.
// A plan set from the cloud is written back to the same file so it survives a restart.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DEFAULT_SAMPLING_PLAN, parseSamplingPlan, type SamplingPlan } from './sampling-plan.js';

export type LoadPlanResult = { ok: true; plan: SamplingPlan } | { ok: false; message: string };

export function loadSamplingPlan(path: string | undefined): LoadPlanResult {
  if (path === undefined) {
    return { ok: true, plan: DEFAULT_SAMPLING_PLAN };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, message: `plan file ${path}: ${(error as Error).message}` };
  }
  const parsed = parseSamplingPlan(json);
  return parsed.ok ? parsed : { ok: false, message: `plan file ${path}: ${parsed.field}: ${parsed.message}` };
}

/** Atomic replace (write + rename), so a power cut never leaves half a plan. */
export function saveSamplingPlan(path: string, plan: SamplingPlan): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(plan, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
