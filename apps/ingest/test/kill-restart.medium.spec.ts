import {
  createBmsString,
  createGateway,
  packSampleData,
  productionTestTargets,
  telemetryEnvelopeData,
} from '@fleet/db/testing';
import { batchMessageId, encodeTelemetryEnvelope, type TelemetryEnvelope } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { describe, expect, it } from 'vitest';
import { useIngestFixture } from './ingest-fixture.js';

const targets = await productionTestTargets();

const BATCHES = 300;
const PER_STRING = 3;
const ADDRESSES = [0, 1]; // 0 is registered by the factory, 1 is discovered by ingest
const BASE = Date.UTC(2026, 10, 25, 6, 0, 0);

function batch(gatewayId: string, bootId: string, seq: number): TelemetryEnvelope {
  const samples = ADDRESSES.flatMap((bmsAddress) =>
    Array.from({ length: PER_STRING }, (_, k) =>
      packSampleData({
        bmsAddress,
        ts: new Date(BASE + (seq * PER_STRING + k) * 1000).toISOString(),
        socPct: seq % 100,
      }),
    ),
  );
  return telemetryEnvelopeData({ gatewayId, bootId, seq, samples });
}

/**
 * Every sample stored exactly once across a SIGKILL, a restart and three kinds of resend:
 *  - same Nats-Msg-Id inside JetStream's window: dropped by the stream (publish ack says duplicate);
 *  - same gateway/boot/seq under another Nats-Msg-Id (as after the window, or from another
 *    transport): reaches ingest and is recognised by the ingest_batch ledger;
 *  - same samples in a new batch (new bootId): ledger accepts the batch, the (string_id, ts)
 *    primary key stores none of its rows.
 * Batches a killed process had pulled but not acked come back after the ack wait, also as duplicates.
 */
describe.each(targets)('ingest across a crash on $name', (target) => {
  const f = useIngestFixture(target);

  it('stores every sample exactly once', async () => {
    await createBmsString(f.prisma, {
      gatewayId: (await createGateway(f.prisma, { id: f.gatewayId })).id,
      bmsAddress: 0,
    });
    const bootId = 'boot-crash-test';
    const envelopes = Array.from({ length: BATCHES }, (_, seq) => batch(f.gatewayId, bootId, seq));
    const publish = (e: TelemetryEnvelope, msgId = batchMessageId(e.gatewayId, e.bootId, e.seq)) =>
      f.nats.publish(f.subject, encodeTelemetryEnvelope(e), msgId);
    const storedSamples = async () =>
      (
        await f.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pack_sample p JOIN bms_string s ON s.id = p.string_id WHERE s.gateway_id = $1',
          [f.gatewayId],
        )
      ).rows[0]!.n;

    const first = await f.ingest();
    await first.start();
    for (const e of envelopes.slice(0, BATCHES / 2)) {
      await publish(e);
    }
    await waitFor('the first batches to be stored', async () => (await storedSamples()) > 0);
    await first.kill();
    for (const e of envelopes.slice(BATCHES / 2)) {
      await publish(e); // queued in the stream while no ingest runs
    }

    const second = await f.ingest();
    await second.start();
    const sameId = await Promise.all(envelopes.slice(0, 50).map((e) => publish(e)));
    for (const e of envelopes.slice(0, 50)) {
      await publish(e, `replay:${batchMessageId(e.gatewayId, e.bootId, e.seq)}`);
    }
    for (const e of envelopes.slice(50, 60)) {
      await publish({ ...e, bootId: 'boot-after-reflash' });
    }

    const expected = BATCHES * PER_STRING * ADDRESSES.length;
    await waitFor('every batch and replay to be handled', async () => {
      const health = await second.health();
      const ledger = (
        await f.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM ingest_batch WHERE gateway_id = $1',
          [f.gatewayId],
        )
      ).rows[0]!.n;
      return (
        ledger === BATCHES + 10 &&
        (health?.counters.duplicates ?? 0) >= 50 &&
        (await storedSamples()) === expected
      );
    }).catch((error: Error) =>
      Promise.reject(new Error(`${error.message}\n--- second ingest ---\n${second.tail()}`)),
    );

    expect(sameId.every((ack) => ack.duplicate)).toBe(true);
    const { rows } = await f.pool.query<{ address: number; ts: Date }>(
      'SELECT s.bms_address AS address, p.ts FROM pack_sample p JOIN bms_string s ON s.id = p.string_id WHERE s.gateway_id = $1',
      [f.gatewayId],
    );
    const stored = rows.map((r) => `${r.address}@${r.ts.toISOString()}`).sort();
    const wanted = envelopes.flatMap((e) => e.samples.map((s) => `${s.bmsAddress}@${s.ts}`)).sort();
    expect(stored).toEqual(wanted);
    const discovered = await f.prisma.bmsString.findUniqueOrThrow({
      where: { gatewayId_bus_bmsAddress: { gatewayId: f.gatewayId, bus: 'can0', bmsAddress: 1 } },
    });
    expect(discovered.name).toBe('String 1');
    const health = await second.health();
    expect(health?.counters.rejected).toEqual({});
    expect(await second.stop('SIGTERM'), second.tail()).toBe(0);
    expect(second.output).toContain('consumer stopped; in-flight messages settled');
  });
});
