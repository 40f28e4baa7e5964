import type { ClaimedDelivery, NotificationChannelRow } from '@fleet/db';
import type { AlarmEvent } from '@fleet/telemetry';

/** One delivery as a provider sees it. */
export interface DeliveryTarget {
  delivery: ClaimedDelivery;
  event: AlarmEvent;
  channel: NotificationChannelRow;
}

/** What one attempt did. `permanent` failures are not retried (bad address, subscription gone). */
export type SendOutcome =
  | { ok: true; httpStatus: number | null; response: string | null }
  | { ok: false; permanent: boolean; httpStatus: number | null; response: string | null; error: string };

/**
 * A channel's way out (STYLE.md §19): one class per vendor/protocol, built fresh for every
 * delivery by the registry, so no state leaks between deliveries or channels.
 */
export interface NotificationProvider {
  readonly id: 'smtp' | 'webhook' | 'webpush';
  /** Must give up when `signal` aborts (the per-send timeout). */
  send(target: DeliveryTarget, signal: AbortSignal): Promise<SendOutcome>;
}

export function failure(error: unknown, permanent = false, httpStatus: number | null = null): SendOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, permanent, httpStatus, response: null, error: message };
}
