import {
  NotificationChannelRepository,
  NotificationDeliveryRepository,
  NotificationPreferenceRepository,
} from '@fleet/db';
import type { AlarmEvent } from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import { planDeliveries } from '../domain/plan-deliveries.js';

/** Turns one alarm event into its delivery rows, all in one transaction, idempotently. */
@Injectable()
export class FanOutService {
  constructor(
    @Inject(NotificationChannelRepository) private readonly channels: NotificationChannelRepository,
    @Inject(NotificationPreferenceRepository) private readonly preferences: NotificationPreferenceRepository,
    @Inject(NotificationDeliveryRepository) private readonly deliveries: NotificationDeliveryRepository,
  ) {}

  /** Returns how many deliveries are new (0 for a redelivered event). */
  async accept(event: AlarmEvent, now: Date = new Date()): Promise<number> {
    if (!event.notify) {
      return 0;
    }
    const [channels, people] = await Promise.all([
      this.channels.list(event.tenantId),
      this.preferences.people(event.tenantId),
    ]);
    return this.deliveries.insertAll(planDeliveries(event, channels, people, now));
  }
}
