import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import type { EmailContent } from '../notifications/providers/email-content.js';
import { sendMail } from '../notifications/providers/smtp-mailer.js';

/**
 * Account mails (invitations, password resets) over the notifications' SMTP transport and
 * settings (NOTIFY_SMTP_URL, NOTIFY_MAIL_FROM). Without SMTP configured nothing is sent and the
 * caller learns so; the link is never logged, since it is a credential.
 */
@Injectable()
export class AccountMailer {
  private readonly logger: Logger;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'account-mailer' });
  }

  /** The web app's page for a mailed token. */
  link(page: 'accept-invite' | 'reset-password', token: string): string {
    return `${this.config.accounts.webUrl}/${page}?token=${encodeURIComponent(token)}`;
  }

  /** true when the SMTP server took the message. */
  async send(to: string, content: EmailContent, kind: string): Promise<boolean> {
    const smtp = this.config.notify.smtp;
    if (!smtp) {
      this.logger.warn({ kind }, 'no SMTP server configured (NOTIFY_SMTP_URL); account mail not sent');
      return false;
    }
    const result = await sendMail(
      smtp.url,
      { ...content, from: smtp.from, to },
      AbortSignal.timeout(this.config.notify.sendTimeoutMs),
    );
    if (!result.ok) {
      this.logger.error({ kind, error: result.error, response: result.response }, 'account mail failed');
    }
    return result.ok;
  }
}
