import {
  createBmsString,
  createGateway,
  packSampleData,
  productionTestTargets,
  telemetryEnvelopeData,
} from '@fleet/db/testing';
import {
  batchMessageId,
  encodePackSeries,
  encodeTelemetryEnvelope,
  type TelemetryEnvelope,
} from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { describe, expect, it } from 'vitest';
import { type IngestFixture, useIngestFixture } from './ingest-fixture.js';
import type { IngestProcess } from './ingest-process.js';

const targets = await productionTestTargets();

const PER_SERIES = 5;
const ADDRESSES = [0, 1, 2];
const BASE = Date.UTC(2026, 10, 26, 6, 0, 0);
/** Small pulls and groups, so two instances on one consumer both get work. */
const SMALL_GROUPS = { INGEST_FETCH_BATCH: '8', INGEST_STORE_BATCH: '4', INGEST_WRITE_CONCURRENCY: '2' };

/** A batch as an agent sends it: one `packs` series of 5 readings per string. */
function batch(gatewayId: string, seq: number): TelemetryEnvelope {
  const samples = ADDRESSES.map((bmsAddress) =>
    encodePackSeries(
      Array.from({ length: PER_SERIES }, (_, k) =>
        packSampleData({ bmsAddress, ts: new Date(BASE + (seq * PER_SERIES + k) * 5000).toISOString() }),
      ),
    ),
  );
  return telemetryEnvelopeData({ gatewayId, bootId: 'boot-scale', seq, samples });
}

async function stored(f: IngestFixture) {
  const { rows } = await f.pool.query<{ n: number; distinct: number; ledger: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT (p.string_id, p.ts))::int AS distinct,
            (SELECT count(*)::int FROM ingest_batch WHERE gateway_id = $1) AS ledger
       FROM pack_sample p JOIN bms_string s ON s.id = p.string_id WHERE s.gateway_id = $1`,
    [f.gatewayId],
  );
  return rows[0]!;
}

const storedBatches = async (p: IngestProcess) => (await p.health())?.counters.stored ?? 0;

/** The fixture's gateway with its strings (once per database), and a publisher of batch `seq`. */
async function setup(f: IngestFixture) {
  if (!(await f.prisma.gateway.findUnique({ where: { id: f.gatewayId } }))) {
    await createGateway(f.prisma, { id: f.gatewayId });
    for (const bmsAddress of ADDRESSES) {
      await createBmsString(f.prisma, { gatewayId: f.gatewayId, bmsAddress });
    }
  }
  return (seq: number) => {
    const e = batch(f.gatewayId, seq);
    return f.nats.publish(
      f.subject,
      encodeTelemetryEnvelope(e),
      batchMessageId(e.gatewayId, e.bootId, e.seq),
    );
  };
}

/**
 * Ingest scales out as a JetStream queue: instances on one durable consumer split the messages,
 * and the ledger + primary key make any overlap (a redelivery after a crash) store nothing twice.
 */
describe.each(targets)('ingest scale-out on $name', (target) => {
  const f = useIngestFixture(target);

  it('two instances on one consumer share the work; every batch stored once', async () => {
    const publish = await setup(f);
    const [a, b] = [await f.ingest(SMALL_GROUPS), await f.ingest(SMALL_GROUPS)];
    await Promise.all([a!.start(), b!.start()]);

    // Publish until both have stored something (the server hands pulls to both waiting instances).
    let seq = 0;
    while (
      seq < 200 ||
      (((await storedBatches(a!)) === 0 || (await storedBatches(b!)) === 0) && seq < 2000)
    ) {
      await publish(seq++);
    }
    await waitFor('every batch to be stored', async () => (await stored(f)).ledger === seq);

    const counts = [await storedBatches(a!), await storedBatches(b!)];
    expect(
      counts.every((n) => n > 0),
      `stored per instance: ${counts}`,
    ).toBe(true);
    expect(counts[0]! + counts[1]!).toBe(seq);
    expect(await stored(f)).toEqual({ n: seq * 15, distinct: seq * 15, ledger: seq });
  });

  it('a SIGKILLed instance loses nothing acknowledged; a new one finishes every published batch', async () => {
    const publish = await setup(f);
    const before = await stored(f);
    const [a, b] = [await f.ingest(SMALL_GROUPS), await f.ingest(SMALL_GROUPS)];
    await Promise.all([a!.start(), b!.start()]);
    const first = 10_000;
    let seq = first;
    while (seq < first + 300) {
      await publish(seq++);
      if (seq === first + 100) {
        await waitFor('the victim to commit', async () => (await storedBatches(a!)) > 0);
        await a!.kill(); // mid-run: it holds pulled, un-acked messages
      }
    }
    const c = await f.ingest(SMALL_GROUPS);
    await c.start();

    // Un-acked messages of the killed instance come back after the ack wait (3 s here).
    await waitFor(
      'every published batch to be stored',
      async () => (await stored(f)).ledger === before.ledger + 300,
    );
    const after = await stored(f);
    expect(after).toEqual({
      n: before.n + 300 * 15,
      distinct: before.distinct + 300 * 15,
      ledger: before.ledger + 300,
    });
  });
});
