// Reads flags and variables once, at boot. The only place that touches process.env.
import { Command, CommanderError } from 'commander';
import { AGENT_OPTIONS, type AgentConfig, agentConfigSchema } from './agent-config.js';

export type LoadConfigResult =
  | { kind: 'run'; config: AgentConfig }
  | { kind: 'exit'; code: number; output: string };

/** Exit code for bad flags or variables (usage error). */
export const USAGE_EXIT_CODE = 2;

export function loadAgentConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): LoadConfigResult {
  let output = '';
  const program = new Command('edge-agent')
    .description(
      'Reads Pylontech HV strings over an SLCAN adapter and publishes telemetry to NATS JetStream or AWS IoT Core',
    )
    .exitOverride()
    .showHelpAfterError('(run with --help for all options)')
    .configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
  for (const option of AGENT_OPTIONS) {
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
  for (const { key, env: name } of AGENT_OPTIONS) {
    const fromEnv = env[name];
    raw[key] = flags[key] ?? (fromEnv === '' ? undefined : fromEnv);
  }
  const parsed = agentConfigSchema.safeParse(raw);
  if (parsed.success) {
    return { kind: 'run', config: parsed.data };
  }
  const lines = parsed.error.issues.map((issue) => {
    const option = AGENT_OPTIONS.find((o) => o.key === issue.path[0]);
    const given = option ? raw[option.key] : undefined;
    const name = option ? `${option.flag.split(' ')[0]} (${option.env})` : issue.path.join('.');
    return `  ${name}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
  });
  return {
    kind: 'exit',
    code: USAGE_EXIT_CODE,
    output: `edge-agent: invalid configuration\n${lines.join('\n')}\nRun with --help for all options.\n`,
  };
}
