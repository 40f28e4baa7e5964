import { describe, expect, it } from 'vitest';
import { ApiMetrics } from '../../metrics/api-metrics.js';
import { NotifyMetrics } from './notify-metrics.js';
import { NotifyStats } from './notify-stats.js';

describe('NotifyMetrics', () => {
  it('shows the worker’s own counts: deliveries by outcome, events, unreadable events by reason', async () => {
    const metrics = new ApiMetrics();
    const stats = new NotifyStats();
    new NotifyMetrics(metrics, stats);
    stats.delivered = 5;
    stats.failedAttempts = 2;
    stats.dead = 1;
    stats.acceptedEvents = 4;
    stats.reject('not-json');
    stats.reject('not-json');
    const text = await metrics.registry.metrics();
    expect(text).toContain('fleet_notify_deliveries_total{outcome="delivered",service="api"} 5');
    expect(text).toContain('fleet_notify_deliveries_total{outcome="failed",service="api"} 2');
    expect(text).toContain('fleet_notify_deliveries_total{outcome="dead",service="api"} 1');
    expect(text).toContain('fleet_notify_alarm_events_total{result="accepted",service="api"} 4');
    expect(text).toContain('fleet_notify_rejected_events_total{reason="not-json",service="api"} 2');
  });
});
