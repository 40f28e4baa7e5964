import { createPgPool } from '@fleet/db';
import {
  createBmsString,
  createGateway,
  packSampleData,
  productionTestTargets,
  telemetryEnvelopeData,
} from '@fleet/db/testing';
import { batchMessageId, encodeTelemetryEnvelope } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { describe, expect, it } from 'vitest';
import { type IngestFixture, useIngestFixture } from './ingest-fixture.js';
import type { IngestProcess } from './ingest-process.js';

// A whole process, once, on the production database (docs/testing.md).
const [target] = await productionTestTargets();

/** `name{labels} value` lines of a Prometheus text body, as a map (labels without `service`). */
function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (match?.[1] && match[3]) {
      const labels = (match[2] ?? '').replace(/,?service="ingest"/, '').replace(/^\{,?/, '{');
      values.set(`${match[1]}${labels === '{}' ? '' : labels}`, Number(match[3]));
    }
  }
  return values;
}

/** Three valid batches of two samples each, then one message that is not JSON. */
async function publishTelemetry(f: IngestFixture): Promise<void> {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 10, 0, s)).toISOString();
  for (const seq of [1, 2, 3]) {
    const envelope = telemetryEnvelopeData({
      gatewayId: f.gatewayId,
      seq,
      samples: [packSampleData({ ts: at(seq * 2) }), packSampleData({ ts: at(seq * 2 + 1) })],
    });
    await f.nats.publish(
      f.subject,
      encodeTelemetryEnvelope(envelope),
      batchMessageId(f.gatewayId, envelope.bootId, seq),
    );
  }
  await f.nats.publish(f.subject, 'not json at all');
}

/**
 * Runs `check` while the database refuses new connections and has dropped the open ones (as a
 * restarting server does), then lets connections in again.
 */
async function whileDatabaseUnreachable(f: IngestFixture, check: () => Promise<void>): Promise<void> {
  f.pool.on('error', () => undefined);
  const admin = createPgPool(target!.url);
  try {
    await admin.query(`ALTER DATABASE "${f.db.name}" WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      f.db.name,
    ]);
    await check();
  } finally {
    await admin.query(`ALTER DATABASE "${f.db.name}" WITH ALLOW_CONNECTIONS true`);
    await admin.end();
  }
}

describe.runIf(target)('ingest observability', () => {
  const f = useIngestFixture(target!);
  let ingest: IngestProcess;
  const base = () => ingest.healthUrl.replace(/\/health$/, '');
  const scrape = async () => parseMetrics(await (await fetch(`${base()}/metrics`)).text());

  it('serves /metrics, and its counters move as telemetry is stored and rejected', async () => {
    await createBmsString(f.prisma, {
      gatewayId: (await createGateway(f.prisma, { id: f.gatewayId })).id,
      bmsAddress: 0,
    });
    ingest = await f.ingest();
    await ingest.start();
    const before = await scrape();
    expect(before.get('fleet_ingest_batches_stored_total')).toBe(0);
    expect(before.get('fleet_ingest_samples_stored_total')).toBe(0);
    expect(before.has('process_cpu_user_seconds_total')).toBe(true);

    await publishTelemetry(f);

    // The batch histogram is observed when a group's handling returns, just after its counters
    // move, so the wait includes it: a scrape between the two would otherwise see no timing yet.
    const after = await waitFor(
      'the metrics to count three batches, their timings and one reject',
      async () => {
        const m = await scrape();
        return m.get('fleet_ingest_batches_stored_total') === 3 &&
          m.get('fleet_ingest_rejected_total{reason="not-json"}') === 1 &&
          (m.get('fleet_ingest_batch_duration_seconds_count{outcome="ok"}') ?? 0) >= 1
          ? m
          : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(after.get('fleet_ingest_samples_stored_total')).toBe(6);
    expect(after.get('fleet_ingest_duplicates_total')).toBe(0);
    expect(after.get('fleet_ingest_batch_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    // One source of truth: /health shows the same counts.
    expect((await ingest.health())?.counters).toMatchObject({
      stored: 3,
      storedSamples: 6,
      rejected: { 'not-json': 1 },
    });
    // The lag: everything published was delivered and acked.
    const lag = await waitFor(
      'the consumer lag to read 0',
      async () => {
        const m = await scrape();
        return m.get(`fleet_ingest_consumer_pending_messages{consumer="${f.consumer}"}`) === 0
          ? m
          : undefined;
      },
      { timeoutMs: 10_000 },
    );
    expect(lag).toBeDefined();
  });

  it('is live and ready with its dependencies, and not ready naming the database when it is unreachable', async () => {
    expect((await fetch(`${base()}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base()}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', nats: 'ok', consumer: 'ok' },
    });

    await whileDatabaseUnreachable(f, async () => {
      const body = await waitFor(
        'readiness to fail',
        async () => {
          const res = await fetch(`${base()}/health/ready`);
          return res.status === 503 ? ((await res.json()) as Record<string, unknown>) : undefined;
        },
        { timeoutMs: 10_000 },
      );
      expect(body).toMatchObject({
        status: 'not-ready',
        failed: ['database'],
        checks: { database: 'down', nats: 'ok' },
      });
      // Liveness does not depend on the database: no restart loop while it is away.
      expect((await fetch(`${base()}/health/live`)).status).toBe(200);
    });
    await waitFor('readiness to return', async () => (await fetch(`${base()}/health/ready`)).status === 200, {
      timeoutMs: 10_000,
    });
  });
});
