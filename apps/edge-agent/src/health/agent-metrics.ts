import {
  createMetricsRegistry,
  type Registry,
  snapshotCounter,
  snapshotGauge,
} from '@fleet/service-kit/metrics';
import type { Heartbeat } from './heartbeat.js';

/**
 * The agent's Prometheus metrics (`GET /metrics` on the loopback status port), read from the
 * latest heartbeat: the same figures the cloud receives, as of the last heartbeat
 * (`--heartbeat-s`). Before the first heartbeat they read 0 (the link as down).
 */
export function agentMetrics(current: () => Heartbeat | undefined): Registry {
  const r = createMetricsRegistry('edge-agent');
  const hb = current;
  const counter = (name: string, help: string, read: (h: Heartbeat) => number) =>
    snapshotCounter(r, { name, help, read: () => readOr(hb(), read) });
  const gauge = (name: string, help: string, read: (h: Heartbeat) => number) =>
    snapshotGauge(r, { name, help, read: () => readOr(hb(), read) });
  gauge('fleet_agent_spool_depth', 'Batches waiting in the spool to be published', (h) => h.spool.depth);
  gauge('fleet_agent_uptime_seconds', 'Seconds since the agent started', (h) => h.uptimeS);
  snapshotCounter(r, {
    name: 'fleet_agent_bus_frames_total',
    help: 'CAN frames read from and written to the BMS bus',
    labelNames: ['direction'],
    read: () => {
      const h = hb();
      return h
        ? [
            [{ direction: 'in' }, h.bus.framesIn],
            [{ direction: 'out' }, h.bus.framesOut],
          ]
        : [];
    },
  });
  snapshotCounter(r, {
    name: 'fleet_agent_bus_errors_total',
    help: 'Bus trouble by kind: corrupt frames, adapter errors, adapter reconnects',
    labelNames: ['kind'],
    read: () => {
      const h = hb();
      return h
        ? [
            [{ kind: 'corrupt' }, h.bus.corrupt],
            [{ kind: 'adapter' }, h.bus.adapterErrors],
            [{ kind: 'reconnect' }, h.bus.reconnects],
          ]
        : [];
    },
  });
  gauge('fleet_agent_uplink_connected', '1 while connected to NATS (or IoT Core)', (h) =>
    h.link.connected ? 1 : 0,
  );
  gauge('fleet_agent_uplink_rtt_seconds', 'Round trip to the server', (h) => (h.link.rttMs ?? 0) / 1000);
  counter('fleet_agent_uplink_reconnects_total', 'Uplink reconnections', (h) => h.link.reconnects);
  counter(
    'fleet_agent_publish_failures_total',
    'Publishes that failed (retried from the spool)',
    (h) => h.link.publishFailures,
  );
  return r;
}

function readOr(h: Heartbeat | undefined, read: (h: Heartbeat) => number): number | [] {
  return h ? read(h) : [];
}
