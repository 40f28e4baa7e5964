// The sampling plan in force (preset + plan file) and the sampler that applies it between the
// device reader and the outbox. An invalid plan file ends the process with exit code 2, like any
// other bad configuration.
import type { Clock } from '../clock.js';
import type { AgentConfig } from '../config/agent-config.js';
import type { Logger } from '../logger.js';
import type { CellSource } from '../sampling/cell-source.js';
import { loadSamplingPlan } from '../sampling/load-sampling-plan.js';
import { SAMPLING_PLAN_PRESETS } from '../sampling/sampling-plan.js';
import { UplinkSampler, type UplinkSamplerDeps } from '../sampling/uplink-sampler.js';

export function buildSampler(
  config: AgentConfig,
  deps: { clock: Clock; logger: Logger; cells: CellSource; emit: UplinkSamplerDeps['emit'] },
): UplinkSampler {
  const plan = loadSamplingPlan(config.planFile, SAMPLING_PLAN_PRESETS[config.plan]);
  if (!plan.ok) {
    deps.logger.fatal({ err: plan.message }, 'invalid sampling plan');
    process.exit(2);
  }
  return new UplinkSampler({ ...deps, logger: deps.logger.child({ component: 'sampler' }) }, plan.plan);
}
