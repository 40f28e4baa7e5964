// Reads flags and SIM_* variables once, at boot. The only place that touches process.env.
import { Command, CommanderError } from 'commander';
import { SIM_OPTIONS, type SimConfig, simConfigSchema } from './sim-config.js';

export type LoadConfigResult =
  | { kind: 'run'; config: SimConfig }
  | { kind: 'exit'; code: number; output: string };

/** Exit code for bad flags or variables (usage error). */
export const USAGE_EXIT_CODE = 2;

export function loadSimConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): LoadConfigResult {
  let output = '';
  const program = new Command('simulator')
    .description('Pylontech SC1000 / MBMS1000 simulator answering HV CAN polls over SLCAN')
    .exitOverride()
    .showHelpAfterError('(run with --help for all options)')
    .configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
  for (const option of SIM_OPTIONS) {
    program.option(option.flag, `${option.help} [env ${option.env}]`);
  }
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return { kind: 'exit', code: error.exitCode === 0 ? 0 : USAGE_EXIT_CODE, output };
    }
    throw error;
  }
  const flags = program.opts<Record<string, string | undefined>>();
  const raw: Record<string, string | undefined> = {};
  for (const { key, env: name } of SIM_OPTIONS) {
    const fromEnv = env[name];
    raw[key] = flags[key] ?? (fromEnv === '' ? undefined : fromEnv);
  }
  const parsed = simConfigSchema.safeParse(raw);
  if (parsed.success) {
    return { kind: 'run', config: parsed.data };
  }
  const lines = parsed.error.issues.map((issue) => {
    const option = SIM_OPTIONS.find((o) => o.key === issue.path[0]);
    const given = option ? raw[option.key] : undefined;
    const name = option ? `${option.flag.split(' ')[0]} (${option.env})` : issue.path.join('.');
    return `  ${name}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
  });
  return {
    kind: 'exit',
    code: USAGE_EXIT_CODE,
    output: `simulator: invalid configuration\n${lines.join('\n')}\nRun with --help for all options.\n`,
  };
}
