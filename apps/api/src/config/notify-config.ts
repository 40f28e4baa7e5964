import { z } from 'zod';

// Environment of the notification fan-out (issue 7). Parsed together with the rest of the api's
// environment by loadConfig, so every bad variable is named in one error at boot.

const MS = /^(\d+)\s*(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function duration(fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const match = MS.exec(value.trim());
      const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : 0;
      if (ms <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration like 500ms, 45s, 30m, 12h or 1d' });
        return z.NEVER;
      }
      return ms;
    });
}

export const notifyEnvSchema = {
  /** JetStream server of the ALARMS stream; without it the worker does not start. */
  NATS_URL: z.url({ protocol: /^(nats|tls)$/, error: 'must be a nats:// URL' }).optional(),
  /** A NATS .creds file for every NATS connection of the api (a NATS in operator mode, infra/nats). */
  NATS_CREDS: z.string().min(1).optional(),
  /** `off` runs the HTTP api without the delivery worker (another process runs it). */
  NOTIFY_WORKER: z.enum(['on', 'off']).default('on'),
  NOTIFY_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  NOTIFY_MAIL_FROM: z.string().default('Fleet alarms <alarms@fleet.invalid>'),
  NOTIFY_VAPID_PUBLIC_KEY: z.string().optional(),
  NOTIFY_VAPID_PRIVATE_KEY: z.string().optional(),
  NOTIFY_VAPID_SUBJECT: z.string().default('mailto:alarms@fleet.invalid'),
  /** Key that seals webhook secrets at rest; defaults to one derived from AUTH_SECRET. */
  NOTIFY_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  NOTIFY_RETRY_BASE: duration('10s'),
  NOTIFY_RETRY_MAX: duration('1h'),
  /** After this long since the notice was created, a failing delivery is given up (`dead`). */
  NOTIFY_RETRY_WINDOW: duration('24h'),
  NOTIFY_SEND_TIMEOUT: duration('15s'),
  NOTIFY_LEASE: duration('2m'),
  NOTIFY_POLL: duration('1s'),
  /**
   * `deny` (default) refuses webhooks to loopback, private and link-local addresses (SSRF);
   * `allow` for tests and on-premises installs whose receivers are on a private network.
   */
  NOTIFY_WEBHOOK_PRIVATE: z.enum(['allow', 'deny']).default('deny'),
  NOTIFY_CONSUMER: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
};

type NotifyEnv = z.infer<z.ZodObject<typeof notifyEnvSchema>>;

export interface NotifyConfig {
  /** Null when the worker is off or no NATS server is configured. */
  worker: { natsUrl: string; natsCredsPath?: string | undefined; consumer: string | undefined } | null;
  smtp: { url: string; from: string } | null;
  vapid: { publicKey: string; privateKey: string; subject: string } | null;
  secretKey: string;
  retry: { baseMs: number; maxMs: number; windowMs: number };
  sendTimeoutMs: number;
  leaseMs: number;
  pollMs: number;
  /** Webhooks may go to private addresses (NOTIFY_WEBHOOK_PRIVATE=allow). */
  webhookPrivate: boolean;
}

export function notifyConfigOf(e: NotifyEnv, authSecret: string): NotifyConfig {
  const vapid =
    e.NOTIFY_VAPID_PUBLIC_KEY && e.NOTIFY_VAPID_PRIVATE_KEY
      ? {
          publicKey: e.NOTIFY_VAPID_PUBLIC_KEY,
          privateKey: e.NOTIFY_VAPID_PRIVATE_KEY,
          subject: e.NOTIFY_VAPID_SUBJECT,
        }
      : null;
  return {
    worker:
      e.NOTIFY_WORKER === 'on' && e.NATS_URL
        ? { natsUrl: e.NATS_URL, natsCredsPath: e.NATS_CREDS, consumer: e.NOTIFY_CONSUMER }
        : null,
    smtp: e.NOTIFY_SMTP_URL ? { url: e.NOTIFY_SMTP_URL, from: e.NOTIFY_MAIL_FROM } : null,
    vapid,
    secretKey: e.NOTIFY_SECRET_KEY ?? `notify-secret:${authSecret}`,
    retry: { baseMs: e.NOTIFY_RETRY_BASE, maxMs: e.NOTIFY_RETRY_MAX, windowMs: e.NOTIFY_RETRY_WINDOW },
    sendTimeoutMs: e.NOTIFY_SEND_TIMEOUT,
    leaseMs: e.NOTIFY_LEASE,
    pollMs: e.NOTIFY_POLL,
    webhookPrivate: e.NOTIFY_WEBHOOK_PRIVATE === 'allow',
  };
}
