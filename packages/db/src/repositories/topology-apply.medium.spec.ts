import type { TopologyString } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, createGateway, testDatabaseTargets } from '../testing/index.js';
import { AlarmSubjectRepository } from './alarm-subject.repository.js';
import { BmsEventRepository } from './bms-event.repository.js';

// Identity by serial (issue 10) at the repository: the cases the ingest process test does not
// reach — two strings swapping addresses, a placeholder that raced ahead, another BMS at an
// address, and a late (older) report.
const targets = await testDatabaseTargets();
const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);

/** Stores topology events of bus can0 as ingest would, and lists a gateway's strings. */
function topologyHelpers(ctx: ReturnType<typeof useTestDatabase>) {
  let seq = 0;

  /** Stores one topology event of bus can0 as ingest would. */
  const report = async (gatewayId: string, s: number, strings: TopologyString[]) => {
    const msgId = `${gatewayId}:boot:e${seq++}`;
    const topology = { gatewayId, msgId, at: at(s), bus: 'can0', protocol: 'hv-can', strings };
    const event = {
      idx: 0,
      stringId: null,
      ts: at(s),
      kind: 'topology',
      body: { kind: 'topology' },
      topology,
    };
    await new BmsEventRepository(ctx.pool).storeBatch({ gatewayId, msgId, events: [event] });
  };
  const strings = async (gatewayId: string) =>
    (
      await ctx.pool.query<{ id: string; bms_address: number; bms_serial: string | null }>(
        'SELECT id, bms_address, bms_serial FROM bms_string WHERE gateway_id = $1 ORDER BY bms_address',
        [gatewayId],
      )
    ).rows;
  return { report, strings };
}

describe.each(targets)('topology identity by serial on $name', (target) => {
  const ctx = useTestDatabase(target);
  const { report, strings } = topologyHelpers(ctx);

  it('swaps two strings by serial: each keeps its id; a renumbered event per string', async () => {
    const gateway = await createGateway(ctx.prisma);
    const a = await createBmsString(ctx.prisma, { gatewayId: gateway.id, bmsAddress: 1 });
    const b = await createBmsString(ctx.prisma, { gatewayId: gateway.id, bmsAddress: 2 });
    await report(gateway.id, 0, [
      { bmsAddress: 1, bmsSerial: 'A' },
      { bmsAddress: 2, bmsSerial: 'B' },
    ]);
    await report(gateway.id, 10, [
      { bmsAddress: 1, bmsSerial: 'B' },
      { bmsAddress: 2, bmsSerial: 'A' },
    ]);
    expect(await strings(gateway.id)).toEqual([
      { id: b.id, bms_address: 1, bms_serial: 'B' },
      { id: a.id, bms_address: 2, bms_serial: 'A' },
    ]);
    const { rows } = await ctx.pool.query(
      "SELECT string_id FROM bms_event WHERE gateway_id = $1 AND kind = 'renumbered' ORDER BY idx",
      [gateway.id],
    );
    expect(rows.map((r) => r.string_id).sort()).toEqual([a.id, b.id].sort());
  });

  it('drops an empty placeholder at the new address, parks another BMS, ignores an older report', async () => {
    const gateway = await createGateway(ctx.prisma);
    const known = await createBmsString(ctx.prisma, { gatewayId: gateway.id, bmsAddress: 1 });
    await report(gateway.id, 0, [{ bmsAddress: 1, bmsSerial: 'K' }]);
    // Telemetry registered address 3 (no samples yet) before the report that moves K there.
    await createBmsString(ctx.prisma, { gatewayId: gateway.id, bmsAddress: 3 });
    await report(gateway.id, 10, [{ bmsAddress: 3, bmsSerial: 'K' }]);
    expect(await strings(gateway.id)).toEqual([{ id: known.id, bms_address: 3, bms_serial: 'K' }]);

    // Another BMS (serial N) now answers on address 3: K is parked with its history, N is new.
    await report(gateway.id, 20, [{ bmsAddress: 3, bmsSerial: 'N' }]);
    const after = await strings(gateway.id);
    expect(after.map((s) => [s.bms_address < 0, s.bms_serial])).toEqual([
      [true, 'K'],
      [false, 'N'],
    ]);
    expect(after[0]?.id).toBe(known.id);
    // Parked history is not a silent string: the stale sweep leaves it alone.
    await ctx.pool.query('UPDATE bms_string SET last_sample_at = $2 WHERE id = $1', [known.id, at(0)]);
    const silent = await new AlarmSubjectRepository(ctx.pool).silentCandidates();
    expect(silent.map((c) => c.id)).not.toContain(known.id);

    // A late report from before both changes moves nothing and keeps the newer report.
    await report(gateway.id, 5, [{ bmsAddress: 1, bmsSerial: 'K' }]);
    expect(await strings(gateway.id)).toEqual(after);
    const { rows } = await ctx.pool.query('SELECT reported_at FROM topology_report WHERE gateway_id = $1', [
      gateway.id,
    ]);
    expect(rows).toEqual([{ reported_at: at(20) }]);
  });
  it('without a BMS serial, knows a string by its module serials: registered at first, moved by the same set, a new set is another string', async () => {
    const gateway = await createGateway(ctx.prisma);
    const mods = (...serials: string[]) => serials.map((serial, i) => ({ position: i + 1, serial }));
    await report(gateway.id, 0, [{ bmsAddress: 1, moduleCount: 2, modules: mods('M1', 'M2') }]);
    const [first] = await strings(gateway.id);
    expect(first).toMatchObject({ bms_address: 1, bms_serial: null });

    await report(gateway.id, 10, [{ bmsAddress: 4, moduleCount: 2, modules: mods('M1', 'M2') }]);
    expect(await strings(gateway.id)).toEqual([{ id: first?.id, bms_address: 4, bms_serial: null }]);
    const { rows } = await ctx.pool.query(
      "SELECT string_id, body FROM bms_event WHERE gateway_id = $1 AND kind = 'renumbered'",
      [gateway.id],
    );
    expect(rows).toEqual([
      {
        string_id: first?.id,
        body: expect.objectContaining({ moduleSerials: ['M1', 'M2'], from: { bus: 'can0', bmsAddress: 1 } }),
      },
    ]);

    // Other modules at another address: not this string.
    await report(gateway.id, 20, [
      { bmsAddress: 4, moduleCount: 2, modules: mods('M1', 'M2') },
      { bmsAddress: 5, moduleCount: 1, modules: mods('X1') },
    ]);
    expect((await strings(gateway.id)).map((s) => [s.id === first?.id, s.bms_address])).toEqual([
      [true, 4],
      [false, 5],
    ]);
  });
});
