import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { UnitFormatter } from '../../../lib/format/units';
import type { HeatmapMode, StringCells } from './site-types';

/** One cell of the heatmap as the table draws it. */
export interface HeatCell {
  key: string;
  /** The value in the grid's unit (mV, or 0.1 °C); null = not read. */
  value: number | null;
  /** Short text inside the cell (the number only; the unit is in the caption). */
  text: string;
  /** Background and text colours (CSS). */
  background: string;
  color: string;
  /** 'low' / 'high' for an outlier below / above the median, null otherwise. */
  outlier: 'low' | 'high' | null;
  /** The cell's accessible name: position, value with unit, and the outlier sentence. */
  label: string;
}

export interface HeatmapModel {
  mode: HeatmapMode;
  /** Column headers (Cell n / Sensor n) and row headers (Module n), 1-based as people count. */
  columns: string[];
  rows: { header: string; cells: HeatCell[] }[];
  /** The value distance from the median that gets the strongest colour. */
  range: number;
  median: number;
  threshold: number;
  outliers: number;
}

// Diverging scale around the string's median. Voltage: a low cell (the usual fault) is warm, a high
// one blue; temperature the other way round (a hot sensor is warm). Fixed colours whose text colour
// (black or white) is whichever contrasts more with the step, so the contrast holds in both schemes.
const COOL = [210, 70] as const;
const WARM = [8, 75] as const;

/** WCAG relative luminance of an HSL colour (h in degrees, s and l in %). */
export function luminanceOfHsl(h: number, s: number, l: number): number {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(8) + 0.0722 * channel(4);
}

function colourOf(
  deviation: number,
  range: number,
  lowIsWarm: boolean,
): { background: string; color: string } {
  const t = Math.max(-1, Math.min(1, deviation / range));
  const [hue, saturation] = t < 0 === lowIsWarm ? WARM : COOL;
  const lightness = Math.round(92 - Math.abs(t) * 52);
  const y = luminanceOfHsl(hue, saturation, lightness);
  // Contrast with white is 1.05 / (y + 0.05), with black (y + 0.05) / 0.05.
  const white = 1.05 / (y + 0.05) > (y + 0.05) / 0.05;
  return { background: `hsl(${hue} ${saturation}% ${lightness}%)`, color: white ? '#ffffff' : '#111111' };
}

/** The grid, its analysis and the unit of the chosen mode; null when the snapshot lacks it. */
function sourceOf(cells: StringCells, mode: HeatmapMode) {
  if (mode === 'temperature') {
    return cells.cellTempsDc && cells.temperature
      ? { grid: cells.cellTempsDc, stats: cells.temperature }
      : null;
  }
  return cells.voltage ? { grid: cells.cellVoltagesMv, stats: cells.voltage } : null;
}

/**
 * What the heatmap shows for one snapshot: colour per cell (by distance from the string median,
 * saturated at 1.5 × the outlier threshold so an outlier is always at the strong end), the
 * API's outlier flags, and each cell's accessible name, e.g. "Module 3, cell 7: 3262 mV, outlier:
 * 48 mV below the string median". Null when the snapshot has no values for the mode.
 */
export function heatmapModel(
  cells: StringCells,
  mode: HeatmapMode,
  t: Dictionary,
  u: UnitFormatter,
): HeatmapModel | null {
  const source = sourceOf(cells, mode);
  if (!source) {
    return null;
  }
  const { grid, stats } = source;
  const h = t.site.heatmap;
  const format = mode === 'voltage' ? u.millivolts : u.celsiusDc;
  const range = stats.threshold * 1.5;
  // The bare number inside a sensor cell (the unit is in the caption), in the locale's decimals.
  const tenths = new Intl.NumberFormat(u.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, c) =>
    interpolate(mode === 'voltage' ? h.cell : h.sensor, { n: c + 1 }),
  );
  const rows = grid.map((row, m) => ({
    header: interpolate(h.module, { n: m + 1 }),
    cells: Array.from({ length: width }, (_, c): HeatCell => {
      const value = row[c] ?? null;
      const deviation = stats.deviation[m]?.[c] ?? null;
      const flagged = stats.outlier[m]?.[c] === true && deviation !== null;
      const outlier = flagged ? (deviation < 0 ? 'low' : 'high') : null;
      const name = interpolate(mode === 'voltage' ? h.cellName : h.sensorName, {
        module: m + 1,
        cell: c + 1,
        value: value === null ? h.notRead : format(value),
      });
      const amount = deviation === null ? '' : format(Math.abs(deviation));
      const sentence =
        outlier === null
          ? ''
          : `, ${interpolate(outlier === 'low' ? h.outlierBelow : h.outlierAbove, { amount })}`;
      const colours =
        value === null || deviation === null
          ? { background: 'transparent', color: 'inherit' }
          : colourOf(deviation, range, mode === 'voltage');
      return {
        key: `${m}:${c}`,
        value,
        text: value === null ? '–' : mode === 'voltage' ? String(value) : tenths.format(value / 10),
        ...colours,
        outlier,
        label: `${name}${sentence}`,
      };
    }),
  }));
  return {
    mode,
    columns,
    rows,
    range,
    median: stats.median,
    threshold: stats.threshold,
    outliers: stats.count,
  };
}
