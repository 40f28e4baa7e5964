'use server';

import { callApi } from '../../lib/api/client';
import { requireSessionToken } from '../../lib/session';

/** What a browser's PushSubscription.toJSON() gives. */
export interface BrowserSubscription {
  endpoint?: string;
  keys?: { p256dh?: string; auth?: string };
}

/** Stores this browser's push subscription for the caller (POST /api/me/webpush-subscriptions). */
export async function subscribePush(subscription: BrowserSubscription): Promise<boolean> {
  const token = await requireSessionToken();
  const { endpoint, keys } = subscription;
  if (!endpoint || !keys?.p256dh || !keys.auth) {
    return false;
  }
  const body = { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } };
  const result = await callApi({ token }, (api) => api.POST('/api/me/webpush-subscriptions', { body }));
  return result.ok;
}
