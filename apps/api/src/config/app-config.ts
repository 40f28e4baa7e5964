import { z } from 'zod';
import { type NatsAccountConfig, natsAccountConfigOf, natsAccountEnvSchema } from './nats-account-config.js';
import { type NotifyConfig, notifyConfigOf, notifyEnvSchema } from './notify-config.js';

/** A duration like `12h`, `30m`, `45s` or `7d`, as seconds. */
const DURATION = /^(\d+)\s*([smhd])$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

function durationSeconds(value: string): number | undefined {
  const match = DURATION.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
  return seconds > 0 ? seconds : undefined;
}

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  AUTH_SECRET: z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'),
  AUTH_TOKEN_TTL: z
    .string()
    .default('12h')
    .transform((value, ctx) => {
      const seconds = durationSeconds(value);
      if (seconds === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration like 45s, 30m, 12h or 7d' });
        return z.NEVER;
      }
      return seconds;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  ...notifyEnvSchema,
  ...natsAccountEnvSchema,
  /** Base URL of the web app, for links in account mails (invitations, password resets). */
  WEB_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .default('http://localhost:3000'),
  /** Attempts per minute on login, TOTP, password reset and invitation accept, per email (or token). */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** The same per client IP; higher, since an office or a carrier NAT puts many people behind one. */
  AUTH_RATE_LIMIT_IP: z.coerce.number().int().min(1).default(30),
  /** Bearer token a Prometheus off this host presents for GET /metrics (loopback needs none). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Shared secret of the AWS IoT pre-provisioning hook (infra/aws); unset: POST /api/provisioning/check answers 503. */
  PROVISIONING_HOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});

export interface AppConfig {
  database: { url: string };
  http: { port: number };
  /** GET /metrics: served to loopback, and to callers with this bearer token when it is set. */
  metrics: { token?: string };
  /** The secret signs and verifies session tokens; it is never logged. */
  auth: { secret: string; tokenTtlSeconds: number };
  log: { level: z.infer<typeof envSchema>['LOG_LEVEL']; pretty: boolean };
  /** Notification fan-out (issue 7): the worker, SMTP, VAPID, retry policy. */
  notify: NotifyConfig;
  /** NATS_URL when set: alarm transitions made here are published to ALARMS right after commit. */
  nats: { url: string; credsPath?: string | undefined } | null;
  /** Account key that signs gateway NATS credentials (issue 8); null: the credentials route answers 503. */
  natsAccount: NatsAccountConfig | null;
  /** The AWS IoT pre-provisioning hook's bearer secret (issue 11); never logged. Unset: the route is off. */
  provisioning: { hookSecret?: string };
  /**
   * Accounts (issue 8): web base URL for mailed links, the per-minute attempt limits of the
   * public auth routes, and the key that seals TOTP secrets (NOTIFY_SECRET_KEY's, derived apart).
   */
  accounts: {
    webUrl: string;
    rateLimit: { perSubject: number; perIp: number; windowMs: number };
    totpKey: string;
  };
}

/** Thrown at boot when the environment is unusable; names every bad variable, never a value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once, at boot (STYLE.md §13). The only place that reads env vars;
 * everything else receives the typed `AppConfig`.
 */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const e = parsed.data;
  return {
    database: { url: e.DATABASE_URL },
    http: { port: e.API_PORT },
    metrics: e.METRICS_TOKEN ? { token: e.METRICS_TOKEN } : {},
    auth: { secret: e.AUTH_SECRET, tokenTtlSeconds: e.AUTH_TOKEN_TTL },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_FORMAT === 'pretty' },
    notify: notifyConfigOf(e, e.AUTH_SECRET),
    nats: e.NATS_URL ? { url: e.NATS_URL, credsPath: e.NATS_CREDS } : null,
    natsAccount: natsAccountConfigOf(e),
    provisioning: e.PROVISIONING_HOOK_SECRET ? { hookSecret: e.PROVISIONING_HOOK_SECRET } : {},
    accounts: {
      webUrl: e.WEB_URL.replace(/\/+$/, ''),
      rateLimit: { perSubject: e.AUTH_RATE_LIMIT, perIp: e.AUTH_RATE_LIMIT_IP, windowMs: 60_000 },
      totpKey: `totp:${e.NOTIFY_SECRET_KEY ?? `notify-secret:${e.AUTH_SECRET}`}`,
    },
  };
}
