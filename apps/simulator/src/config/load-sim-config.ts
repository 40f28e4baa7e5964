// Reads flags, SIM_* variables and the --config file once, at boot (service-kit's loader). The
// only place that touches process.env or reads the config file.
import { type LoadConfigResult, loadCliConfig } from '@fleet/service-kit';
import { optionsSchema, resolveConfig, type SimConfig } from './sim-config.js';
import { SIM_OPTIONS } from './sim-options.table.js';

export type { LoadConfigResult };

export interface LoadDeps {
  readFile?: (path: string) => string;
}

export function loadSimConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
  deps: LoadDeps = {},
): LoadConfigResult<SimConfig> {
  return loadCliConfig<SimConfig>(
    {
      program: 'simulator',
      description:
        'Pylontech SC1000 / MBMS1000 simulator: HV CAN and LV CAN over SLCAN, RS485 ASCII, console text; faults over HTTP',
      options: SIM_OPTIONS,
      fileOption: 'config',
      fileOnlyKeys: ['strings'],
      parse: (raw) => {
        const parsed = optionsSchema.safeParse(raw);
        if (!parsed.success) {
          return { ok: false, issues: parsed.error.issues };
        }
        const resolved = resolveConfig(parsed.data);
        if ('problems' in resolved) {
          return { ok: false, issues: resolved.problems.map((p) => ({ path: [p.key], message: p.message })) };
        }
        return { ok: true, config: resolved.config };
      },
    },
    argv,
    env,
    deps.readFile,
  );
}
