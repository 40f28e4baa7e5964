import { describe, expect, it } from 'vitest';
import { agentMetrics } from './agent-metrics.js';
import { buildHeartbeat, type Heartbeat } from './heartbeat.js';

const heartbeat = (): Heartbeat =>
  buildHeartbeat({
    gatewayId: 'gw-1',
    bootId: 'b',
    version: '1.0.0',
    now: new Date('2026-11-26T10:01:00Z'),
    startedAt: new Date('2026-11-26T10:00:00Z'),
    spool: { depth: 12 },
    bus: { framesIn: 900, framesOut: 30, corrupt: 2, adapterErrors: 1, reconnects: 0 },
    link: { connected: true, rttMs: 40, reconnects: 3, disconnects: 3, publishFailures: 5 },
    sampler: {},
  });

describe('agentMetrics', () => {
  it('shows the latest heartbeat in the Prometheus format', async () => {
    let current: Heartbeat | undefined;
    const registry = agentMetrics(() => current);
    // Before the first heartbeat: zeros, the link reads as down.
    expect(await registry.metrics()).toContain('fleet_agent_uplink_connected{service="edge-agent"} 0');
    current = heartbeat();
    const text = await registry.metrics();
    expect(text).toContain('fleet_agent_spool_depth{service="edge-agent"} 12');
    expect(text).toContain('fleet_agent_uptime_seconds{service="edge-agent"} 60');
    expect(text).toContain('fleet_agent_bus_frames_total{direction="in",service="edge-agent"} 900');
    expect(text).toContain('fleet_agent_bus_errors_total{kind="corrupt",service="edge-agent"} 2');
    expect(text).toContain('fleet_agent_uplink_connected{service="edge-agent"} 1');
    expect(text).toContain('fleet_agent_uplink_rtt_seconds{service="edge-agent"} 0.04');
    expect(text).toContain('fleet_agent_publish_failures_total{service="edge-agent"} 5');
  });
});
