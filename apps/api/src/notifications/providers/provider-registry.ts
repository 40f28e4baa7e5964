import {
  type ClaimedDelivery,
  DEFAULT_USER_LOCALE,
  type NotificationChannelRow,
  type NotificationPreferenceRepository,
  type UserLocale,
} from '@fleet/db';
import type { NotifyConfig } from '../../config/notify-config.js';
import type { SecretBox } from '../secret-box.js';
import { EmailProvider } from './email.provider.js';
import type { NotificationProvider } from './notification-provider.js';
import { WebhookProvider } from './webhook.provider.js';
import { WebhookHostGuard } from './webhook-host-guard.js';
import { WebpushProvider } from './webpush.provider.js';

/** Why no provider could be built; the delivery is retried (config may be fixed meanwhile). */
export class ProviderUnavailable extends Error {}

/** The languages of people by id (UserRepository.locales): mails go out in the recipient's. */
export interface RecipientLocales {
  locales(userIds: readonly string[]): Promise<Map<string, UserLocale>>;
}

/**
 * Builds a fresh provider for each delivery from its channel kind (STYLE.md §19): no provider
 * instance, transport or secret outlives the delivery it was built for.
 */
export class ProviderRegistry {
  private readonly hostGuard: WebhookHostGuard;

  constructor(
    private readonly config: NotifyConfig,
    private readonly secrets: SecretBox,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly people?: RecipientLocales,
  ) {
    this.hostGuard = new WebhookHostGuard(config.webhookPrivate);
  }

  /** Why a webhook URL may not be saved (a private or loopback host), or null. */
  webhookUrlProblem(url: string): string | null {
    return this.hostGuard.literalProblem(url);
  }

  async build(channel: NotificationChannelRow, delivery: ClaimedDelivery): Promise<NotificationProvider> {
    switch (channel.kind) {
      case 'webhook':
        if (!channel.secretEnc) {
          throw new ProviderUnavailable('webhook channel has no secret');
        }
        return new WebhookProvider(this.secrets.open(channel.secretEnc), this.hostGuard);
      case 'email':
        if (!this.config.smtp) {
          throw new ProviderUnavailable('NOTIFY_SMTP_URL is not configured');
        }
        return new EmailProvider(this.config.smtp, await this.localeOf(delivery.userId));
      case 'webpush': {
        if (!this.config.vapid) {
          throw new ProviderUnavailable('VAPID keys are not configured');
        }
        const subscription = await this.preferences.findSubscription(
          delivery.recipient.replace(/^push:/, ''),
        );
        return new WebpushProvider(this.config.vapid, subscription, this.config.sendTimeoutMs);
      }
    }
  }

  /** The recipient's language; English for an address of a channel no person stands behind. */
  private async localeOf(userId: string | null): Promise<UserLocale> {
    if (userId === null || !this.people) {
      return DEFAULT_USER_LOCALE;
    }
    return (await this.people.locales([userId])).get(userId) ?? DEFAULT_USER_LOCALE;
  }
}
