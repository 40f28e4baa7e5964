// Flags, environment variables and an optional JSON config file, read once at boot into one
// validated config — the shape every plain-Node program of the product (edge agent, simulator)
// shares. Precedence: flag, then variable, then file. Errors name the flag and its variable, or
// the file and the path inside it, and what was given; they never throw.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';

export interface CliOption {
  /** camelCase key: commander's option name, the config-file key and the schema key. */
  key: string;
  /** e.g. `--spool-max-mb <n>`; a flag without `<value>` is a switch. */
  flag: string;
  env: string;
  help: string;
}

export interface ConfigIssue {
  /** First element: an option key (or a file-only key); the rest: the path inside it. */
  path: readonly PropertyKey[];
  message: string;
}

export interface CliConfigSpec<T> {
  program: string;
  description: string;
  options: readonly CliOption[];
  /** Key of the option that names a JSON config file, when the program takes one. */
  fileOption?: string;
  /** Keys a config file may hold that have no flag (e.g. a list of strings). */
  fileOnlyKeys?: readonly string[];
  /** Validates the merged raw values. */
  parse: (raw: Record<string, unknown>) => { ok: true; config: T } | { ok: false; issues: ConfigIssue[] };
}

export type LoadConfigResult<T> = { kind: 'run'; config: T } | { kind: 'exit'; code: number; output: string };

/** Exit code for a bad flag, variable or config file (usage error). */
export const USAGE_EXIT_CODE = 2;

type Source = { kind: 'flag' } | { kind: 'env' } | { kind: 'file'; file: string };
type ReadFile = (path: string) => string;

export function loadCliConfig<T>(
  spec: CliConfigSpec<T>,
  argv: readonly string[],
  env: Record<string, string | undefined>,
  readFile: ReadFile = (p) => readFileSync(p, 'utf8'),
): LoadConfigResult<T> {
  const parsedFlags = parseFlags(spec, argv);
  if ('exit' in parsedFlags) {
    return parsedFlags.exit;
  }
  const flags = parsedFlags.flags;
  const fromEnv = (name: string) => (env[name] === '' ? undefined : env[name]);
  const fileOption = spec.options.find((o) => o.key === spec.fileOption);
  const configPath = fileOption
    ? ((flags[fileOption.key] as string | undefined) ?? fromEnv(fileOption.env))
    : undefined;
  const file = configPath === undefined ? { values: {} } : readConfigFile(spec, configPath, readFile);
  if ('error' in file) {
    return usage(spec, [file.error]);
  }
  const raw: Record<string, unknown> = {};
  const sources: Record<string, Source> = {};
  for (const option of spec.options.filter((o) => o.key !== spec.fileOption)) {
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
  for (const key of spec.fileOnlyKeys ?? []) {
    if (file.values[key] !== undefined) {
      raw[key] = file.values[key];
      sources[key] = { kind: 'file', file: configPath ?? '' };
    }
  }
  const result = spec.parse(raw);
  if (result.ok) {
    return { kind: 'run', config: result.config };
  }
  return usage(
    spec,
    result.issues.map((issue) => describe(spec, issue, raw, sources)),
  );
}

function parseFlags<T>(
  spec: CliConfigSpec<T>,
  argv: readonly string[],
): { flags: Record<string, string | boolean | undefined> } | { exit: LoadConfigResult<T> } {
  let output = '';
  const program = new Command(spec.program)
    .description(spec.description)
    .exitOverride()
    .showHelpAfterError('(run with --help for all options)')
    .configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
  for (const option of spec.options) {
    program.option(option.flag, `${option.help} [env ${option.env}]`);
  }
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return { exit: { kind: 'exit', code: error.exitCode === 0 ? 0 : USAGE_EXIT_CODE, output } };
    }
    throw error;
  }
  return { flags: program.opts<Record<string, string | boolean | undefined>>() };
}

function readConfigFile<T>(
  spec: CliConfigSpec<T>,
  path: string,
  readFile: ReadFile,
): { values: Record<string, unknown> } | { error: string } {
  let text: string;
  try {
    text = readFile(path);
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
  const known = new Set<string>([
    ...spec.options.map((o) => o.key),
    ...(spec.fileOnlyKeys ?? []),
    '$schema',
    '_about',
  ]);
  const unknown = Object.keys(values).filter((k) => !known.has(k) || k === spec.fileOption);
  if (unknown.length > 0) {
    return { error: `  ${path}: unknown key(s) ${unknown.join(', ')}` };
  }
  return { values: values as Record<string, unknown> };
}

/** `--modules (SIM_MODULES): must be 5..15 (got "16")` or `sim.json: strings.1.add: …`. */
function describe<T>(
  spec: CliConfigSpec<T>,
  issue: ConfigIssue,
  raw: Record<string, unknown>,
  sources: Record<string, Source>,
): string {
  const [first, ...rest] = issue.path;
  const key = String(first ?? '');
  const option = spec.options.find((o) => o.key === key);
  const source = sources[key];
  let given = raw[key];
  for (const step of rest) {
    given = (given as Record<PropertyKey, unknown> | undefined)?.[step];
  }
  const got =
    given === undefined || typeof given === 'object' ? '' : ` (got ${JSON.stringify(String(given))})`;
  if (source?.kind === 'file') {
    return `  ${source.file}: ${[key, ...rest.map(String)].join('.')}: ${issue.message}${got}`;
  }
  const name = option
    ? `${option.flag.split(' ')[0]} (${option.env})`
    : issue.path.map(String).join('.') || '(config)';
  return `  ${name}: ${issue.message}${got}`;
}

function usage<T>(spec: CliConfigSpec<T>, lines: string[]): LoadConfigResult<T> {
  return {
    kind: 'exit',
    code: USAGE_EXIT_CODE,
    output: `${spec.program}: invalid configuration\n${lines.join('\n')}\nRun with --help for all options.\n`,
  };
}
