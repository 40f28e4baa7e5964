import type { NewDelivery, NotificationChannelRow, NotificationPerson } from '@fleet/db';
import { type AlarmEvent, type AlarmSeverity, alarmEventMessageId, alarmSeverities } from '@fleet/telemetry';
import { quietHoursEnd } from './quiet-hours.js';
import { atLeast } from './severity.js';

/** The recipient of a webhook delivery: the channel itself. */
export const CHANNEL_RECIPIENT = 'channel';

interface Target {
  channel: NotificationChannelRow;
  recipient: string;
  person: NotificationPerson | null;
}

/**
 * Who gets which notice of one alarm event: pure, so the rules are tested without a database.
 * - a webhook channel gets every event, once;
 * - an email channel's own address list gets every event;
 * - a person who picked an email or web-push channel gets it at their own address or on each of
 *   their subscribed browsers, if the severity reaches their minimum; inside their quiet hours
 *   it waits for the end of them, or for their daily digest when they have one.
 * One address reached twice (list and person) gets one delivery: the first, the list's.
 */
export function planDeliveries(
  event: AlarmEvent,
  channels: NotificationChannelRow[],
  people: NotificationPerson[],
  now: Date,
): NewDelivery[] {
  if (!event.notify) {
    return [];
  }
  const planned = new Map<string, NewDelivery>();
  for (const target of channels.filter((c) => c.enabled).flatMap((c) => targetsOf(c, people))) {
    const delivery = deliveryFor(event, target, now);
    const key = `${target.channel.id} ${target.recipient}`;
    if (delivery && !planned.has(key)) {
      planned.set(key, delivery);
    }
  }
  return [...planned.values()];
}

function targetsOf(channel: NotificationChannelRow, people: NotificationPerson[]): Target[] {
  const subscribers = people.filter((p) => p.preference.channelIds.includes(channel.id));
  switch (channel.kind) {
    case 'webhook':
      return [{ channel, recipient: CHANNEL_RECIPIENT, person: null }];
    case 'email': {
      const list = Array.isArray(channel.config.to) ? channel.config.to.map(String) : [];
      return [
        ...list.map((address) => ({ channel, recipient: mailto(address), person: null })),
        ...subscribers.map((person) => ({ channel, recipient: mailto(person.email), person })),
      ];
    }
    case 'webpush':
      return subscribers.flatMap((person) =>
        person.subscriptions.map((s) => ({ channel, recipient: `push:${s.id}`, person })),
      );
  }
}

function deliveryFor(event: AlarmEvent, target: Target, now: Date): NewDelivery | null {
  const base = {
    tenantId: event.tenantId,
    channelId: target.channel.id,
    eventId: alarmEventMessageId(event),
    alarmId: event.alarmId,
    seq: event.seq,
    recipient: target.recipient,
    userId: target.person?.userId ?? null,
    event,
  };
  const pref = target.person?.preference;
  if (!pref) {
    return { ...base, status: 'pending', nextAttemptAt: now };
  }
  if (!atLeast(event.severity, severityOf(pref.minSeverity))) {
    return null;
  }
  const quietEnd =
    pref.quietStart && pref.quietEnd
      ? quietHoursEnd(now, { start: pref.quietStart, end: pref.quietEnd, timeZone: pref.timezone })
      : null;
  if (quietEnd === null) {
    return { ...base, status: 'pending', nextAttemptAt: now };
  }
  return pref.digestAt
    ? { ...base, status: 'held', nextAttemptAt: now }
    : { ...base, status: 'pending', nextAttemptAt: quietEnd };
}

export function mailto(address: string): string {
  return `mailto:${address.trim().toLowerCase()}`;
}

// A stored value outside the enum (hand-edited row) counts as the most permissive minimum.
function severityOf(value: string): AlarmSeverity {
  return (alarmSeverities as readonly string[]).includes(value) ? (value as AlarmSeverity) : 'info';
}
