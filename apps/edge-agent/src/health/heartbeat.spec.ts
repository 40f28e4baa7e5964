import { describe, expect, it } from 'vitest';
import { buildHeartbeat, type HeartbeatInput } from './heartbeat.js';

const input = (s: number, framesIn: number): HeartbeatInput => ({
  gatewayId: 'gw-hb-1',
  bootId: 'boot-1',
  version: '0.1.0',
  startedAt: new Date('2026-11-25T12:00:00Z'),
  now: new Date(Date.parse('2026-11-25T12:00:00Z') + s * 1000),
  spool: { depth: 3 },
  bus: { framesIn, framesOut: s / 2, corrupt: 1, adapterErrors: 0, reconnects: 0 },
  link: { connected: true, rttMs: 12, reconnects: 1, disconnects: 1, publishFailures: 0 },
  sampler: { reported: 4 },
});

describe('buildHeartbeat', () => {
  it('carries version, uptime, spool depth, bus counters and link quality', () => {
    const sut = buildHeartbeat(input(90, 900));
    expect(sut).toMatchObject({
      schema: 'bms.hb/1',
      gatewayId: 'gw-hb-1',
      agentVersion: '0.1.0',
      uptimeS: 90,
      spool: { depth: 3 },
      bus: { corrupt: 1, framesInPerS: 0 },
      link: { rttMs: 12, reconnects: 1 },
    });
  });

  it('computes frame rates from the previous heartbeat', () => {
    const first = input(30, 300);
    const sut = buildHeartbeat(input(60, 1200), { at: first.now, bus: first.bus });
    // Hand-computed: (1200 − 300) frames / 30 s = 30/s in; (30 − 15) / 30 s = 0.5/s out.
    expect(sut.bus).toMatchObject({ framesInPerS: 30, framesOutPerS: 0.5 });
  });
});
