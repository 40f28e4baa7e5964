import { testDatabaseTargets } from '@fleet/db/testing';
import { subjects } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { AlarmEngine } from '../../src/alarms/alarm-engine.js';
import type { IngestConfig } from '../../src/config/ingest-config.js';
import { HeartbeatsConsumer } from '../../src/heartbeats/heartbeats.consumer.js';
import { type AlarmFixture, T0, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();

/** A `bms.hb/1` as the edge agent sends it, plus a field this server does not know. */
const heartbeat = (gatewayId: string, s: number, depth: number, extra: Record<string, unknown> = {}) =>
  new TextEncoder().encode(
    JSON.stringify({
      schema: 'bms.hb/1',
      gatewayId,
      bootId: 'boot-1',
      agentVersion: '0.4.2',
      sentAt: new Date(T0 + s * 1000).toISOString(),
      uptimeS: s,
      spool: { depth, oldestAgeS: 12 },
      bus: { framesIn: 10, framesOut: 5, corrupt: 0, adapterErrors: 0, reconnects: 0, framesInPerS: 1 },
      link: { connected: true, rttMs: 20, reconnects: 0, disconnects: 0, publishFailures: 0 },
      sampler: {},
      futureField: { anything: true },
      ...extra,
    }),
  );

describe.each(targets)('heartbeats and derived.spool_backlog on $name', (target) => {
  const f = useAlarmFixture(target);
  const give = (engine: AlarmEngine, gatewayId: string, s: number, depth: number) =>
    engine.heartbeats.handle({
      subject: subjects.heartbeat(gatewayId),
      data: heartbeat(gatewayId, s, depth),
    });
  const backlogAlarms = async (gatewayId: string) =>
    (
      await f.pool.query(
        `SELECT status::text, severity::text FROM alarm WHERE gateway_id = $1 AND code = 'derived.spool_backlog'`,
        [gatewayId],
      )
    ).rows;

  it('keeps the latest heartbeat and fires on a spool that grows for longer than the fire delay', async () => {
    const { gatewayId } = await f.newString();
    const engine = f.engine();
    // 100 batches more every minute: 6000/h, above the critical 1000/h; fire delay 900 s.
    for (let i = 0; i <= 10; i++) {
      await give(engine, gatewayId, i * 60, 200 + i * 100);
    }
    expect(await backlogAlarms(gatewayId)).toEqual([]);
    for (let i = 11; i <= 25; i++) {
      await give(engine, gatewayId, i * 60, 200 + i * 100);
    }
    expect(await backlogAlarms(gatewayId)).toEqual([{ status: 'open', severity: 'critical' }]);
    const row = await f.pool.query(
      'SELECT at, agent_version, spool_depth, bus, spool_points FROM gateway_heartbeat WHERE gateway_id = $1',
      [gatewayId],
    );
    expect(row.rows[0]).toMatchObject({
      at: new Date(T0 + 25 * 60_000),
      agent_version: '0.4.2',
      spool_depth: 2700,
      bus: expect.objectContaining({ framesIn: 10 }),
    });
    // The series is bounded and ordered, newest last.
    expect(row.rows[0].spool_points).toHaveLength(20);
    expect(row.rows[0].spool_points.at(-1)).toEqual({ atMs: T0 + 25 * 60_000, depth: 2700 });
  });

  it('never moves the row back, and counts bad, foreign and unknown-gateway heartbeats', async () => {
    const { gatewayId } = await f.newString();
    const engine = f.engine();
    await give(engine, gatewayId, 120, 5);
    await give(engine, gatewayId, 60, 999); // late or redelivered
    const row = await f.pool.query('SELECT spool_depth FROM gateway_heartbeat WHERE gateway_id = $1', [
      gatewayId,
    ]);
    expect(row.rows).toEqual([{ spool_depth: 5 }]);
    await engine.heartbeats.handle({
      subject: subjects.heartbeat(gatewayId),
      data: heartbeat(gatewayId, 180, -1),
    });
    await engine.heartbeats.handle({ subject: subjects.heartbeat(gatewayId), data: new Uint8Array([1, 2]) });
    await engine.heartbeats.handle({
      subject: subjects.heartbeat('gw-other'),
      data: heartbeat(gatewayId, 180, 1),
    });
    await give(engine, 'gw-never-registered', 180, 1);
    expect(engine.counters.counts).toMatchObject({
      'heartbeat.stored': 1,
      'heartbeat.not-newer': 1,
      'heartbeat.rejected.schema': 1,
      'heartbeat.rejected.not-json': 1,
      'heartbeat.rejected.gateway-mismatch': 1,
      'heartbeat.unknown-gateway': 1,
    });
  });

  it('takes heartbeats from the HEARTBEAT stream through the ingest-heartbeats durable', () =>
    takesFromStream(f));
});

/** The transport: HeartbeatsConsumer on the fixture's private nats-server. */
async function takesFromStream(f: AlarmFixture): Promise<void> {
  const { gatewayId } = await f.newString();
  const config = { nats: { ackWaitMs: 30_000, retryDelayMs: 100 } } as IngestConfig;
  const consumer = new HeartbeatsConsumer(
    { jetstream: async () => f.js, jetstreamManager: async () => f.jsm },
    f.engine(),
    config,
    pino({ level: 'silent' }),
  );
  await consumer.onApplicationBootstrap();
  try {
    await f.js.publish(subjects.heartbeat(gatewayId), heartbeat(gatewayId, 0, 42));
    const depth = await waitFor('the heartbeat row', async () => {
      const r = await f.pool.query('SELECT spool_depth FROM gateway_heartbeat WHERE gateway_id = $1', [
        gatewayId,
      ]);
      return r.rows[0]?.spool_depth as number | undefined;
    });
    expect(depth).toBe(42);
    const info = await f.jsm.consumers.info('HEARTBEAT', 'ingest-heartbeats');
    await waitFor(
      'the ack',
      async () => (await f.jsm.consumers.info('HEARTBEAT', 'ingest-heartbeats')).num_ack_pending === 0,
    );
    expect(info.config.filter_subject).toBe('bms.v1.hb.*');
  } finally {
    await consumer.beforeApplicationShutdown();
  }
}
