// Options of the per-cell links (issue 5): RS485 V3.3 and the SC console, each a serial device
// or tcp://host:port like --slcan, and which of them fills cell snapshots. Kept beside
// agent-config.ts, which spreads these fields, refinements and option rows into its own.
import { z } from 'zod';

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be ${min}..${max}`)
    .max(max, `must be ${min}..${max}`);

/** UART rates the sources name (reference §3.1: 115200 default, 9600 by DIP switch, 500 k in the PDF). */
const baud = z.coerce
  .number({ error: 'must be a baud rate such as 9600 or 115200' })
  .int('must be a baud rate such as 9600 or 115200')
  .min(1200, 'must be a baud rate such as 9600 or 115200')
  .max(1_000_000, 'must be a baud rate such as 9600 or 115200');

export interface Rs485StringGroupConfig {
  bmsAddress: number;
  group: number;
}

const STRING_GROUP = /^(\d{1,2}):(\d)$/;
const STRINGS_HELP = 'must be <CAN address 0-15>:<RS485 group 0-7> pairs, e.g. 0:0 or 1:0,2:1';

/** `1:0,2:1` → which RS485 group (§3.5) each string, named by its CAN address, answers in. */
const rs485Strings = z.string().transform((text, ctx): Rs485StringGroupConfig[] => {
  const pairs = text.split(',').map((part) => STRING_GROUP.exec(part.trim()));
  const groups = pairs.map((m) => ({ bmsAddress: Number(m?.[1]), group: Number(m?.[2]) }));
  const bad = pairs.some((m) => m === null) || groups.some((g) => g.bmsAddress > 15 || g.group > 7);
  const unique = (values: number[]) => new Set(values).size === values.length;
  if (bad || !unique(groups.map((g) => g.bmsAddress)) || !unique(groups.map((g) => g.group))) {
    ctx.addIssue({ code: 'custom', message: `${STRINGS_HELP}, each address and group once` });
    return z.NEVER;
  }
  return groups;
});

export const CELL_SOURCES = ['auto', 'console', 'rs485', 'none'] as const;

/** The fields, given the endpoint schema agent-config.ts uses for --slcan. */
export function cellLinkFields<E extends z.ZodType>(endpoint: E) {
  return {
    rs485: endpoint.optional(),
    rs485Baud: baud.default(115_200),
    rs485Strings: rs485Strings.default([{ bmsAddress: 0, group: 0 }]),
    rs485TimeoutMs: int(50, 60_000).default(1000),
    console: endpoint.optional(),
    consoleBaud: baud.default(115_200),
    consoleString: int(0, 15).default(0),
    consoleTimeoutMs: int(100, 60_000).default(3000),
    // auto: the console if configured (per-cell temperatures too), else RS485, else none.
    cellSource: z.enum(CELL_SOURCES, { error: `must be one of ${CELL_SOURCES.join(', ')}` }).default('auto'),
  };
}

interface CellLinkChoice {
  rs485?: unknown;
  console?: unknown;
  slcan?: unknown;
  cellSource: (typeof CELL_SOURCES)[number];
}

/** A named source must be configured; one port cannot carry two protocols. */
export function refineCellLinks(c: CellLinkChoice, ctx: z.RefinementCtx): void {
  for (const link of ['console', 'rs485'] as const) {
    if (c.cellSource === link && c[link] === undefined) {
      ctx.addIssue({ code: 'custom', message: `is ${link} but --${link} is not set`, path: ['cellSource'] });
    }
  }
  const same = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
  if (same(c.rs485, c.console)) {
    ctx.addIssue({ code: 'custom', message: 'must not be the same port as --console', path: ['rs485'] });
  }
  for (const link of ['console', 'rs485'] as const) {
    if (same(c[link], c.slcan)) {
      ctx.addIssue({ code: 'custom', message: 'must not be the same port as --slcan', path: [link] });
    }
  }
}

export const CELL_LINK_OPTIONS = [
  {
    key: 'rs485',
    flag: '--rs485 <endpoint>',
    env: 'AGENT_RS485',
    help: 'RS485 V3.3 link for cell snapshots (0x42): serial device path or tcp://127.0.0.1:<port>',
  },
  {
    key: 'rs485Baud',
    flag: '--rs485-baud <baud>',
    env: 'AGENT_RS485_BAUD',
    help: 'RS485 baud rate (default 115200; 9600 when the battery’s DIP switch 1 is on)',
  },
  {
    key: 'rs485Strings',
    flag: '--rs485-strings <map>',
    env: 'AGENT_RS485_STRINGS',
    help: 'RS485 group of each string as <CAN address>:<group>, comma-separated (default 0:0)',
  },
  {
    key: 'rs485TimeoutMs',
    flag: '--rs485-timeout-ms <ms>',
    env: 'AGENT_RS485_TIMEOUT_MS',
    help: 'wait for a reply besides its time on the wire (default 1000)',
  },
  {
    key: 'console',
    flag: '--console <endpoint>',
    env: 'AGENT_CONSOLE',
    help: 'SC console for cell snapshots (bat): serial device path or tcp://127.0.0.1:<port>',
  },
  {
    key: 'consoleBaud',
    flag: '--console-baud <baud>',
    env: 'AGENT_CONSOLE_BAUD',
    help: 'console baud rate (default 115200)',
  },
  {
    key: 'consoleString',
    flag: '--console-string <address>',
    env: 'AGENT_CONSOLE_STRING',
    help: 'CAN address of the string whose BMS the console is (default 0)',
  },
  {
    key: 'consoleTimeoutMs',
    flag: '--console-timeout-ms <ms>',
    env: 'AGENT_CONSOLE_TIMEOUT_MS',
    help: 'wait for the prompt besides the response’s time on the wire (default 3000)',
  },
  {
    key: 'cellSource',
    flag: '--cell-source <source>',
    env: 'AGENT_CELL_SOURCE',
    help: 'auto (console if set, else rs485, else none), console, rs485 or none (default auto)',
  },
] as const;
