import { describe, expect, it } from 'vitest';
import { ConfigError, loadIngestConfig } from './ingest-config.js';

const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/fleet' };
/** ALARMS_* defaults (apps/ingest README, "Alarm evaluation"). */
const ALARM_DEFAULTS = {
  enabled: true,
  consumer: 'ingest-alarms',
  filterSubject: 'bms.v1.tlm.*',
  sweepEveryS: 15,
  ruleCacheMs: 5000,
  escalateAfterS: 3600,
  maxEscalationLevel: 2,
  stringIntervalS: 10,
  gatewayIntervalS: 60,
  outboxEveryMs: 2000,
};

describe('loadIngestConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadIngestConfig(valid)).toEqual({
      database: { url: valid.DATABASE_URL },
      nats: {
        url: 'nats://127.0.0.1:4222',
        consumer: 'ingest-telemetry',
        filterSubject: 'bms.v1.tlm.*',
        fetchBatch: 2000,
        ackWaitMs: 30_000,
        retryDelayMs: 5_000,
        pullExpiresMs: 30_000,
      },
      health: { port: 3002 },
      log: { level: 'info', pretty: false },
      write: { storeBatch: 1000, concurrency: 2, batchIdleMs: 10, stringCacheMs: 60_000 },
      rollups: { everyS: 30, maxHoursPerRun: 500 },
      retention: { everyHours: 24, rawDays: 90, rollup1mDays: 730, ledgerDays: 30 },
      alarms: ALARM_DEFAULTS,
    });
  });

  it('names a bad write-path option', () => {
    expect(() =>
      loadIngestConfig({ ...valid, INGEST_STORE_BATCH: '0', INGEST_STRING_CACHE_MS: '-1' }),
    ).toThrow(/INGEST_STORE_BATCH .*; INGEST_STRING_CACHE_MS /);
  });

  it('reads a test consumer on one gateway subject', () => {
    const sut = loadIngestConfig({
      ...valid,
      INGEST_CONSUMER: 'test-ingest-1',
      INGEST_FILTER_SUBJECT: 'bms.v1.tlm.gw-test-1',
      INGEST_FETCH_BATCH: '10',
      INGEST_HEALTH_PORT: '0',
    });
    expect(sut.nats).toMatchObject({
      consumer: 'test-ingest-1',
      filterSubject: 'bms.v1.tlm.gw-test-1',
      fetchBatch: 10,
    });
    expect(sut.health.port).toBe(0);
  });

  it('enables the IoT bridge only with a URL, and then requires its certificate and key', () => {
    expect(loadIngestConfig(valid).iotBridge).toBeUndefined();
    const sut = loadIngestConfig({
      ...valid,
      IOT_BRIDGE_URL: 'mqtts://127.0.0.1:8883',
      IOT_BRIDGE_CERT: '/etc/ingest/bridge.pem',
      IOT_BRIDGE_KEY: '/etc/ingest/bridge.key',
      IOT_BRIDGE_CLIENT_ID: 'ingest-bridge-1',
    });
    expect(sut.iotBridge).toEqual({
      url: 'mqtts://127.0.0.1:8883',
      certPath: '/etc/ingest/bridge.pem',
      keyPath: '/etc/ingest/bridge.key',
      caPath: undefined,
      clientId: 'ingest-bridge-1',
      group: 'ingest',
    });
    expect(() => loadIngestConfig({ ...valid, IOT_BRIDGE_URL: 'mqtts://broker' })).toThrow(
      /IOT_BRIDGE_CERT is required when IOT_BRIDGE_URL is set.*IOT_BRIDGE_KEY is required/,
    );
    expect(() => loadIngestConfig({ ...valid, IOT_BRIDGE_URL: 'mqtt://broker:1883' })).toThrow(
      'IOT_BRIDGE_URL must be mqtts://<host>[:<port>]',
    );
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadIngestConfig({
        DATABASE_URL: 'mysql://x',
        NATS_URL: 'http://x',
        INGEST_CONSUMER: 'has spaces',
        INGEST_FILTER_SUBJECT: 'other.subject',
        INGEST_FETCH_BATCH: '0',
        INGEST_HEALTH_PORT: 'abc',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of [
      'DATABASE_URL',
      'NATS_URL',
      'INGEST_CONSUMER',
      'INGEST_FILTER_SUBJECT',
      'INGEST_FETCH_BATCH',
      'INGEST_HEALTH_PORT',
    ]) {
      expect((error as ConfigError).message).toContain(name);
    }
  });
});

describe('loadIngestConfig: rollups and retention', () => {
  it('reads the rollup and retention options, and refuses a ledger horizon inside the stream max age', () => {
    const sut = loadIngestConfig({
      ...valid,
      ROLLUP_EVERY_S: '0',
      RETENTION_RAW_DAYS: '30',
      RETENTION_LEDGER_DAYS: '14',
    });
    expect(sut.rollups.everyS).toBe(0);
    expect(sut.retention).toMatchObject({ rawDays: 30, ledgerDays: 14 });
    expect(() => loadIngestConfig({ ...valid, RETENTION_LEDGER_DAYS: '3' })).toThrow('RETENTION_LEDGER_DAYS');
  });
});

describe('loadIngestConfig: alarms', () => {
  it('gives the alarm evaluator its own consumer beside a custom writer, and can turn it off', () => {
    const sut = loadIngestConfig({ ...valid, INGEST_CONSUMER: 'test-ingest-1', ALARMS_ENABLED: 'false' });
    expect(sut.alarms).toMatchObject({ enabled: false, consumer: 'test-ingest-1-alarms' });
    expect(loadIngestConfig({ ...valid, ALARMS_CONSUMER: 'mine' }).alarms.consumer).toBe('mine');
    expect(() => loadIngestConfig({ ...valid, ALARMS_SWEEP_EVERY_S: '-1' })).toThrow(/ALARMS_SWEEP_EVERY_S /);
  });
});

describe('loadIngestConfig: clustered NATS', () => {
  it("sets stream replicas only when asked (a clustered NATS), within JetStream's 1-5", () => {
    expect(loadIngestConfig(valid).nats.streamReplicas).toBeUndefined();
    expect(loadIngestConfig({ ...valid, NATS_STREAM_REPLICAS: '3' }).nats.streamReplicas).toBe(3);
    expect(loadIngestConfig({ ...valid, NATS_CREDS: '/etc/fleet/nats/service.creds' }).nats.credsPath).toBe(
      '/etc/fleet/nats/service.creds',
    );
    expect(() => loadIngestConfig({ ...valid, NATS_CREDS: '' })).toThrow(/NATS_CREDS /);
    expect(() => loadIngestConfig({ ...valid, NATS_STREAM_REPLICAS: '7' })).toThrow(/NATS_STREAM_REPLICAS /);
  });
});
