import {
  createGateway,
  packSampleData,
  productionTestTargets,
  telemetryEnvelopeData,
} from '@fleet/db/testing';
import {
  DEAD_LETTER_REASON_HEADER,
  DEAD_LETTER_SUBJECT_HEADER,
  encodeTelemetryEnvelope,
  subjects,
} from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { describe, expect, it } from 'vitest';
import { useIngestFixture } from './ingest-fixture.js';

const targets = await productionTestTargets();

describe.each(targets)('ingest dead letters on $name', (target) => {
  const f = useIngestFixture(target);

  it('parks each bad message with its reason, counts it, and keeps storing good ones', async () => {
    const letters = f.nats.collect(subjects.deadLetter('tlm', f.gatewayId));
    const ingest = await f.ingest();
    await ingest.start();
    const valid = (seq: number) =>
      encodeTelemetryEnvelope(
        telemetryEnvelopeData({
          gatewayId: f.gatewayId,
          bootId: 'boot-dlq',
          seq,
          samples: [packSampleData({ ts: new Date(Date.UTC(2026, 10, 25, 7, 0, seq)).toISOString() })],
        }),
      );
    const bad = {
      'not-json': new TextEncoder().encode('{"gatewayId": "half a message'),
      schema: new TextEncoder().encode(
        JSON.stringify({ ...telemetryEnvelopeData({ gatewayId: f.gatewayId }), seq: -1 }),
      ),
      'gateway-mismatch': encodeTelemetryEnvelope(telemetryEnvelopeData({ gatewayId: 'gw-somebody-else' })),
      'unknown-gateway': valid(0), // well-formed, but the gateway is not registered yet
    };
    for (const data of Object.values(bad)) {
      await f.nats.publish(f.subject, data);
    }

    await waitFor('four dead letters', () => letters.length === 4);
    expect(
      Object.fromEntries(
        letters.map((l) => [
          l.headers?.get(DEAD_LETTER_REASON_HEADER),
          l.headers?.get(DEAD_LETTER_SUBJECT_HEADER),
        ]),
      ),
    ).toEqual({
      'not-json': f.subject,
      schema: f.subject,
      'gateway-mismatch': f.subject,
      'unknown-gateway': f.subject,
    });
    for (const letter of letters) {
      const code = letter.headers!.get(DEAD_LETTER_REASON_HEADER) as keyof typeof bad;
      expect(Buffer.from(letter.data).equals(Buffer.from(bad[code]))).toBe(true);
    }
    const counted = await waitFor('the rejected counters', async () => {
      const rejected = (await ingest.health())?.counters.rejected;
      return rejected && Object.values(rejected).reduce((a, b) => a + b, 0) === 4 ? rejected : undefined;
    });
    expect(counted).toEqual({ 'not-json': 1, schema: 1, 'gateway-mismatch': 1, 'unknown-gateway': 1 });

    await createGateway(f.prisma, { id: f.gatewayId });
    await f.nats.publish(f.subject, valid(1));
    await waitFor(
      'the valid message to be stored',
      async () => (await ingest.health())?.counters.stored === 1,
    );
    const { rows } = await f.pool.query(
      'SELECT 1 FROM pack_sample p JOIN bms_string s ON s.id = p.string_id WHERE s.gateway_id = $1',
      [f.gatewayId],
    );
    expect(rows).toHaveLength(1);
  });
});
