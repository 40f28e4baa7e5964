import { snapshotCounter } from '@fleet/service-kit/metrics';
import { Inject, Injectable } from '@nestjs/common';
import { ApiMetrics } from '../../metrics/api-metrics.js';
import { NotifyStats } from './notify-stats.js';

/** The notification worker's counters on the api's /metrics, read from `NotifyStats` (one count). */
@Injectable()
export class NotifyMetrics {
  constructor(@Inject(ApiMetrics) metrics: ApiMetrics, @Inject(NotifyStats) stats: NotifyStats) {
    const r = metrics.registry;
    snapshotCounter(r, {
      name: 'fleet_notify_deliveries_total',
      help: 'Notification send attempts by outcome: delivered, failed (will retry), dead (gave up)',
      labelNames: ['outcome'],
      read: () => [
        [{ outcome: 'delivered' }, stats.delivered],
        [{ outcome: 'failed' }, stats.failedAttempts],
        [{ outcome: 'dead' }, stats.dead],
      ],
    });
    snapshotCounter(r, {
      name: 'fleet_notify_alarm_events_total',
      help: 'Alarm events consumed from ALARMS: fanned out (accepted) or not notifying (skipped)',
      labelNames: ['result'],
      read: () => [
        [{ result: 'accepted' }, stats.acceptedEvents],
        [{ result: 'skipped' }, stats.skippedEvents],
      ],
    });
    snapshotCounter(r, {
      name: 'fleet_notify_rejected_events_total',
      help: 'Alarm events the worker could not read, by reason',
      labelNames: ['reason'],
      read: () => [...stats.rejectedEvents].map(([reason, n]) => [{ reason }, n] as const),
    });
  }
}
