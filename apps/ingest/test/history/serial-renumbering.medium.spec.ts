import { createGateway, productionTestTargets } from '@fleet/db/testing';
import { streams, subjects } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, describe, expect, it } from 'vitest';
import { useIngestFixture } from '../ingest-fixture.js';
import { Rs485Site } from './rs485-site.js';

// Issue 10 acceptance, end to end with real processes: "Renumbering a string's address keeps its
// history". The simulator's SC1000 answers RS485 0x93 with its modules' serials; the agent reads
// them at discovery into the topology event; ingest knows the string by that serial set. The
// installer then re-addresses the string (CAN 0 → 3, same modules), and later swaps one module.
const targets = await productionTestTargets();
const SERIALS = ['PPTAA0001', 'PPTAA0002', 'PPTAA0003', 'PPTAA0004', 'PPTAA0005'];
/** The module at rack position 2 replaced. */
const SWAPPED = SERIALS.map((s, i) => (i === 1 ? 'PPTBB0009' : s));

describe.each(targets)('module serials over RS485, agent to ingest, on $name', (target) => {
  const f = useIngestFixture(target);
  const site = { current: undefined as Rs485Site | undefined };
  afterAll(async () => {
    await site.current?.stop();
    const jsm = await jetstreamManager(f.nats.nc);
    await jsm.streams
      .purge(streams.events.name, { filter: subjects.events(f.gatewayId) })
      .catch(() => undefined);
  });
  const query = async <T extends object>(sql: string) => (await f.pool.query<T>(sql, [f.gatewayId])).rows;
  /** Samples per string, by where the string is now. */
  const samplesByString = () =>
    query<{ id: string; bms_address: number; n: number }>(
      `SELECT s.id, s.bms_address, count(p.ts)::int AS n FROM bms_string s
         LEFT JOIN pack_sample p ON p.string_id = s.id WHERE s.gateway_id = $1
        GROUP BY s.id ORDER BY s.bms_address`,
    );
  const presentSerials = async () =>
    (
      await query<{ serial: string }>(
        `SELECT m.serial FROM bms_module m JOIN bms_string s ON s.id = m.string_id
          WHERE s.gateway_id = $1 AND m.removed_at IS NULL AND m.serial IS NOT NULL ORDER BY m.position`,
      )
    ).map((m) => m.serial);

  it('keeps one string and its samples across a re-address, and opens a new module row for a swapped module', async () => {
    await createGateway(f.prisma, { id: f.gatewayId });
    const ingest = await f.ingest({ ALARMS_ENABLED: 'false' });
    await ingest.start();
    const sim = new Rs485Site(f.gatewayId);
    site.current = sim;
    const until = <T>(what: string, check: () => Promise<T | undefined | false>) =>
      waitFor(what, check, { timeoutMs: 30_000 }).catch((error: Error) => {
        throw new Error(`${error.message}\n${sim.output()}\n--- ingest\n${ingest.tail(20)}`);
      });

    await sim.start({ bmsAddress: 0, moduleSerials: SERIALS });
    const [first] = await until('serials and samples at address 0', async () => {
      const rows = await samplesByString();
      return rows[0] && rows[0].n >= 2 && (await presentSerials()).length === SERIALS.length && rows;
    });
    expect(await presentSerials()).toEqual(SERIALS);

    await sim.restart({ bmsAddress: 3, moduleSerials: SERIALS });
    const after = await until('samples after the re-address', async () => {
      const rows = await samplesByString();
      return rows.some((r) => r.bms_address === 3 && r.n > (first?.n ?? 0)) && rows;
    });
    // One string, moved to 3, holding every sample from before and after.
    expect(after).toEqual([{ id: first?.id, bms_address: 3, n: expect.any(Number) }]);
    const renumbered = await query<{ string_id: string; body: Record<string, unknown> }>(
      "SELECT string_id, body FROM bms_event WHERE gateway_id = $1 AND kind = 'renumbered'",
    );
    expect(renumbered).toEqual([
      {
        string_id: first?.id,
        body: expect.objectContaining({
          moduleSerials: [...SERIALS].sort(),
          from: { bus: 'can0', bmsAddress: 0 },
          to: { bus: 'can0', bmsAddress: 3 },
        }),
      },
    ]);

    await sim.restart({ bmsAddress: 3, moduleSerials: SWAPPED });
    await until('the swapped module', async () => (await presentSerials()).includes('PPTBB0009'));
    const modules = await query<{ string_id: string; position: number; serial: string; removed: boolean }>(
      `SELECT m.string_id, m.position, m.serial, m.removed_at IS NOT NULL AS removed
         FROM bms_module m JOIN bms_string s ON s.id = m.string_id WHERE s.gateway_id = $1
        ORDER BY m.position, m.first_seen_at`,
    );
    expect(modules.map((m) => [m.string_id === first?.id, m.position, m.serial, m.removed])).toEqual([
      [true, 1, 'PPTAA0001', false],
      [true, 2, 'PPTAA0002', true],
      [true, 2, 'PPTBB0009', false],
      ...[3, 4, 5].map((p) => [true, p, `PPTAA000${p}`, false]),
    ]);
  });
});
