import type { DeliveryTarget, NotificationProvider, SendOutcome } from './notification-provider.js';
import { failure } from './notification-provider.js';
import { WebhookHostGuard } from './webhook-host-guard.js';
import { type WebhookFormat, webhookPayload } from './webhook-payload.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

/**
 * POSTs the event as JSON, signed. 2xx is delivered; 408, 429 and 5xx (and no answer) are
 * retried; any other 4xx is permanent (the receiver refuses this request and would again).
 */
export class WebhookProvider implements NotificationProvider {
  readonly id = 'webhook';

  constructor(
    private readonly secret: string,
    private readonly hostGuard: WebhookHostGuard = new WebhookHostGuard(false),
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(target: DeliveryTarget, signal: AbortSignal): Promise<SendOutcome> {
    const url = String(target.channel.config.url ?? '');
    const format = (target.channel.config.format ?? 'generic') as WebhookFormat;
    const body = JSON.stringify(webhookPayload(target.event, format));
    const timestamp = Math.floor(this.now().getTime() / 1000);
    // Checked before every send, not only when saved: a name can be re-pointed at a private address.
    const refused = await this.hostGuard.problem(url);
    if (refused !== null) {
      return { ok: false, permanent: true, httpStatus: null, response: null, error: `refused: ${refused}` };
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'fleet-notify/1',
          [SIGNATURE_HEADER]: signWebhook(this.secret, body, timestamp),
          [EVENT_ID_HEADER]: target.delivery.eventId,
        },
        body,
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      return failure(error instanceof Error && error.cause instanceof Error ? error.cause : error);
    }
    const text = (await response.text().catch(() => '')).slice(0, 500);
    if (response.ok) {
      return { ok: true, httpStatus: response.status, response: text || null };
    }
    const retry = response.status === 408 || response.status === 429 || response.status >= 500;
    return {
      ok: false,
      permanent: !retry,
      httpStatus: response.status,
      response: text || null,
      error: `HTTP ${response.status}`,
    };
  }
}
