import type { StringCells, StringModule } from './site-types';

export interface ModuleRow {
  key: string;
  position: number;
  serial: string | null;
  moduleType: StringModule['moduleType'];
  /** Sum of the module's cells in the newest snapshot (mV); null when a cell was not read. */
  voltageMv: number | null;
  /** Hottest sensor of the module in the snapshot (0.1 °C); null without temperatures. */
  maxTempDc: number | null;
  removed: boolean;
}

/**
 * Modules in rack order (present ones by position, then the removed ones, as the API lists them)
 * with the module voltage and hottest sensor taken from the newest cell snapshot, whose row 0 is
 * position 1. Positions the snapshot has but the module list lacks (no composition event yet) are
 * still shown, without serial.
 */
export function moduleRows(
  modules: readonly StringModule[],
  cells: StringCells | null,
  fallbackType: StringModule['moduleType'],
): ModuleRow[] {
  const fromSnapshot = (position: number) => {
    const volts = cells?.cellVoltagesMv[position - 1];
    const temps = cells?.cellTempsDc?.[position - 1]?.filter((v): v is number => v !== null) ?? [];
    return {
      voltageMv:
        volts && volts.length > 0 && volts.every((v) => v !== null) ? volts.reduce((s, v) => s + v, 0) : null,
      maxTempDc: temps.length > 0 ? Math.max(...temps) : null,
    };
  };
  const rows: ModuleRow[] = modules.map((m) => ({
    key: m.id,
    position: m.position,
    serial: m.serial,
    moduleType: m.moduleType,
    removed: m.removedAt !== null,
    ...(m.removedAt === null ? fromSnapshot(m.position) : { voltageMv: null, maxTempDc: null }),
  }));
  const present = new Set(rows.filter((r) => !r.removed).map((r) => r.position));
  const extra = (cells?.cellVoltagesMv ?? [])
    .map((_, i) => i + 1)
    .filter((p) => !present.has(p))
    .map((position) => ({
      key: `snapshot-${position}`,
      position,
      serial: null,
      moduleType: fallbackType,
      removed: false,
      ...fromSnapshot(position),
    }));
  return [...rows.filter((r) => !r.removed), ...extra]
    .sort((a, b) => a.position - b.position)
    .concat(rows.filter((r) => r.removed));
}
