// Simulator configuration: one schema, fed from CLI flags (first) and SIM_* variables.
import { z } from 'zod';
import { MAX_MODULES, MIN_MODULES, MODULE_TYPE_NAMES } from '../model/module-types.js';

/** A whole number in [min, max], from a flag or variable string. */
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be ${min}..${max}`)
    .max(max, `must be ${min}..${max}`);

const port = () => int(1, 65_535);

const addressList = z
  .string()
  .regex(/^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$/, 'must be a comma-separated list of BMS addresses, e.g. 0 or 1,2')
  .transform((text) => text.split(',').map((a) => Number(a.trim())))
  .refine((list) => list.every((a) => a <= 15), 'each BMS address must be 0..15')
  .refine((list) => new Set(list).size === list.length, 'BMS addresses must not repeat');

export const simConfigSchema = z
  .object({
    serial: z.string().min(1).optional(),
    tcp: port().optional(),
    controlPort: port().default(3010),
    // Loopback by default; containers (docker-compose.yml) listen on all interfaces.
    listenHost: z
      .union([z.ipv4(), z.ipv6(), z.literal('localhost')], 'must be an IP address or localhost')
      .default('127.0.0.1'),
    addresses: addressList.default([0]),
    modules: int(MIN_MODULES, MAX_MODULES).default(8),
    moduleType: z.enum(MODULE_TYPE_NAMES, `must be one of ${MODULE_TYPE_NAMES.join(', ')}`).default('H48050'),
    tickMs: int(10, 60_000).default(1000),
    seed: int(0, 0xffffffff).optional(),
    speed: z.coerce
      .number({ error: 'must be a number' })
      .positive('must be > 0')
      .max(1_000_000, 'must be ≤ 1000000')
      .default(1),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((c) => (c.serial === undefined) !== (c.tcp === undefined), {
    message: 'give exactly one of --serial <path> or --tcp <port> (SIM_SERIAL / SIM_TCP)',
    path: ['serial'],
  });

export type SimConfig = z.infer<typeof simConfigSchema>;

/** Every option with its flag and variable, as data: commander and error messages use it. */
export const SIM_OPTIONS = [
  {
    key: 'serial',
    flag: '--serial <path>',
    env: 'SIM_SERIAL',
    help: 'SLCAN over this serial device (e.g. a socat pty)',
  },
  {
    key: 'tcp',
    flag: '--tcp <port>',
    env: 'SIM_TCP',
    help: 'SLCAN over a TCP listener on <listen-host>:<port>',
  },
  {
    key: 'controlPort',
    flag: '--control-port <n>',
    env: 'SIM_CONTROL_PORT',
    help: 'control HTTP port (default 3010)',
  },
  {
    key: 'listenHost',
    flag: '--listen-host <ip>',
    env: 'SIM_LISTEN_HOST',
    help: 'address the control and SLCAN TCP listeners bind (default 127.0.0.1)',
  },
  {
    key: 'addresses',
    flag: '--addresses <list>',
    env: 'SIM_ADDRESSES',
    help: 'BMS addresses, one string each (default 0; 1,2 = MBMS1000 with two strings)',
  },
  {
    key: 'modules',
    flag: '--modules <n>',
    env: 'SIM_MODULES',
    help: `modules per string, ${MIN_MODULES}..${MAX_MODULES} (default 8)`,
  },
  {
    key: 'moduleType',
    flag: '--module-type <type>',
    env: 'SIM_MODULE_TYPE',
    help: `${MODULE_TYPE_NAMES.join(' | ')} (default H48050)`,
  },
  {
    key: 'tickMs',
    flag: '--tick-ms <ms>',
    env: 'SIM_TICK_MS',
    help: 'real milliseconds between model steps (default 1000)',
  },
  {
    key: 'seed',
    flag: '--seed <n>',
    env: 'SIM_SEED',
    help: 'random seed, for a reproducible fleet (default: random)',
  },
  {
    key: 'speed',
    flag: '--speed <n>',
    env: 'SIM_SPEED',
    help: 'simulated seconds per real second (default 1)',
  },
  { key: 'logLevel', flag: '--log-level <level>', env: 'SIM_LOG_LEVEL', help: 'pino level (default info)' },
] as const satisfies readonly { key: keyof SimConfig; flag: string; env: string; help: string }[];
