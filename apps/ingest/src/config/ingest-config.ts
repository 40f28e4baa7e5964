import { hostname } from 'node:os';
import { consumers, subjectFilters } from '@fleet/telemetry';
import { z } from 'zod';

const NATS_NAME = /^[A-Za-z0-9_-]+$/;

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\/[^\s]+$/, 'must be a nats:// or tls:// URL')
    .default('nats://127.0.0.1:4222'),
  /**
   * JetStream replicas of the streams ingest creates or updates (3 on a clustered NATS). Unset:
   * new streams get 1 and existing streams keep theirs.
   */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).optional(),
  /** A NATS .creds file (user JWT + seed): required by a NATS in operator mode (infra/nats). */
  NATS_CREDS: z.string().min(1).optional(),
  INGEST_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  INGEST_CONSUMER: z
    .string()
    .regex(NATS_NAME, 'must be a JetStream durable name ([A-Za-z0-9_-])')
    .default(consumers.telemetryWriter),
  INGEST_FILTER_SUBJECT: z
    .string()
    .regex(/^bms\.v1\.tlm\.[^\s]+$/, 'must be a telemetry subject or wildcard (bms.v1.tlm.…)')
    .default(subjectFilters.telemetry),
  INGEST_FETCH_BATCH: z.coerce.number().int().min(1).max(10_000).default(2000),
  /** How long JetStream waits for an ack before redelivering; also bounds recovery after a crash. */
  INGEST_ACK_WAIT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /**
   * How long one pull request of the telemetry consumer lives (nats.js `consume`; idle heartbeats
   * every half of it). After a NATS node dies, a pull that went with it is noticed after two
   * missed heartbeats, so this bounds the pause before pulling from the new leader.
   */
  INGEST_PULL_EXPIRES_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  /** Redelivery delay after a transient database failure. */
  INGEST_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  // IoT bridge (off unless IOT_BRIDGE_URL is set): MQTT broker → JetStream, see src/iot-bridge.
  IOT_BRIDGE_URL: z
    .string()
    .regex(/^mqtts:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be mqtts://<host>[:<port>]')
    .optional(),
  IOT_BRIDGE_CERT: z.string().min(1).optional(),
  IOT_BRIDGE_KEY: z.string().min(1).optional(),
  IOT_BRIDGE_CA: z.string().min(1).optional(),
  IOT_BRIDGE_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,128}$/, 'must be 1-128 characters of A-Z, a-z, 0-9, _, : and -')
    .optional(),
  IOT_BRIDGE_GROUP: z.string().regex(NATS_NAME, 'must be a share name ([A-Za-z0-9_-])').default('ingest'),
  // Write path (apps/ingest README, "The write path").
  /** Messages written in one transaction (one COPY); also how many the consumer keeps in hand. */
  INGEST_STORE_BATCH: z.coerce.number().int().min(1).max(5_000).default(1000),
  /** Groups written at the same time (each its own transaction and connection). */
  INGEST_WRITE_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
  /** A group is written once no further message arrived for this long (or it is full). */
  INGEST_BATCH_IDLE_MS: z.coerce.number().int().min(0).max(10_000).default(10),
  /** How long a gateway's string ids are reused without asking the registry. 0 = no cache. */
  INGEST_STRING_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  // Rollups and retention (docs/architecture.md, "Rollups and retention"). 0 s = job off here.
  /** The rollup job runs this often; every ingest process may run it (they split the queue). */
  ROLLUP_EVERY_S: z.coerce.number().int().min(0).max(3600).default(30),
  /** Dirty (string, hour) pairs recomputed per transaction; a backfill loops until the queue is empty. */
  ROLLUP_MAX_HOURS: z.coerce.number().int().min(1).max(100_000).default(500),
  /** The retention job runs this often (and once at start). 0 = off in this process. */
  RETENTION_EVERY_H: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 7)
    .default(24),
  RETENTION_RAW_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
  RETENTION_ROLLUP_1M_DAYS: z.coerce.number().int().min(1).max(36_500).default(730),
  /** Above the TELEMETRY stream's 7-day max age, so no batch still in the stream can pass the ledger twice. */
  RETENTION_LEDGER_DAYS: z.coerce.number().int().min(8).max(36_500).default(30),
  // Alarm evaluation (src/alarms, apps/ingest README "Alarm evaluation").
  ALARMS_ENABLED: z.enum(['true', 'false']).default('true'),
  /** Durable consumer of the evaluator; default `ingest-alarms`, or `<INGEST_CONSUMER>-alarms` beside a custom writer. */
  ALARMS_CONSUMER: z.string().regex(NATS_NAME, 'must be a JetStream durable name ([A-Za-z0-9_-])').optional(),
  /** The sweep (stale subjects, delays elapsing without samples, escalation) runs this often. 0 = off. */
  ALARMS_SWEEP_EVERY_S: z.coerce.number().int().min(0).max(3600).default(15),
  /** How long effective rules are reused before their version is checked again. */
  ALARMS_RULE_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** An open alarm nobody acknowledged goes one tier up after this long (and again after as long). */
  ALARMS_ESCALATE_AFTER_S: z.coerce.number().int().min(1).max(604_800).default(3600),
  ALARMS_MAX_ESCALATION: z.coerce.number().int().min(0).max(10).default(2),
  /** How often a string / gateway is expected to report; staleness counts missed intervals of it. */
  ALARMS_STRING_INTERVAL_S: z.coerce.number().int().min(1).max(86_400).default(10),
  ALARMS_GATEWAY_INTERVAL_S: z.coerce.number().int().min(1).max(86_400).default(60),
  /** The outbox relay re-publishes events not yet in ALARMS this often (also right after each commit). */
  ALARMS_OUTBOX_EVERY_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
});

/** Every bad or missing variable of the bridge, named, when the bridge is enabled. */
const bridgeRequired = envSchema.superRefine((e, ctx) => {
  if (e.IOT_BRIDGE_URL === undefined) {
    return;
  }
  for (const name of ['IOT_BRIDGE_CERT', 'IOT_BRIDGE_KEY'] as const) {
    if (e[name] === undefined) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'is required when IOT_BRIDGE_URL is set' });
    }
  }
});

export interface IngestConfig {
  database: { url: string };
  nats: {
    url: string;
    consumer: string;
    filterSubject: string;
    fetchBatch: number;
    ackWaitMs: number;
    retryDelayMs: number;
    pullExpiresMs: number;
    /** undefined: leave replicas alone (1 for new streams). */
    streamReplicas: number | undefined;
    /** NATS_CREDS: connect with this user's credentials; undefined: no authentication. */
    credsPath?: string | undefined;
  };
  health: { port: number };
  /** Present only when IOT_BRIDGE_URL is set. */
  iotBridge?: IotBridgeConfig;
  log: { level: z.infer<typeof envSchema>['LOG_LEVEL']; pretty: boolean };
  write: { storeBatch: number; concurrency: number; batchIdleMs: number; stringCacheMs: number };
  /** everyS 0: this process runs no rollup job. */
  rollups: { everyS: number; maxHoursPerRun: number };
  /** everyHours 0: this process runs no retention job. Days per tier. */
  retention: { everyHours: number; rawDays: number; rollup1mDays: number; ledgerDays: number };
  alarms: AlarmsConfig;
}

export interface AlarmsConfig {
  enabled: boolean;
  consumer: string;
  /** Same filter as the writer: the evaluator reads the gateways this process writes. */
  filterSubject: string;
  sweepEveryS: number;
  ruleCacheMs: number;
  escalateAfterS: number;
  maxEscalationLevel: number;
  stringIntervalS: number;
  gatewayIntervalS: number;
  outboxEveryMs: number;
}

export interface IotBridgeConfig {
  url: string;
  certPath: string;
  keyPath: string;
  /** undefined = the system trust store. */
  caPath: string | undefined;
  /** Unique per bridge instance; the persistent session is keyed by it. */
  clientId: string;
  /** Shared-subscription group: instances of one group split the messages. */
  group: string;
}

/** Thrown at boot when the environment is unusable; names every bad variable, never a value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once, at boot (STYLE.md §13); everything else gets the typed config. */
export function loadIngestConfig(env: Record<string, string | undefined>): IngestConfig {
  const parsed = bridgeRequired.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const e = parsed.data;
  return {
    database: { url: e.DATABASE_URL },
    nats: {
      url: e.NATS_URL,
      consumer: e.INGEST_CONSUMER,
      filterSubject: e.INGEST_FILTER_SUBJECT,
      fetchBatch: e.INGEST_FETCH_BATCH,
      ackWaitMs: e.INGEST_ACK_WAIT_MS,
      retryDelayMs: e.INGEST_RETRY_DELAY_MS,
      pullExpiresMs: e.INGEST_PULL_EXPIRES_MS,
      streamReplicas: e.NATS_STREAM_REPLICAS,
      credsPath: e.NATS_CREDS,
    },
    health: { port: e.INGEST_HEALTH_PORT },
    ...(e.IOT_BRIDGE_URL === undefined
      ? {}
      : {
          iotBridge: {
            url: e.IOT_BRIDGE_URL,
            certPath: e.IOT_BRIDGE_CERT ?? '',
            keyPath: e.IOT_BRIDGE_KEY ?? '',
            caPath: e.IOT_BRIDGE_CA,
            clientId: e.IOT_BRIDGE_CLIENT_ID ?? `ingest-bridge-${hostname()}`,
            group: e.IOT_BRIDGE_GROUP,
          },
        }),
    log: { level: e.LOG_LEVEL, pretty: e.LOG_FORMAT === 'pretty' },
    write: {
      storeBatch: e.INGEST_STORE_BATCH,
      concurrency: e.INGEST_WRITE_CONCURRENCY,
      batchIdleMs: e.INGEST_BATCH_IDLE_MS,
      stringCacheMs: e.INGEST_STRING_CACHE_MS,
    },
    rollups: { everyS: e.ROLLUP_EVERY_S, maxHoursPerRun: e.ROLLUP_MAX_HOURS },
    retention: {
      everyHours: e.RETENTION_EVERY_H,
      rawDays: e.RETENTION_RAW_DAYS,
      rollup1mDays: e.RETENTION_ROLLUP_1M_DAYS,
      ledgerDays: e.RETENTION_LEDGER_DAYS,
    },
    alarms: {
      enabled: e.ALARMS_ENABLED === 'true',
      consumer:
        e.ALARMS_CONSUMER ??
        (e.INGEST_CONSUMER === consumers.telemetryWriter
          ? consumers.alarmEvaluator
          : `${e.INGEST_CONSUMER}-alarms`),
      filterSubject: e.INGEST_FILTER_SUBJECT,
      sweepEveryS: e.ALARMS_SWEEP_EVERY_S,
      ruleCacheMs: e.ALARMS_RULE_CACHE_MS,
      escalateAfterS: e.ALARMS_ESCALATE_AFTER_S,
      maxEscalationLevel: e.ALARMS_MAX_ESCALATION,
      stringIntervalS: e.ALARMS_STRING_INTERVAL_S,
      gatewayIntervalS: e.ALARMS_GATEWAY_INTERVAL_S,
      outboxEveryMs: e.ALARMS_OUTBOX_EVERY_MS,
    },
  };
}
