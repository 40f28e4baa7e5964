import { createGateway, packSampleData, telemetryEnvelopeData, testDatabaseTargets } from '@fleet/db/testing';
import { encodeTelemetryEnvelope, streams, subjects } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, describe, expect, it } from 'vitest';
import { useIngestFixture } from '../ingest-fixture.js';

const targets = await testDatabaseTargets();
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

/** A `bms.evt/1` batch: a composition of string (can0, 0), a boot, and a kind from the future. */
function eventBatch(gatewayId: string, seq: number, moduleCount: number) {
  return JSON.stringify({
    schema: 'bms.evt/1',
    gatewayId,
    bootId: 'boot-1',
    seq,
    sentAt: at(seq),
    events: [
      {
        kind: 'composition',
        ts: at(seq),
        bus: 'can0',
        bmsAddress: 0,
        protocol: 'hv-can',
        moduleCount,
        cellsPerModule: 15,
      },
      {
        kind: 'boot',
        ts: at(seq),
        agentVersion: '1.2.3',
        protocol: 'hv-can',
        mode: 'active',
        bus: 'can0',
        transport: 'slcan',
      },
      { kind: 'future_kind', ts: at(seq), detail: 7 },
    ],
  });
}

describe.each(targets)('ingest string history (events, gaps) on $name', (target) => {
  const f = useIngestFixture(target);
  afterAll(async () => {
    // The event writer's own durable beside the fixture's telemetry one (eventsSubscription).
    const jsm = await jetstreamManager(f.nats.nc);
    await jsm.consumers.delete(streams.events.name, `${f.consumer}-events`).catch(() => undefined);
    await jsm.streams
      .purge(streams.events.name, { filter: subjects.events(f.gatewayId) })
      .catch(() => undefined);
  });
  const count = async (sql: string) => (await f.pool.query<{ n: number }>(sql, [f.gatewayId])).rows[0]?.n;

  it('stores events once under a replay, turns a composition into modules, and keeps gaps current', async () => {
    await createGateway(f.prisma, { id: f.gatewayId });
    const ingest = await f.ingest({ ALARMS_ENABLED: 'false' });
    await ingest.start();
    const events = subjects.events(f.gatewayId);

    await f.nats.publish(events, eventBatch(f.gatewayId, 0, 4));
    await f.nats.publish(events, eventBatch(f.gatewayId, 0, 4)); // replay (no Nats-Msg-Id: JetStream keeps it)
    await f.nats.publish(events, 'not json');
    await f.nats.publish(events, eventBatch(f.gatewayId, 1, 3)); // handled after the replay: one consumer, in order
    await waitFor(
      'the second batch',
      async () =>
        ((await count(
          "SELECT count(*)::int AS n FROM bms_event WHERE gateway_id = $1 AND msg_id LIKE '%:e1'",
        )) ?? 0) > 0,
    );
    expect(await count('SELECT count(*)::int AS n FROM bms_event WHERE gateway_id = $1')).toBe(6);
    const { rows: kinds } = await f.pool.query(
      `SELECT kind, string_id IS NOT NULL AS "onString", body->>'detail' AS detail FROM bms_event
        WHERE gateway_id = $1 AND msg_id LIKE '%:e0' ORDER BY idx`,
      [f.gatewayId],
    );
    expect(kinds).toEqual([
      { kind: 'composition', onString: true, detail: null },
      { kind: 'boot', onString: false, detail: null },
      { kind: 'future_kind', onString: false, detail: '7' },
    ]);
    const { rows: modules } = await f.pool.query(
      `SELECT m.position, m.module_type::text AS type, m.serial, m.removed_at IS NOT NULL AS removed, s.module_count
         FROM bms_module m JOIN bms_string s ON s.id = m.string_id WHERE s.gateway_id = $1
        ORDER BY m.removed_at NULLS FIRST, m.position`,
      [f.gatewayId],
    );
    expect(modules.map((m) => [m.position, m.type, m.serial, m.removed, m.module_count])).toEqual([
      [1, 'H48050', null, false, 3],
      [2, 'H48050', null, false, 3],
      [3, 'H48050', null, false, 3],
      [4, 'H48050', null, true, 3],
    ]);

    const gaps = async () =>
      (
        await f.pool.query<{ s: number; e: number }>(
          `SELECT extract(epoch FROM g.gap_start - $2::timestamptz)::int AS s, extract(epoch FROM g.gap_end - $2::timestamptz)::int AS e
             FROM data_gap g JOIN bms_string b ON b.id = g.string_id WHERE b.gateway_id = $1 ORDER BY 1`,
          [f.gatewayId, at(0)],
        )
      ).rows.map((r) => [r.s, r.e]);
    const telemetry = (seq: number, seconds: number[]) =>
      f.nats.publish(
        f.subject,
        encodeTelemetryEnvelope(
          telemetryEnvelopeData({
            gatewayId: f.gatewayId,
            seq,
            samples: seconds.map((s) => packSampleData({ ts: at(s) })),
          }),
        ),
      );
    await telemetry(1, [0, 60]);
    await telemetry(2, [3000, 3060]);
    expect(await waitFor('a gap', async () => ((await gaps()).length === 1 ? gaps() : undefined))).toEqual([
      [60, 3000],
    ]);
    await telemetry(3, [1200, 1260]); // late data inside the hole
    expect(
      await waitFor('the gap split', async () => ((await gaps()).length === 2 ? gaps() : undefined)),
    ).toEqual([
      [60, 1200],
      [1260, 3000],
    ]);
  });
});
