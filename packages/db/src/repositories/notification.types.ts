// Row shapes of the notification tables (issue 7 fan-out), shared by the three repositories.

export type NotificationChannelKind = 'email' | 'webhook' | 'webpush';

export interface NotificationChannelRow {
  id: string;
  tenantId: string;
  kind: NotificationChannelKind;
  name: string;
  /** webhook `{ url, format }`, email `{ to: string[] }`, webpush `{}`; validated by the api. */
  config: Record<string, unknown>;
  /** Sealed webhook secret (the api seals and opens it); never leaves the api in a response. */
  secretEnc: string | null;
  enabled: boolean;
  createdAt: Date;
}

export interface NotificationPreferenceRow {
  userId: string;
  channelIds: string[];
  minSeverity: string;
  /** `HH:MM` in `timezone`; both set or both null. */
  quietStart: string | null;
  quietEnd: string | null;
  timezone: string;
  /** `HH:MM` in `timezone` when the daily digest goes out; null = no digest. */
  digestAt: string | null;
  lastDigestAt: Date | null;
}

export interface WebpushSubscriptionRow {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A person of the tenant with preferences, as the fan-out planner sees them. */
export interface NotificationPerson {
  userId: string;
  email: string;
  name: string;
  preference: NotificationPreferenceRow;
  subscriptions: WebpushSubscriptionRow[];
}

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed' | 'dead' | 'held';

export interface NewDelivery {
  tenantId: string;
  channelId: string;
  eventId: string;
  alarmId: string;
  seq: number;
  recipient: string;
  userId: string | null;
  event: unknown;
  status: 'pending' | 'held';
  nextAttemptAt: Date;
}

/** A delivery claimed by a scheduler, with what its provider needs. */
export interface ClaimedDelivery {
  id: string;
  tenantId: string;
  channelId: string;
  eventId: string;
  alarmId: string;
  seq: number;
  recipient: string;
  userId: string | null;
  event: unknown;
  attempts: number;
  createdAt: Date;
}

export interface DeliveryAttemptInput {
  outcome: 'delivered' | 'failed' | 'dead' | 'digest';
  httpStatus: number | null;
  /** SMTP response line or the start of the HTTP body, cut to 500 characters. */
  response: string | null;
  durationMs: number;
}

export type DeliveryNext =
  | { status: 'delivered' }
  | { status: 'failed'; nextAttemptAt: Date; error: string }
  | { status: 'dead'; error: string };

export interface DeliveryView {
  id: string;
  channelId: string;
  channelKind: NotificationChannelKind;
  channelName: string;
  eventId: string;
  seq: number;
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface AttemptView {
  deliveryId: string;
  at: Date;
  outcome: string;
  httpStatus: number | null;
  response: string | null;
  durationMs: number;
}
