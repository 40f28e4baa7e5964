// Every option with its flag and variable, as data: commander, --help and error messages use
// it, and the config file accepts the same keys (camelCase) plus `strings`.
import { BUILT_IN_PROFILE_NAMES } from '../model/load-profile.js';
import { MAX_MODULES, MIN_MODULES, MODULE_TYPE_NAMES } from '../model/module-types.js';
import type { SimOptions } from './sim-config.js';

export interface SimOption {
  key: keyof SimOptions | 'config';
  flag: string;
  env: string;
  help: string;
  boolean?: boolean;
}

export const SIM_OPTIONS = [
  {
    key: 'config',
    flag: '--config <file>',
    env: 'SIM_CONFIG',
    help: 'JSON config file (flags and variables win over it)',
  },
  {
    key: 'serial',
    flag: '--serial <path>',
    env: 'SIM_SERIAL',
    help: 'HV CAN: SLCAN over this serial device (e.g. a socat pty)',
  },
  {
    key: 'tcp',
    flag: '--tcp <port>',
    env: 'SIM_TCP',
    help: 'HV CAN: SLCAN over a TCP listener on <listen-host>:<port>',
  },
  {
    key: 'lvSerial',
    flag: '--lv-serial <path>',
    env: 'SIM_LV_SERIAL',
    help: 'LV Pylon CAN: SLCAN over this serial device',
  },
  {
    key: 'lvTcp',
    flag: '--lv-tcp <port>',
    env: 'SIM_LV_TCP',
    help: 'LV Pylon CAN: SLCAN over a TCP listener',
  },
  {
    key: 'rs485Serial',
    flag: '--rs485-serial <path>',
    env: 'SIM_RS485_SERIAL',
    help: 'RS485 ASCII V3.3 over this serial device',
  },
  {
    key: 'rs485Tcp',
    flag: '--rs485-tcp <port>',
    env: 'SIM_RS485_TCP',
    help: 'RS485 ASCII V3.3 over a TCP listener',
  },
  {
    key: 'consoleSerial',
    flag: '--console-serial <path>',
    env: 'SIM_CONSOLE_SERIAL',
    help: 'SC console text over this serial device',
  },
  {
    key: 'consoleTcp',
    flag: '--console-tcp <port>',
    env: 'SIM_CONSOLE_TCP',
    help: 'SC console text over a TCP listener',
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
    help: 'address the control and TCP listeners bind (default 127.0.0.1)',
  },
  {
    key: 'system',
    flag: '--system <kind>',
    env: 'SIM_SYSTEM',
    help: 'SC1000 (one string) | MBMS1000 (1-8 strings) (default: by string count)',
  },
  {
    key: 'addresses',
    flag: '--addresses <list>',
    env: 'SIM_ADDRESSES',
    help: "CAN addresses (0..15), one string each (default 0; 1,2 = MBMS1000 with two strings); replaces the file's strings",
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
    key: 'moduleSerials',
    flag: '--module-serials <list>',
    env: 'SIM_MODULE_SERIALS',
    help: 'RS485 0x93 serials in rack order, string after string (default SIMADD<ADD>MOD<n>, which changes with the address)',
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
  {
    key: 'ageingFactor',
    flag: '--ageing-factor <n>',
    env: 'SIM_AGEING_FACTOR',
    help: 'multiplies cycle and calendar SOH fade (default 1)',
  },
  {
    key: 'profile',
    flag: '--profile <name>',
    env: 'SIM_PROFILE',
    help: `${BUILT_IN_PROFILE_NAMES.join(' | ')} (default residential-solar)`,
  },
  {
    key: 'profileFile',
    flag: '--profile-file <path>',
    env: 'SIM_PROFILE_FILE',
    help: 'CSV (time,currentA|powerW) or JSON load profile; replaces --profile',
  },
  {
    key: 'listenOnly',
    flag: '--listen-only',
    env: 'SIM_LISTEN_ONLY',
    help: 'HV CAN: also play the inverter, emitting 0x4200 polls and the replies unasked',
    boolean: true,
  },
  {
    key: 'listenIntervalMs',
    flag: '--listen-interval-ms <ms>',
    env: 'SIM_LISTEN_INTERVAL_MS',
    help: 'real ms between the unasked poll bursts of --listen-only (default 1000)',
  },
  { key: 'logLevel', flag: '--log-level <level>', env: 'SIM_LOG_LEVEL', help: 'pino level (default info)' },
] as const satisfies readonly SimOption[];
