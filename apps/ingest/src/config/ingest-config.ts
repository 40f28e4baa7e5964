import { consumers, subjectFilters } from '@fleet/telemetry';
import { z } from 'zod';

const NATS_NAME = /^[A-Za-z0-9_-]+$/;

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\/[^\s]+$/, 'must be a nats:// or tls:// URL')
    .default('nats://127.0.0.1:4222'),
  INGEST_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  INGEST_CONSUMER: z
    .string()
    .regex(NATS_NAME, 'must be a JetStream durable name ([A-Za-z0-9_-])')
    .default(consumers.telemetryWriter),
  INGEST_FILTER_SUBJECT: z
    .string()
    .regex(/^bms\.v1\.tlm\.[^\s]+$/, 'must be a telemetry subject or wildcard (bms.v1.tlm.…)')
    .default(subjectFilters.telemetry),
  INGEST_FETCH_BATCH: z.coerce.number().int().min(1).max(10_000).default(100),
  /** How long JetStream waits for an ack before redelivering; also bounds recovery after a crash. */
  INGEST_ACK_WAIT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /** Redelivery delay after a transient database failure. */
  INGEST_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
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
  };
  health: { port: number };
  log: { level: z.infer<typeof envSchema>['LOG_LEVEL']; pretty: boolean };
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
  const parsed = envSchema.safeParse(env);
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
    },
    health: { port: e.INGEST_HEALTH_PORT },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_FORMAT === 'pretty' },
  };
}
