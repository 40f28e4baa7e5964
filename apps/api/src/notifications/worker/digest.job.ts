import {
  DEFAULT_USER_LOCALE,
  type NotificationDeliveryRepository,
  type NotificationPreferenceRepository,
} from '@fleet/db';
import { alarmEventSchema } from '@fleet/telemetry';
import type { Logger } from 'pino';
import type { NotifyConfig } from '../../config/notify-config.js';
import { digestDue } from '../domain/digest-due.js';
import { digestEmail } from '../providers/email-content.js';
import type { RecipientLocales } from '../providers/provider-registry.js';
import { sendMail } from '../providers/smtp-mailer.js';

/**
 * Daily digest per person: at their digest time (their zone), everything held during quiet hours
 * goes out as one email and those deliveries become delivered with a `digest` attempt. A failed
 * send leaves them held and the digest due, so the next run tries again.
 */
export class DigestJob {
  constructor(
    private readonly config: NotifyConfig,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly logger: Logger,
    private readonly people?: RecipientLocales,
  ) {}

  /** Returns how many digests went out. */
  async runOnce(now: Date = new Date()): Promise<number> {
    const smtp = this.config.smtp;
    if (!smtp) {
      return 0;
    }
    let sent = 0;
    for (const person of await this.preferences.digestPeople()) {
      if (!person.digestAt || !digestDue(now, person.digestAt, person.timezone, person.lastDigestAt)) {
        continue;
      }
      const held = await this.deliveries.held(person.userId);
      const events = held.flatMap((h) => {
        const parsed = alarmEventSchema.safeParse(h.event);
        return parsed.success ? [parsed.data] : [];
      });
      if (held.length > 0) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), this.config.sendTimeoutMs);
        const started = performance.now();
        const locale =
          (await this.people?.locales([person.userId]))?.get(person.userId) ?? DEFAULT_USER_LOCALE;
        const result = await sendMail(
          smtp.url,
          { ...digestEmail(person.name, events, locale), from: smtp.from, to: person.email },
          controller.signal,
        ).finally(() => clearTimeout(timer));
        if (!result.ok) {
          this.logger.warn({ userId: person.userId, error: result.error }, 'digest send failed');
          continue;
        }
        await this.deliveries.markDigested(
          held.map((h) => h.id),
          performance.now() - started,
          result.response,
        );
        sent += 1;
      }
      await this.preferences.markDigestSent(person.userId, now);
    }
    return sent;
  }
}
