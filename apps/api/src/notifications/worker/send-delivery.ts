import type { ClaimedDelivery, DeliveryAttemptInput, DeliveryNext, NotificationChannelRow } from '@fleet/db';
import { alarmEventSchema } from '@fleet/telemetry';
import { nextRetryAt, type RetryPolicy } from '../domain/backoff.js';
import type { NotificationProvider, SendOutcome } from '../providers/notification-provider.js';
import { failure } from '../providers/notification-provider.js';

export interface SendDeps {
  channel: NotificationChannelRow | null;
  buildProvider: (channel: NotificationChannelRow) => Promise<NotificationProvider>;
  policy: RetryPolicy;
  timeoutMs: number;
  now: () => Date;
}

export interface SendResult {
  attempt: DeliveryAttemptInput;
  next: DeliveryNext;
  outcome: SendOutcome;
}

/**
 * One attempt of one delivery: build the provider, send under a timeout, and decide what comes
 * next: delivered, retry at a backed-off time, or dead (permanent failure or retry window spent).
 * Never throws: every failure becomes an attempt record.
 */
export async function sendDelivery(delivery: ClaimedDelivery, deps: SendDeps): Promise<SendResult> {
  const started = performance.now();
  const outcome = await attempt(delivery, deps);
  const durationMs = performance.now() - started;
  const base = { httpStatus: outcome.httpStatus, response: outcome.response, durationMs };
  if (outcome.ok) {
    return { outcome, attempt: { ...base, outcome: 'delivered' }, next: { status: 'delivered' } };
  }
  const retryAt = outcome.permanent
    ? null
    : nextRetryAt(delivery.attempts, delivery.createdAt, deps.now(), deps.policy);
  if (retryAt === null) {
    return { outcome, attempt: { ...base, outcome: 'dead' }, next: { status: 'dead', error: outcome.error } };
  }
  return {
    outcome,
    attempt: { ...base, outcome: 'failed' },
    next: { status: 'failed', nextAttemptAt: retryAt, error: outcome.error },
  };
}

async function attempt(delivery: ClaimedDelivery, deps: SendDeps): Promise<SendOutcome> {
  const { channel } = deps;
  if (!channel?.enabled) {
    return failure(channel ? 'channel disabled' : 'channel deleted', true);
  }
  const event = alarmEventSchema.safeParse(delivery.event);
  if (!event.success) {
    return failure('stored event does not match alarm.evt/1', true);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  try {
    const provider = await deps.buildProvider(channel);
    return await provider.send({ delivery, event: event.data, channel }, controller.signal);
  } catch (error) {
    return failure(error);
  } finally {
    clearTimeout(timer);
  }
}
