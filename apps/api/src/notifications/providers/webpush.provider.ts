import type { WebpushSubscriptionRow } from '@fleet/db';
import webPush from 'web-push';
import { alarmHeadline } from './alarm-text.js';
import type { DeliveryTarget, NotificationProvider, SendOutcome } from './notification-provider.js';
import { failure } from './notification-provider.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and an aes128gcm-encrypted payload, via `web-push`.
 * The push service answering 404/410 means the browser dropped the subscription: permanent,
 * and the caller forgets it.
 */
export class WebpushProvider implements NotificationProvider {
  readonly id = 'webpush';

  constructor(
    private readonly vapid: VapidKeys,
    private readonly subscription: WebpushSubscriptionRow | null,
    private readonly timeoutMs: number,
  ) {}

  async send(target: DeliveryTarget, signal: AbortSignal): Promise<SendOutcome> {
    if (!this.subscription) {
      return failure('subscription no longer exists', true);
    }
    const e = target.event;
    const payload = JSON.stringify({
      title: alarmHeadline(e),
      body: `${e.code} · ${e.status}`,
      alarmId: e.alarmId,
      seq: e.seq,
      severity: e.severity,
    });
    if (signal.aborted) {
      return failure('push send timed out');
    }
    try {
      const result = await webPush.sendNotification(
        {
          endpoint: this.subscription.endpoint,
          keys: { p256dh: this.subscription.p256dh, auth: this.subscription.auth },
        },
        payload,
        {
          vapidDetails: this.vapid,
          TTL: 24 * 3600,
          timeout: this.timeoutMs,
          urgency: e.severity === 'critical' ? 'high' : 'normal',
        },
      );
      return { ok: true, httpStatus: result.statusCode, response: result.body?.slice(0, 500) || null };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode ?? null;
      const message = error instanceof Error ? error.message : String(error);
      return failure(
        status ? `HTTP ${status}: ${message}` : message,
        status === 404 || status === 410,
        status,
      );
    }
  }
}
