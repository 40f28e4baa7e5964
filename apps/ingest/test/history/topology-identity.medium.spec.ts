import { createGateway, packSampleData, telemetryEnvelopeData, testDatabaseTargets } from '@fleet/db/testing';
import { encodeTelemetryEnvelope, streams, subjects, type TopologyString } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, describe, expect, it } from 'vitest';
import { useIngestFixture } from '../ingest-fixture.js';

// Issue 10 acceptance: "Renumbering a string's address keeps its history" — through the running
// ingest process, the way an agent's topology event and telemetry arrive.
const targets = await testDatabaseTargets();
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

const modules = (serials: string[]) => serials.map((serial, i) => ({ position: i + 1, serial }));

function topologyBatch(gatewayId: string, seq: number, strings: TopologyString[]) {
  return JSON.stringify({
    schema: 'bms.evt/1',
    gatewayId,
    bootId: 'boot-topology',
    seq,
    sentAt: at(seq * 100),
    events: [{ kind: 'topology', ts: at(seq * 100), bus: 'can0', protocol: 'hv-can', strings }],
  });
}

type Query = <T extends object>(sql: string) => Promise<T[]>;

/** Position 2's module was swapped: its old row is closed, a new one opened on the same string. */
async function expectModuleHistory(query: Query): Promise<void> {
  const moduleRows = await query<{ position: number; serial: string; removed: boolean }>(
    `SELECT m.position, m.serial, m.removed_at IS NOT NULL AS removed
         FROM bms_module m JOIN bms_string s ON s.id = m.string_id WHERE s.gateway_id = $1
        ORDER BY m.position, m.first_seen_at`,
  );
  expect(moduleRows.map((m) => [m.position, m.serial, m.removed])).toEqual([
    [1, 'M-1', false],
    [2, 'M-2', true],
    [2, 'M-2b', false],
    [3, 'M-3', false],
  ]);
}

describe.each(targets)('ingest topology identity by serial on $name', (target) => {
  const f = useIngestFixture(target);
  afterAll(async () => {
    const jsm = await jetstreamManager(f.nats.nc);
    await jsm.consumers.delete(streams.events.name, `${f.consumer}-events`).catch(() => undefined);
    await jsm.streams
      .purge(streams.events.name, { filter: subjects.events(f.gatewayId) })
      .catch(() => undefined);
  });
  const query = async <T extends object>(sql: string) => (await f.pool.query<T>(sql, [f.gatewayId])).rows;
  const telemetry = (seq: number, bmsAddress: number, seconds: number[]) =>
    f.nats.publish(
      f.subject,
      encodeTelemetryEnvelope(
        telemetryEnvelopeData({
          gatewayId: f.gatewayId,
          seq,
          samples: seconds.map((s) => packSampleData({ ts: at(s), bmsAddress })),
        }),
      ),
    );
  const sampleCount = async () =>
    (
      await query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pack_sample p JOIN bms_string s ON s.id = p.string_id WHERE s.gateway_id = $1',
      )
    )[0]?.n ?? 0;

  it('keeps a re-addressed string (same BMS serial) as one string with one history, and opens a new module row for a replaced module', async () => {
    await createGateway(f.prisma, { id: f.gatewayId });
    const ingest = await f.ingest({ ALARMS_ENABLED: 'false' });
    await ingest.start();
    const events = subjects.events(f.gatewayId);

    await f.nats.publish(
      events,
      topologyBatch(f.gatewayId, 0, [
        { bmsAddress: 1, moduleCount: 3, bmsSerial: 'SC1000-A', modules: modules(['M-1', 'M-2', 'M-3']) },
      ]),
    );
    await waitFor(
      'the first report',
      async () => (await query('SELECT 1 FROM topology_report WHERE gateway_id = $1')).length > 0,
    );
    await telemetry(1, 1, [0, 60]);
    await waitFor('samples at address 1', async () => (await sampleCount()) === 2);

    // The installer moved the string to address 2 and swapped the module at position 2.
    await f.nats.publish(
      events,
      topologyBatch(f.gatewayId, 1, [
        { bmsAddress: 2, moduleCount: 3, bmsSerial: 'SC1000-A', modules: modules(['M-1', 'M-2b', 'M-3']) },
      ]),
    );
    await waitFor(
      'the renumbering',
      async () =>
        (await query("SELECT 1 FROM bms_event WHERE gateway_id = $1 AND kind = 'renumbered'")).length > 0,
    );
    await telemetry(2, 2, [120, 180]);
    await waitFor('samples at address 2', async () => (await sampleCount()) === 4);

    const strings = await query<{ id: string; bms_address: number; bms_serial: string }>(
      'SELECT id, bms_address, bms_serial FROM bms_string WHERE gateway_id = $1',
    );
    expect(strings.map((s) => [s.bms_address, s.bms_serial])).toEqual([[2, 'SC1000-A']]);
    const bySample = await query<{ string_id: string; n: number }>(
      `SELECT p.string_id, count(*)::int AS n FROM pack_sample p JOIN bms_string s ON s.id = p.string_id
        WHERE s.gateway_id = $1 GROUP BY p.string_id`,
    );
    expect(bySample).toEqual([{ string_id: strings[0]?.id, n: 4 }]);

    const [renumbered] = await query<{ string_id: string; body: Record<string, unknown> }>(
      "SELECT string_id, body FROM bms_event WHERE gateway_id = $1 AND kind = 'renumbered'",
    );
    expect(renumbered?.string_id).toBe(strings[0]?.id);
    expect(renumbered?.body).toMatchObject({
      bmsSerial: 'SC1000-A',
      from: { bus: 'can0', bmsAddress: 1 },
      to: { bus: 'can0', bmsAddress: 2 },
    });

    await expectModuleHistory(query);
  });
});
