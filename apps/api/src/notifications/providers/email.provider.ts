import type { UserLocale } from '@fleet/db';
import { alarmEmail } from './email-content.js';
import type { DeliveryTarget, NotificationProvider, SendOutcome } from './notification-provider.js';
import { sendMail } from './smtp-mailer.js';

/**
 * One alarm notice to one address (`mailto:<address>` recipient) over the configured SMTP server,
 * in the recipient's language (the person's locale; English for an address no person stands behind).
 */
export class EmailProvider implements NotificationProvider {
  readonly id = 'smtp';

  constructor(
    private readonly smtp: { url: string; from: string },
    private readonly locale: UserLocale = 'en',
  ) {}

  async send(target: DeliveryTarget, signal: AbortSignal): Promise<SendOutcome> {
    const to = target.delivery.recipient.replace(/^mailto:/, '');
    const result = await sendMail(
      this.smtp.url,
      { ...alarmEmail(target.event, this.locale), from: this.smtp.from, to },
      signal,
    );
    return result.ok
      ? { ok: true, httpStatus: null, response: result.response }
      : {
          ok: false,
          permanent: result.permanent,
          httpStatus: null,
          response: result.response,
          error: result.error,
        };
  }
}
