import { z } from 'zod';
import { intGrid } from './int-grid.js';

const int = z.number().int();

/** Where a per-cell snapshot was read: the SC console `bat`, RS485 0x42, or another source. */
export const cellSources = ['console', 'rs485', 'other'] as const;
/** Why it was taken: the plan's cadence, an alarm/protection/error bit edge, or a cloud command. */
export const cellTriggers = ['schedule', 'edge', 'command'] as const;

/**
 * Every cell of one string at one moment (bms.tlm/1, minor 1). Arrays are [module][cell] in
 * physical order (module 0 = first after the BMS), so a 15 × 15 string is 225 numbers and one
 * row in `cell_snapshot`. Per-cell detail does not come from HV CAN (the 0x5xxx layout is
 * unknown, protocol reference) but from the console or RS485.
 */
export const cellSnapshotSchema = z.object({
  kind: z.literal('cells'),
  ts: z.iso.datetime({ offset: true }),
  bus: z.string().min(1).max(32),
  bmsAddress: int.min(0).max(15),
  source: z.enum(cellSources).optional(),
  trigger: z.enum(cellTriggers).optional(),
  /** [module][cell], 1 mV. */
  cellVoltagesMv: intGrid({
    min: 0,
    max: 0xffff,
    minRows: 1,
    maxRows: 64,
    minCols: 1,
    maxCols: 64,
    nullable: false,
  }),
  /** [module][sensor], 0.1 °C, where the source reports them; null for a sensor not read. */
  cellTempsDc: intGrid<number | null>({
    min: -1000,
    max: 2000,
    minRows: 0,
    maxRows: 64,
    minCols: 0,
    maxCols: 64,
    nullable: true,
  }).optional(),
});

export type CellSnapshot = z.infer<typeof cellSnapshotSchema>;
export type CellSource = (typeof cellSources)[number];
export type CellTrigger = (typeof cellTriggers)[number];
