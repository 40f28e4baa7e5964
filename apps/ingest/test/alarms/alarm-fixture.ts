import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import {
  createBmsString,
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseTarget,
  telemetryEnvelopeData,
  uniqueSuffix,
} from '@fleet/db/testing';
import {
  type AlarmEvent,
  encodeTelemetryEnvelope,
  type PackSample,
  streams,
  subjects,
} from '@fleet/telemetry';
import { type PrivateNats, startPrivateNats } from '@fleet/test-kit';
import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { type AlarmEngine, createAlarmEngine } from '../../src/alarms/alarm-engine.js';
import type { AlarmEventPublisher } from '../../src/alarms/alarm-event-publisher.js';
import { jetStreamAlarmPublisher } from '../../src/alarms/jetstream-alarm-publisher.js';
import type { AlarmsConfig } from '../../src/config/ingest-config.js';
import { applyStream } from '../../src/nats/jetstream-setup.js';

export const T0 = Date.parse('2026-12-20T10:00:00.000Z');

export const TEST_ALARMS_CONFIG: AlarmsConfig = {
  enabled: true,
  consumer: 'test-alarms',
  filterSubject: 'bms.v1.tlm.*',
  sweepEveryS: 0,
  ruleCacheMs: 0,
  escalateAfterS: 3600,
  maxEscalationLevel: 2,
  stringIntervalS: 10,
  gatewayIntervalS: 60,
  outboxEveryMs: 1000,
};

export interface AlarmFixture {
  db: TestDatabase;
  pool: PgPool;
  prisma: PrismaClient;
  nats: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** A fresh engine over the fixture's database and NATS (a "restart" is a second call). */
  engine(clock?: () => number, publisher?: AlarmEventPublisher): AlarmEngine;
  /** A new string (own gateway, tenant and site). */
  newString(): Promise<{ stringId: string; gatewayId: string; tenantId: string; siteId: string }>;
  /** Feeds one telemetry batch of pack samples to the engine's evaluator. */
  feed(
    engine: AlarmEngine,
    gatewayId: string,
    samples: Partial<PackSample>[],
    seq?: number,
    /** The message's `traceparent` header (the agent's trace of the sample). */
    traceparent?: string,
  ): Promise<unknown>;
  /** Every event stored in the private ALARMS stream for an alarm, in stream order. */
  events(alarmId: string): Promise<AlarmEvent[]>;
}

export function useAlarmFixture(target: TestDatabaseTarget): AlarmFixture {
  const f = {} as AlarmFixture;
  let nats: PrivateNats;
  beforeAll(async () => {
    f.db = await createTestDatabase(target);
    f.pool = createPgPool(f.db.url, 4);
    f.prisma = createPrismaClient(f.db.url);
    nats = await startPrivateNats();
    f.nats = await nats.connect();
    f.js = jetstream(f.nats);
    f.jsm = await jetstreamManager(f.nats);
    await applyStream(f.jsm, streams.alarms);
    const logger = pino({ level: 'silent' });
    f.engine = (clock, publisher) =>
      createAlarmEngine({
        pool: f.pool,
        config: TEST_ALARMS_CONFIG,
        logger,
        ...(clock ? { clock } : {}),
        publisher: publisher ?? jetStreamAlarmPublisher(() => Promise.resolve(f.js)),
      });
    f.newString = async () => {
      const s = await createBmsString(f.prisma, {});
      return { stringId: s.id, gatewayId: s.gatewayId, tenantId: s.tenantId, siteId: s.siteId };
    };
    f.feed = async (engine, gatewayId, samples, seq = 0, traceparent = undefined) => {
      const envelope = telemetryEnvelopeData({
        gatewayId,
        bootId: `boot-${uniqueSuffix()}`,
        seq,
        samples: samples.map((s) => ({
          kind: 'pack',
          ts: new Date(T0).toISOString(),
          bus: 'can0',
          bmsAddress: 0,
          packVoltageDv: 4000,
          packCurrentDa: 0,
          bmsTempDc: 215,
          socPct: 80,
          sohPct: 100,
          ...s,
        })),
      });
      const outcome = await engine.evaluator.handle({
        subject: subjects.telemetry(gatewayId),
        data: encodeTelemetryEnvelope(envelope),
        deliveryCount: 1,
        header: (name) => (name === 'traceparent' ? traceparent : undefined),
      });
      await engine.relay.flush();
      return outcome;
    };
    f.events = async (alarmId) => {
      const events: AlarmEvent[] = [];
      const info = await f.jsm.streams.info(streams.alarms.name);
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && seq > 0; seq++) {
        const message = await f.jsm.streams.getMessage(streams.alarms.name, { seq }).catch(() => null);
        const event = message?.json<AlarmEvent>();
        if (event?.alarmId === alarmId) {
          events.push(event);
        }
      }
      return events;
    };
  });
  afterAll(async () => {
    await f.nats?.close();
    await nats?.stop();
    await f.pool?.end();
    await f.prisma?.$disconnect();
    await f.db?.drop();
  });
  return f;
}

/** ts of T0 + s seconds. */
export const at = (s: number) => new Date(T0 + s * 1000).toISOString();
