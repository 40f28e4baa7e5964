// Simulator configuration: one schema, fed from CLI flags (first), SIM_* variables, then the
// --config file. The result names every string with its addresses (topology/addressing.ts).
import { z } from 'zod';
import { BUILT_IN_PROFILE_NAMES } from '../model/load-profile.js';
import { MAX_MODULES, MIN_MODULES, MODULE_TYPE_NAMES } from '../model/module-types.js';
import { addOfCanAddress, canAddressOfAdd, MAX_ADD, MAX_STRINGS, MIN_ADD } from '../topology/addressing.js';

/** A whole number in [min, max], from a flag or variable string or a file number. */
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be ${min}..${max}`)
    .max(max, `must be ${min}..${max}`);

const port = () => int(1, 65_535);
const path = () => z.string().min(1, 'must not be empty');

const addressList = z
  .preprocess(
    (v) => (Array.isArray(v) ? v.join(',') : v),
    z
      .string()
      .regex(
        /^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$/,
        'must be a comma-separated list of BMS addresses, e.g. 0 or 1,2',
      ),
  )
  .transform((text) => text.split(',').map((a) => Number(a.trim())))
  .refine((list) => list.every((a) => a <= 15), 'each BMS address must be 0..15')
  .refine((list) => new Set(list).size === list.length, 'BMS addresses must not repeat')
  .refine((list) => list.length <= MAX_STRINGS, `at most ${MAX_STRINGS} strings (MBMS1000)`);

/** 0x93 answers (§3.6: 16 bytes ASCII), in rack order, strings one after another. */
const serialList = z
  .preprocess(
    (v) => (Array.isArray(v) ? v.join(',') : v),
    z
      .string()
      .regex(
        /^[!-+\--~]{1,16}(,[!-+\--~]{1,16})*$/,
        'must be a comma-separated list of 1-16 printable ASCII characters each, e.g. A1,A2',
      ),
  )
  .transform((text) => text.split(','));

const moduleType = z.enum(MODULE_TYPE_NAMES, `must be one of ${MODULE_TYPE_NAMES.join(', ')}`);
const flag = z.union([z.boolean(), z.stringbool({ error: 'must be true or false' })]);

/** One string of the config file: its ADD switch and what differs from the global values. */
export const fileStringSchema = z.strictObject({
  add: int(MIN_ADD, MAX_ADD),
  termination: z.boolean().optional(),
  modules: int(MIN_MODULES, MAX_MODULES).optional(),
  moduleType: moduleType.optional(),
  initialSocPct: z.number().min(0, 'must be 0..100').max(100, 'must be 0..100').optional(),
  initialSohPct: z.number().min(1, 'must be 1..100').max(100, 'must be 1..100').optional(),
});
export type FileString = z.infer<typeof fileStringSchema>;

export const optionsSchema = z.object({
  serial: path().optional(),
  tcp: port().optional(),
  lvSerial: path().optional(),
  lvTcp: port().optional(),
  rs485Serial: path().optional(),
  rs485Tcp: port().optional(),
  consoleSerial: path().optional(),
  consoleTcp: port().optional(),
  controlPort: port().default(3010),
  // Loopback by default; containers (docker-compose.yml) listen on all interfaces.
  listenHost: z
    .union([z.ipv4(), z.ipv6(), z.literal('localhost')], 'must be an IP address or localhost')
    .default('127.0.0.1'),
  system: z.enum(['SC1000', 'MBMS1000'], 'must be SC1000 or MBMS1000').optional(),
  addresses: addressList.optional(),
  modules: int(MIN_MODULES, MAX_MODULES).default(8),
  moduleType: moduleType.default('H48050'),
  moduleSerials: serialList.optional(),
  tickMs: int(10, 60_000).default(1000),
  seed: int(0, 0xffffffff).optional(),
  speed: z.coerce
    .number({ error: 'must be a number' })
    .positive('must be > 0')
    .max(1_000_000, 'must be ≤ 1000000')
    .default(1),
  ageingFactor: z.coerce
    .number({ error: 'must be a number' })
    .min(0, 'must be ≥ 0')
    .max(1_000_000, 'must be ≤ 1000000')
    .default(1),
  profile: z
    .enum(BUILT_IN_PROFILE_NAMES, `must be one of ${BUILT_IN_PROFILE_NAMES.join(', ')}`)
    .default('residential-solar'),
  profileFile: path().optional(),
  listenOnly: flag.default(false),
  listenIntervalMs: int(50, 600_000).default(1000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  strings: z.array(fileStringSchema).min(1).max(MAX_STRINGS).optional(),
});
export type SimOptions = z.infer<typeof optionsSchema>;

export type LinkSpec = { kind: 'serial'; path: string } | { kind: 'tcp'; port: number };

export interface StringConfig {
  bmsAddress: number;
  add: number;
  termination: boolean | undefined;
  moduleType: (typeof MODULE_TYPE_NAMES)[number];
  modules: number;
  initialSocPct: number | undefined;
  initialSohPct: number | undefined;
  /** 0x93 serials of this string's modules where --module-serials names them. */
  moduleSerials: string[] | undefined;
}

export interface SimConfig extends Omit<SimOptions, 'strings' | 'addresses' | 'system'> {
  system: 'SC1000' | 'MBMS1000';
  strings: StringConfig[];
  links: { hvCan?: LinkSpec; lvCan?: LinkSpec; rs485?: LinkSpec; console?: LinkSpec };
}

/** A configuration problem with the option key it belongs to. */
export interface ConfigProblem {
  key: string;
  message: string;
}

function link(serial: string | undefined, tcp: number | undefined): LinkSpec | undefined {
  if (serial !== undefined) {
    return { kind: 'serial', path: serial };
  }
  return tcp === undefined ? undefined : { kind: 'tcp', port: tcp };
}

function resolveStrings(o: SimOptions): StringConfig[] {
  const strings = stringsOf(o);
  let next = 0;
  return strings.map((s) => {
    const serials = o.moduleSerials?.slice(next, next + s.modules);
    next += s.modules;
    return { ...s, moduleSerials: serials?.length ? serials : undefined };
  });
}

function stringsOf(o: SimOptions): Omit<StringConfig, 'moduleSerials'>[] {
  if (o.addresses === undefined && o.strings !== undefined) {
    return o.strings.map((s) => ({
      bmsAddress: canAddressOfAdd(s.add),
      add: s.add,
      termination: s.termination,
      moduleType: s.moduleType ?? o.moduleType,
      modules: s.modules ?? o.modules,
      initialSocPct: s.initialSocPct,
      initialSohPct: s.initialSohPct,
    }));
  }
  return (o.addresses ?? [0]).map((bmsAddress) => ({
    bmsAddress,
    add: addOfCanAddress(bmsAddress),
    termination: undefined,
    moduleType: o.moduleType,
    modules: o.modules,
    initialSocPct: undefined,
    initialSohPct: undefined,
  }));
}

const PAIRS = [
  ['serial', 'tcp', 'HV CAN'],
  ['lvSerial', 'lvTcp', 'LV CAN'],
  ['rs485Serial', 'rs485Tcp', 'RS485'],
  ['consoleSerial', 'consoleTcp', 'console'],
] as const;

/** Cross-field rules; returns the resolved config or every problem found. */
export function resolveConfig(o: SimOptions): { config: SimConfig } | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  for (const [serial, tcp, name] of PAIRS) {
    if (o[serial] !== undefined && o[tcp] !== undefined) {
      problems.push({ key: serial, message: `give ${name} either a serial path or a TCP port, not both` });
    }
  }
  const links = {
    hvCan: link(o.serial, o.tcp),
    lvCan: link(o.lvSerial, o.lvTcp),
    rs485: link(o.rs485Serial, o.rs485Tcp),
    console: link(o.consoleSerial, o.consoleTcp),
  };
  if (Object.values(links).every((l) => l === undefined)) {
    problems.push({
      key: 'serial',
      message:
        'give at least one interface: --serial/--tcp (HV CAN), --lv-serial/--lv-tcp, --rs485-serial/--rs485-tcp or --console-serial/--console-tcp',
    });
  }
  const strings = resolveStrings(o);
  const seen = new Map<number, number>();
  for (const s of strings) {
    const other = seen.get(s.bmsAddress);
    if (other !== undefined) {
      problems.push({
        key: 'strings',
        message: `ADD ${other} and ADD ${s.add} both map to CAN address ${s.bmsAddress}`,
      });
    }
    seen.set(s.bmsAddress, s.add);
  }
  const system = o.system ?? (strings.length > 1 ? 'MBMS1000' : 'SC1000');
  if (system === 'SC1000' && strings.length > 1) {
    problems.push({
      key: 'system',
      message: `an SC1000 alone has one string (got ${strings.length}); use MBMS1000`,
    });
  }
  if (problems.length > 0) {
    return { problems };
  }
  const { strings: _file, addresses: _addresses, system: _system, ...rest } = o;
  const definedLinks = Object.fromEntries(Object.entries(links).filter(([, l]) => l !== undefined));
  return { config: { ...rest, system, strings, links: definedLinks } };
}
