import { alarmEmail } from './email-content.js';
import type { DeliveryTarget, NotificationProvider, SendOutcome } from './notification-provider.js';
import { sendMail } from './smtp-mailer.js';

/** One alarm notice to one address (`mailto:<address>` recipient) over the configured SMTP server. */
export class EmailProvider implements NotificationProvider {
  readonly id = 'smtp';

  constructor(private readonly smtp: { url: string; from: string }) {}

  async send(target: DeliveryTarget, signal: AbortSignal): Promise<SendOutcome> {
    const to = target.delivery.recipient.replace(/^mailto:/, '');
    const result = await sendMail(
      this.smtp.url,
      { ...alarmEmail(target.event), from: this.smtp.from, to },
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
