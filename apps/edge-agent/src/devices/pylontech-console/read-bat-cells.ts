// From the body of a `bat` response to a cell reading, or the reason it cannot be trusted.
// `parseBat` (protocol package) is tolerant by design: it skips lines it does not understand.
// A snapshot must not be: one lost or damaged row would shift every later cell into the wrong
// module, so rows must be numbered 0…n-1 without a gap, every row must carry a voltage, all
// rows must have one layout, and n must be whole modules (15 cells each, reference §6).
import { CELLS_PER_MODULE, parseBat } from '@fleet/protocol';
import type { CellReading } from '../../sampling/cell-source.js';
import type { ConsoleGarbageKind } from './console-client.js';

export type BatCells =
  | { ok: true; reading: CellReading; ignoredLines: number }
  | { ok: false; kind: ConsoleGarbageKind; reason: string };

/** Printable ASCII and tab: anything else in a response is line noise. */
const NOISE = /[^\t\x20-\x7e]/;

export function readBatCells(body: readonly string[], cellsPerModule = CELLS_PER_MODULE): BatCells {
  const noisy = body.find((line) => NOISE.test(line));
  if (noisy !== undefined) {
    return { ok: false, kind: 'non-printable', reason: `line noise in "${noisy.slice(0, 40)}"` };
  }
  const parsed = parseBat(body, cellsPerModule);
  if (parsed.status === 'corrupt') {
    return { ok: false, kind: 'unparseable', reason: parsed.reason };
  }
  const rows = [...parsed.value.cells].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  const layout = Object.keys(rows[0]?.raw ?? {}).join(',');
  for (const [i, row] of rows.entries()) {
    if (row.index !== i) {
      return { ok: false, kind: 'unparseable', reason: `bat: row ${i} missing (found index ${row.index})` };
    }
    if (row.voltageMv === undefined) {
      return { ok: false, kind: 'unparseable', reason: `bat: row ${i} has no readable voltage` };
    }
    if (Object.keys(row.raw).join(',') !== layout) {
      return { ok: false, kind: 'unparseable', reason: `bat: row ${i} has other columns than row 0` };
    }
  }
  if (rows.length % cellsPerModule !== 0) {
    return {
      ok: false,
      kind: 'unparseable',
      reason: `bat: ${rows.length} rows are not whole modules of ${cellsPerModule} cells`,
    };
  }
  const modules = rows.length / cellsPerModule;
  const cellVoltagesMv: number[][] = Array.from({ length: modules }, () => []);
  const cellTempsDc: (number | null)[][] = Array.from({ length: modules }, () => []);
  // parseBat gives module/cell in physical order (the console prints the last module first).
  for (const cell of [...parsed.value.cells].sort((a, b) => a.module - b.module || a.cell - b.cell)) {
    cellVoltagesMv[cell.module]?.push(cell.voltageMv as number);
    cellTempsDc[cell.module]?.push(cell.tempDc ?? null);
  }
  return {
    ok: true,
    reading: { source: 'console', cellVoltagesMv, cellTempsDc },
    ignoredLines: parsed.ignoredLines,
  };
}
