// Agent configuration: one schema, fed from CLI flags (first) and AGENT_* / NATS_URL variables.
import { GATEWAY_ID_PATTERN } from '@fleet/telemetry';
import { z } from 'zod';
import { CAN_LINK_OPTIONS, canLinkFields, canLinkRefinable, refineCanLink } from './can-link.config.js';
import { CELL_LINK_OPTIONS, cellLinkFields, refineCellLinks } from './cell-links.config.js';

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be ${min}..${max}`)
    .max(max, `must be ${min}..${max}`);

/** The gateway id of an agent that is not claimed yet (never valid as a real id). */
export const UNCLAIMED_GATEWAY_ID = '(unclaimed)';

export type SlcanEndpoint = { kind: 'serial'; path: string } | { kind: 'tcp'; host: string; port: number };

const TCP_URL = /^tcp:\/\/([^:/\s]+):(\d{1,5})$/;

const slcanEndpoint = z
  .string({ error: 'is required: a serial device path or tcp://127.0.0.1:<port>' })
  .min(1, 'is required: a serial device path or tcp://127.0.0.1:<port>')
  .transform((text, ctx): SlcanEndpoint => {
    if (!text.startsWith('tcp:')) {
      return { kind: 'serial', path: text };
    }
    const match = TCP_URL.exec(text);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65_535) {
      ctx.addIssue({ code: 'custom', message: 'must look like tcp://127.0.0.1:3110' });
      return z.NEVER;
    }
    return { kind: 'tcp', host: match[1] ?? '127.0.0.1', port };
  });

export const agentConfigSchema = z
  .object({
    // Optional only with enrolApi: an unclaimed gateway learns its id when an installer claims it.
    gatewayId: z
      .string({ error: 'is required' })
      .regex(GATEWAY_ID_PATTERN, 'must be 3-64 characters of a-z, 0-9 and "-"')
      .optional(),
    // Self-enrolment (issue 10): the cloud API the agent polls until its claim code is claimed.
    enrolApi: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be a URL such as https://fleet.example.com')
      .optional(),
    // Seconds between enrolment polls (the API's Retry-After wins when it rate-limits).
    enrolPollS: int(1, 3600).default(10),
    // Where the gateway key (gateway.nk), gateway.creds and enrolment.json are kept.
    dataDir: z.string().min(1).default('/var/lib/fleet-agent'),
    // Exactly one of slcan and can (refineCanLink).
    slcan: slcanEndpoint.optional(),
    ...canLinkFields,
    busName: z.string().min(1).max(32, 'must be at most 32 characters').default('can0'),
    // active: the agent polls 0x4200 itself (it is the only master). listen-only: the inverter
    // polls and the agent never transmits; the safe choice on a bus with an inverter. The default
    // stays active because `npm start` and the e2e tests have the agent poll the simulator.
    mode: z.enum(['active', 'listen-only'], { error: 'must be active or listen-only' }).default('active'),
    natsUrl: z
      .string()
      .regex(/^(nats|tls|wss?):\/\/\S+$/, 'must be a URL such as nats://127.0.0.1:4222')
      .default('nats://127.0.0.1:4222'),
    // The gateway's NATS user: a .creds file (user JWT + nkey seed); the account's permissions
    // let it publish only under its own id. Unset: no credentials (local servers, tests).
    natsCreds: z.string().min(1).optional(),
    pollMs: int(100, 3_600_000).default(2000),
    replyWindowMs: int(20, 60_000).default(400),
    discoverMs: int(10_000, 86_400_000).default(300_000),
    queueMax: int(1, 1_000_000).default(1000),
    spool: z.string().min(1, 'must be a file path or "memory"').default('/var/lib/fleet-agent/spool.db'),
    spoolMaxMb: int(1, 1_000_000).default(512),
    replayRate: z.coerce
      .number({ error: 'must be a number' })
      .min(0.1, 'must be 0.1..10000 batches per second')
      .max(10_000, 'must be 0.1..10000 batches per second')
      .default(10),
    // Sampling plan: the preset the agent starts from, changed by the plan file (which the cloud's
    // plan.set command rewrites). default = report-by-exception; live = every reading at once.
    plan: z.enum(['default', 'live'], { error: 'must be default or live' }).default('default'),
    planFile: z.string().min(1).optional(),
    heartbeatS: int(5, 3600).default(60),
    // 0: any free port (logged at start); several agents on one host (demo) each take one.
    statusPort: int(0, 65_535).default(9180),
    // HMAC key signing command replies; a secret: never logged, never in config.get.
    commandKey: z.string().min(16, 'must be at least 16 characters').optional(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Uplink: NATS JetStream (default) or AWS IoT Core over MQTT5 + mutual TLS.
    uplink: z.enum(['nats', 'iot-core'], { error: 'must be nats or iot-core' }).default('nats'),
    iotEndpoint: z
      .string()
      .regex(/^[A-Za-z0-9.-]+$/, 'must be a host name such as abc123-ats.iot.eu-central-1.amazonaws.com')
      .optional(),
    iotPort: int(1, 65_535).default(8883),
    iotCert: z.string().min(1).optional(),
    iotKey: z.string().min(1).optional(),
    iotCa: z.string().min(1).optional(),
    ...cellLinkFields(slcanEndpoint),
  })
  .refine((c) => c.replyWindowMs < c.pollMs, {
    message: 'the reply window must be shorter than the poll interval',
    path: ['replyWindowMs'],
  })
  .superRefine((c, ctx) => {
    if (c.uplink !== 'iot-core') {
      return;
    }
    for (const key of ['iotEndpoint', 'iotCert', 'iotKey'] as const) {
      if (c[key] === undefined) {
        ctx.addIssue({ code: 'custom', message: 'is required with --uplink iot-core', path: [key] });
      }
    }
  })
  .superRefine(refineCellLinks)
  // Runs even when other fields failed, so a missing CAN link is listed with them.
  .superRefine(refineCanLink, { when: canLinkRefinable })
  .superRefine(
    (c, ctx) => {
      if (c.gatewayId === undefined && c.enrolApi === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'is required (or --enrol-api <url> to enrol this gateway)',
          path: ['gatewayId'],
        });
      }
    },
    { when: canLinkRefinable },
  )
  // Until it is claimed the agent has no id; the placeholder fails GATEWAY_ID_PATTERN on purpose,
  // so it can never be mistaken for a real gateway (start-decision.ts replaces it).
  .transform((c) => ({ ...c, gatewayId: c.gatewayId ?? UNCLAIMED_GATEWAY_ID }));

export type AgentConfig = z.infer<typeof agentConfigSchema>;

/** Every option with its flag and variable, as data: commander and error messages use it. */
export const AGENT_OPTIONS = [
  {
    key: 'config',
    flag: '--config <file>',
    env: 'AGENT_CONFIG',
    help: 'JSON config file with any of these options as camelCase keys (flags and variables win over it)',
  },
  {
    key: 'gatewayId',
    flag: '--gateway-id <id>',
    env: 'AGENT_GATEWAY_ID',
    help: 'this gateway’s id (lower-case a-z, 0-9, -)',
  },
  {
    key: 'enrolApi',
    flag: '--enrol-api <url>',
    env: 'AGENT_ENROL_API',
    help: 'cloud API to enrol with while the data dir holds no credentials (shows the claim code on the status page)',
  },
  {
    key: 'enrolPollS',
    flag: '--enrol-poll-s <seconds>',
    env: 'AGENT_ENROL_POLL_S',
    help: 'seconds between enrolment polls while not claimed (default 10)',
  },
  {
    key: 'dataDir',
    flag: '--data-dir <dir>',
    env: 'AGENT_DATA_DIR',
    help: 'where the gateway key, gateway.creds and enrolment.json are kept (default /var/lib/fleet-agent)',
  },
  {
    key: 'slcan',
    flag: '--slcan <endpoint>',
    env: 'AGENT_SLCAN',
    help: 'SLCAN adapter: serial device path or tcp://127.0.0.1:<port> (or --can for SocketCAN)',
  },
  {
    key: 'busName',
    flag: '--bus-name <name>',
    env: 'AGENT_BUS_NAME',
    help: 'bus name put in every sample (default can0)',
  },
  {
    key: 'mode',
    flag: '--mode <mode>',
    env: 'AGENT_MODE',
    help: 'active (HV: poll 0x4200; LV: send the 0x305 keep-alive; only master on the bus) or listen-only (never transmit; the inverter polls) (default active)',
  },
  {
    key: 'natsUrl',
    flag: '--nats-url <url>',
    env: 'NATS_URL',
    help: 'NATS server (default nats://127.0.0.1:4222)',
  },
  {
    key: 'natsCreds',
    flag: '--nats-creds <file>',
    env: 'AGENT_NATS_CREDS',
    help: 'NATS credentials file (.creds: the gateway user’s JWT + nkey seed; mode 0600)',
  },
  {
    key: 'pollMs',
    flag: '--poll-ms <ms>',
    env: 'AGENT_POLL_MS',
    help: 'interval between 0x4200 polls (default 2000)',
  },
  {
    key: 'replyWindowMs',
    flag: '--reply-window-ms <ms>',
    env: 'AGENT_REPLY_WINDOW_MS',
    help: 'how long replies are collected after a poll (default 400)',
  },
  {
    key: 'discoverMs',
    flag: '--discover-ms <ms>',
    env: 'AGENT_DISCOVER_MS',
    help: 'interval between system-info polls (default 300000)',
  },
  {
    key: 'queueMax',
    flag: '--queue-max <n>',
    env: 'AGENT_QUEUE_MAX',
    help: 'with --spool memory: batches held; beyond it the drop policy applies (default 1000)',
  },
  {
    key: 'spool',
    flag: '--spool <path>',
    env: 'AGENT_SPOOL',
    help: 'SQLite spool file, or "memory" (tests: lost on restart) (default /var/lib/fleet-agent/spool.db)',
  },
  {
    key: 'spoolMaxMb',
    flag: '--spool-max-mb <mb>',
    env: 'AGENT_SPOOL_MAX_MB',
    help: 'spool quota; beyond it oldest cell snapshots, then pack samples, then events are dropped (default 512)',
  },
  {
    key: 'replayRate',
    flag: '--replay-rate <n>',
    env: 'AGENT_REPLAY_RATE',
    help: 'batches per second replayed from the backlog after an outage or restart (default 10)',
  },
  {
    key: 'plan',
    flag: '--plan <preset>',
    env: 'AGENT_PLAN',
    help: 'sampling plan preset: default (report-by-exception, 60 s batches) or live (every reading at once)',
  },
  {
    key: 'planFile',
    flag: '--plan-file <path>',
    env: 'AGENT_PLAN_FILE',
    help: 'JSON plan changes over the preset; rewritten when the cloud sets a plan (plan.set)',
  },
  {
    key: 'heartbeatS',
    flag: '--heartbeat-s <s>',
    env: 'AGENT_HEARTBEAT_S',
    help: 'seconds between heartbeats on bms.v1.hb.<gatewayId> (default 60)',
  },
  {
    key: 'statusPort',
    flag: '--status-port <port>',
    env: 'AGENT_STATUS_PORT',
    help: 'local status endpoint on 127.0.0.1 (GET /status, /health); 0 = any free port (default 9180)',
  },
  {
    key: 'commandKey',
    flag: '--command-key <key>',
    env: 'AGENT_COMMAND_KEY',
    help: 'HMAC-SHA256 key that signs command replies (secret: prefer the variable or the config file)',
  },
  { key: 'logLevel', flag: '--log-level <level>', env: 'AGENT_LOG_LEVEL', help: 'pino level (default info)' },
  {
    key: 'uplink',
    flag: '--uplink <kind>',
    env: 'AGENT_UPLINK',
    help: 'nats (JetStream, default) or iot-core (AWS IoT Core, MQTT5 + mTLS)',
  },
  {
    key: 'iotEndpoint',
    flag: '--iot-endpoint <host>',
    env: 'AGENT_IOT_ENDPOINT',
    help: 'IoT Core device data endpoint (aws iot describe-endpoint --endpoint-type iot:Data-ATS)',
  },
  {
    key: 'iotPort',
    flag: '--iot-port <port>',
    env: 'AGENT_IOT_PORT',
    help: 'MQTT over TLS port (default 8883)',
  },
  { key: 'iotCert', flag: '--iot-cert <path>', env: 'AGENT_IOT_CERT', help: 'the thing certificate (PEM)' },
  { key: 'iotKey', flag: '--iot-key <path>', env: 'AGENT_IOT_KEY', help: 'the thing private key (PEM)' },
  {
    key: 'iotCa',
    flag: '--iot-ca <path>',
    env: 'AGENT_IOT_CA',
    help: 'CA bundle to trust (AmazonRootCA1.pem); default the system trust store',
  },
  ...CELL_LINK_OPTIONS,
  ...CAN_LINK_OPTIONS,
] as const satisfies readonly {
  key: keyof AgentConfig | 'config';
  flag: string;
  env: string;
  help: string;
}[];
