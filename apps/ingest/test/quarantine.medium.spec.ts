import { QuarantineRepository } from '@fleet/db';
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
import { useIngestFixture } from './ingest-fixture.js';

const targets = await productionTestTargets();

describe.each(targets)('ingest quarantine on $name', (target) => {
  const f = useIngestFixture(target);

  it('quarantines the row the database would refuse, stores the rest of its batch, counts it on /health', async () => {
    await createBmsString(f.prisma, {
      gatewayId: (await createGateway(f.prisma, { id: f.gatewayId })).id,
      bmsAddress: 0,
    });
    const ingest = await f.ingest();
    await ingest.start();
    const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 9, 0, s)).toISOString();
    // Any integer is valid on the wire for a charge limit; the column is an int4.
    const bad = packSampleData({ ts: at(5), chargeLimitDa: 4_000_000_000 });
    const envelope = telemetryEnvelopeData({
      gatewayId: f.gatewayId,
      seq: 1,
      samples: [packSampleData({ ts: at(0) }), bad, packSampleData({ ts: at(10) })],
    });
    const msgId = batchMessageId(f.gatewayId, envelope.bootId, envelope.seq);

    await f.nats.publish(f.subject, encodeTelemetryEnvelope(envelope), msgId);

    const health = await waitFor('the batch to be stored', async () => {
      const h = await ingest.health();
      return h && h.counters.stored === 1 ? h : undefined;
    });
    expect(health.counters).toMatchObject({ quarantined: 1, storedSamples: 2, rejected: {} });
    const { rows } = await f.pool.query<{ ts: Date }>(
      'SELECT p.ts FROM pack_sample p JOIN bms_string s ON s.id = p.string_id WHERE s.gateway_id = $1 ORDER BY 1',
      [f.gatewayId],
    );
    expect(rows.map((r) => r.ts.toISOString())).toEqual([at(0), at(10)]);
    expect(await new QuarantineRepository(f.pool).byGateway(f.gatewayId)).toEqual([
      expect.objectContaining({
        msgId,
        kind: 'pack',
        code: 'out-of-range',
        reason: 'charge_limit_da 4000000000 outside -2147483648..2147483647',
        raw: expect.objectContaining({ ts: bad.ts, chargeLimitDa: 4_000_000_000 }),
      }),
    ]);
  });
});
