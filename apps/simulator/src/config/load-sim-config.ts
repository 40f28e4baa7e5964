// Reads flags, SIM_* variables and the --config file once, at boot. The only place that
// touches process.env or reads the config file.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { type ConfigProblem, optionsSchema, resolveConfig, type SimConfig } from './sim-config.js';
import { SIM_OPTIONS } from './sim-options.table.js';

export type LoadConfigResult =
  | { kind: 'run'; config: SimConfig }
  | { kind: 'exit'; code: number; output: string };

/** Exit code for bad flags, variables or config file (usage error). */
export const USAGE_EXIT_CODE = 2;

type Source = { kind: 'flag' } | { kind: 'env' } | { kind: 'file'; file: string };

export interface LoadDeps {
  readFile: (path: string) => string;
}

const defaultDeps: LoadDeps = { readFile: (p) => readFileSync(p, 'utf8') };

export function loadSimConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
  deps: LoadDeps = defaultDeps,
): LoadConfigResult {
  let output = '';
  const program = new Command('simulator')
    .description(
      'Pylontech SC1000 / MBMS1000 simulator: HV CAN and LV CAN over SLCAN, RS485 ASCII, console text; faults over HTTP',
    )
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
  const flags = program.opts<Record<string, string | boolean | undefined>>();
  const fromEnv = (name: string) => (env[name] === '' ? undefined : env[name]);
  const configPath = (flags.config as string | undefined) ?? fromEnv('SIM_CONFIG');
  const file = configPath === undefined ? { values: {} } : readConfigFile(configPath, deps);
  if ('error' in file) {
    return usage([file.error]);
  }
  const raw: Record<string, unknown> = {};
  const sources: Record<string, Source> = {};
  for (const option of SIM_OPTIONS) {
    if (option.key === 'config') {
      continue;
    }
    const candidates: [unknown, Source][] = [
      [flags[option.key], { kind: 'flag' }],
      [fromEnv(option.env), { kind: 'env' }],
      [file.values[option.key], { kind: 'file', file: configPath ?? '' }],
    ];
    const found = candidates.find(([v]) => v !== undefined);
    if (found) {
      raw[option.key] = found[0];
      sources[option.key] = found[1];
    }
  }
  if (file.values.strings !== undefined) {
    raw.strings = file.values.strings;
    sources.strings = { kind: 'file', file: configPath ?? '' };
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    return usage(
      parsed.error.issues.map((issue) =>
        describe(String(issue.path[0]), issue.path.slice(1), issue.message, raw, sources),
      ),
    );
  }
  const resolved = resolveConfig(parsed.data);
  if ('problems' in resolved) {
    return usage(resolved.problems.map((p: ConfigProblem) => describe(p.key, [], p.message, raw, sources)));
  }
  return { kind: 'run', config: resolved.config };
}

function readConfigFile(
  path: string,
  deps: LoadDeps,
): { values: Record<string, unknown> } | { error: string } {
  let text: string;
  try {
    text = deps.readFile(path);
  } catch (error) {
    return { error: `  ${path}: cannot read the config file (${(error as Error).message})` };
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (error) {
    return { error: `  ${path}: not valid JSON (${(error as Error).message})` };
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return { error: `  ${path}: must be a JSON object of options` };
  }
  const known = new Set<string>([...SIM_OPTIONS.map((o) => o.key as string), 'strings', '$schema', '_about']);
  const unknown = Object.keys(values).filter((k) => !known.has(k) || k === 'config');
  if (unknown.length > 0) {
    return { error: `  ${path}: unknown key(s) ${unknown.join(', ')}` };
  }
  return { values: values as Record<string, unknown> };
}

/** "--modules (SIM_MODULES): must be 5..15 (got "16")" or "sim.json: strings.1.add: …". */
function describe(
  key: string,
  rest: PropertyKey[],
  message: string,
  raw: Record<string, unknown>,
  sources: Record<string, Source>,
): string {
  const option = SIM_OPTIONS.find((o) => o.key === key);
  const source = sources[key];
  let given = raw[key];
  for (const step of rest) {
    given = (given as Record<PropertyKey, unknown> | undefined)?.[step];
  }
  const got =
    given === undefined || typeof given === 'object' ? '' : ` (got ${JSON.stringify(String(given))})`;
  if (source?.kind === 'file') {
    return `  ${source.file}: ${[key, ...rest.map(String)].join('.')}: ${message}${got}`;
  }
  const name = option ? `${option.flag.split(' ')[0]} (${option.env})` : key;
  return `  ${name}: ${message}${got}`;
}

function usage(lines: string[]): LoadConfigResult {
  return {
    kind: 'exit',
    code: USAGE_EXIT_CODE,
    output: `simulator: invalid configuration\n${lines.join('\n')}\nRun with --help for all options.\n`,
  };
}
