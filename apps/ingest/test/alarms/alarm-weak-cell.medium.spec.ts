import { telemetryEnvelopeData, testDatabaseTargets, uniqueSuffix } from '@fleet/db/testing';
import { encodeTelemetryEnvelope, subjects } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { T0, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();
const WEEK_MS = 7 * 86_400_000;

/** Module 0 of three cells; cell 1 falls 12 mV a week against its neighbours. */
const cells = (week: number) => [[3300, 3300 - 12 * week, 3300]];

describe.each(targets)('derived.weak_cell on $name', (target) => {
  const f = useAlarmFixture(target);
  /** What the writer would have committed: one snapshot a week for weeks 0 … `weeks - 1`. */
  const store = async (stringId: string, weeks: number) => {
    for (let week = 0; week < weeks; week++) {
      const grid = cells(week);
      await f.pool.query(
        `INSERT INTO cell_snapshot (string_id, ts, source, trigger, module_count, cell_voltages_mv, cell_min_mv, cell_max_mv)
         VALUES ($1, $2, 'console', 'schedule', 1, $3, $4, $5)`,
        [stringId, new Date(T0 + week * WEEK_MS), grid, Math.min(...grid[0]!), Math.max(...grid[0]!)],
      );
    }
  };
  const feedCells = async (engine: ReturnType<typeof f.engine>, gatewayId: string, week: number) => {
    const envelope = telemetryEnvelopeData({
      gatewayId,
      bootId: `boot-${uniqueSuffix()}`,
      seq: week,
      samples: [
        {
          kind: 'cells',
          ts: new Date(T0 + week * WEEK_MS).toISOString(),
          bus: 'can0',
          bmsAddress: 0,
          source: 'console',
          trigger: 'schedule',
          cellVoltagesMv: cells(week),
        },
      ],
    });
    await engine.evaluator.handle({
      subject: subjects.telemetry(gatewayId),
      data: encodeTelemetryEnvelope(envelope),
      deliveryCount: 1,
    });
    await engine.relay.flush();
  };

  it('opens on a cell falling away from its module over stored snapshots plus the batch', async () => {
    const s = await f.newString();
    const engine = f.engine();
    await store(s.stringId, 3);
    await feedCells(engine, s.gatewayId, 3);
    const { rows } = await f.pool.query(
      `SELECT status::text, severity::text FROM alarm WHERE string_id = $1 AND code = 'derived.weak_cell'`,
      [s.stringId],
    );
    // Hand-computed: 0, 12, 24, 36 mV under the module median at weeks 0..3 → −12 mV/week,
    // beyond the default critical threshold of −10 mV/week.
    expect(rows).toEqual([{ status: 'open', severity: 'critical' }]);
  });

  it('judges nothing while too few snapshots exist for a slope', async () => {
    const s = await f.newString();
    const engine = f.engine();
    await feedCells(engine, s.gatewayId, 0);
    const { rows } = await f.pool.query(`SELECT 1 FROM alarm WHERE string_id = $1`, [s.stringId]);
    expect(rows).toEqual([]);
  });
});
