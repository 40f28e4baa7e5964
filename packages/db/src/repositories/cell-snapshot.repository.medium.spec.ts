import type { CellSnapshot } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, packSampleData, testDatabaseTargets, uniqueSuffix } from '../testing/index.js';
import { CellSnapshotRepository } from './cell-snapshot.repository.js';
import { PackSampleRepository } from './pack-sample.repository.js';
import { QuarantineRepository } from './quarantine.repository.js';

const targets = await testDatabaseTargets();

const snapshot = (ts: string, overrides: Partial<CellSnapshot> = {}): CellSnapshot => ({
  kind: 'cells',
  ts,
  bus: 'can0',
  bmsAddress: 0,
  source: 'console',
  trigger: 'schedule',
  cellVoltagesMv: [
    [3301, 3302, 3303],
    [3290, 3310],
  ],
  cellTempsDc: [[181], [179]],
  ...overrides,
});

describe.each(targets)('cell_snapshot on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('stores one row per snapshot with [module][cell] arrays, in the ledger transaction', async () => {
    const string = await createBmsString(ctx.prisma);
    const batch = {
      msgId: `m-${uniqueSuffix()}`,
      gatewayId: string.gatewayId,
      rows: [
        {
          stringId: string.id,
          sample: packSampleData({ ts: '2026-11-25T10:00:00.000Z', moduleVoltageMaxMv: 53_120 }),
        },
      ],
      cellSnapshots: [{ stringId: string.id, snapshot: snapshot('2026-11-25T10:00:00.000Z') }],
    };

    const first = await new PackSampleRepository(ctx.pool).storeBatch(batch);
    const again = await new PackSampleRepository(ctx.pool).storeBatch(batch);

    expect(first).toEqual({ duplicate: false, stored: 1, storedCellSnapshots: 1 });
    expect(again).toEqual({ duplicate: true, stored: 0 });
    const [stored] = await new CellSnapshotRepository(ctx.pool).latest(string.id);
    expect(stored).toEqual({
      ts: new Date('2026-11-25T10:00:00.000Z'),
      source: 'console',
      trigger: 'schedule',
      // The shorter module is padded with NULL: PostgreSQL arrays are rectangular.
      cellVoltagesMv: [
        [3301, 3302, 3303],
        [3290, 3310, null],
      ],
      cellTempsDc: [[181], [179]],
      cellMinMv: 3290,
      cellMaxMv: 3310,
    });
    const { rows } = await ctx.pool.query(
      'SELECT module_voltage_max_mv FROM pack_sample WHERE string_id = $1',
      [string.id],
    );
    expect(rows).toEqual([{ module_voltage_max_mv: 53_120 }]);
  });

  it('rolls a whole group back (ledger included) when a snapshot cannot be stored', async () => {
    const string = await createBmsString(ctx.prisma);
    const msgId = `m-${uniqueSuffix()}`;
    const bad = snapshot('2026-11-25T11:00:00.000Z', { cellVoltagesMv: [[3300]] });
    await expect(
      new PackSampleRepository(ctx.pool).storeBatches([
        {
          msgId,
          gatewayId: string.gatewayId,
          rows: [],
          // A string id that does not exist: the foreign key refuses the row.
          cellSnapshots: [{ stringId: '00000000-0000-4000-8000-000000000000', snapshot: bad }],
        },
      ]),
    ).rejects.toThrow(/foreign key/);
    const { rows } = await ctx.pool.query('SELECT 1 FROM ingest_batch WHERE msg_id = $1', [msgId]);
    expect(rows).toEqual([]);
  });

  it('quarantines a snapshot the database refuses while the rest of its batch lands', async () => {
    const string = await createBmsString(ctx.prisma);
    const msgId = `m-${uniqueSuffix()}`;
    const vanished = '00000000-0000-4000-8000-000000000000';
    const bad = snapshot('2026-11-25T11:00:00.000Z', { cellVoltagesMv: [[3300]] });
    const good = snapshot('2026-11-25T11:00:05.000Z');

    const result = await new PackSampleRepository(ctx.pool).storeBatch({
      msgId,
      gatewayId: string.gatewayId,
      rows: [{ stringId: string.id, sample: packSampleData({ ts: '2026-11-25T11:00:00.000Z' }) }],
      cellSnapshots: [
        { stringId: vanished, snapshot: bad },
        { stringId: string.id, snapshot: good },
      ],
    });

    expect(result).toEqual({ duplicate: false, stored: 1, storedCellSnapshots: 1, quarantined: 1 });
    const quarantined = await new QuarantineRepository(ctx.pool).byGateway(string.gatewayId);
    expect(quarantined).toEqual([
      expect.objectContaining({
        msgId,
        kind: 'cells',
        stringId: vanished,
        code: 'db-refused',
        sqlstate: '23503',
        raw: bad,
      }),
    ]);
    const { rows } = await ctx.pool.query('SELECT ts FROM cell_snapshot WHERE string_id = $1', [string.id]);
    expect(rows).toEqual([{ ts: new Date(good.ts) }]);
  });
});
