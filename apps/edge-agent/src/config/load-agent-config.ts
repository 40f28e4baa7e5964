// Reads flags, AGENT_* variables and the --config file once, at boot (service-kit's loader).
// The only place that touches process.env or reads the config file.
import { type LoadConfigResult, loadCliConfig } from '@fleet/service-kit';
import { AGENT_OPTIONS, type AgentConfig, agentConfigSchema } from './agent-config.js';

export type { LoadConfigResult };

export function loadAgentConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
  readFile?: (path: string) => string,
): LoadConfigResult<AgentConfig> {
  return loadCliConfig<AgentConfig>(
    {
      program: 'edge-agent',
      description:
        'Reads Pylontech HV strings or an LV battery over an SLCAN adapter or SocketCAN and publishes telemetry to NATS JetStream or AWS IoT Core',
      options: AGENT_OPTIONS,
      fileOption: 'config',
      parse: (raw) => {
        const parsed = agentConfigSchema.safeParse(raw);
        return parsed.success
          ? { ok: true, config: parsed.data }
          : { ok: false, issues: parsed.error.issues };
      },
    },
    argv,
    env,
    readFile,
  );
}
