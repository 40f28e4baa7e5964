import type { TrendPoint } from './trend-data';

// The charts of the trends page as data: which values of a trend point each one draws, in which
// display unit. Wire units are converted here once (0.1 °C → °C, Wh → kWh), nowhere else.

/** Display units; each has one formatter in `format-value.ts` (built on lib/format/units.ts). */
export type ValueUnit = 'percent' | 'millivolts' | 'celsius' | 'kwh' | 'cycles' | 'volts' | 'amps';

export const METRIC_IDS = [
  'soh',
  'spread',
  'temperature',
  'energy',
  'cycles',
  'soc',
  'voltage',
  'current',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** Per-series keys; their labels live in the dictionary (`trends.series.<id>`). */
export type SeriesId =
  | 'soh'
  | 'spreadMax'
  | 'spreadAvg'
  | 'cellTempMax'
  | 'cellTempMin'
  | 'bmsTempMax'
  | 'energyIn'
  | 'energyOut'
  | 'cycles'
  | 'socMax'
  | 'socMin'
  | 'voltage'
  | 'current';

export interface SeriesDef {
  id: SeriesId;
  values(points: readonly TrendPoint[], nominalWh: number | null): (number | null)[];
}

export interface MetricDef {
  id: MetricId;
  unit: ValueUnit;
  /** Bars for per-bucket sums (energy), lines for everything else. */
  kind: 'line' | 'bars';
  series: readonly SeriesDef[];
}

const tenth = (v: number | null) => (v === null ? null : v / 10);
const each = (id: SeriesId, pick: (p: TrendPoint) => number | null): SeriesDef => ({
  id,
  values: (points) => points.map(pick),
});

/**
 * Equivalent full cycles since the start of the range: charged plus discharged energy, halved,
 * over the string's nominal energy. The trend API reports energy, not cycles; without a nominal
 * energy (unknown module type) there is no cycle count rather than a guessed one.
 */
export function cumulativeCycles(points: readonly TrendPoint[], nominalWh: number | null): (number | null)[] {
  if (nominalWh === null || nominalWh <= 0) {
    return points.map(() => null);
  }
  let throughputWh = 0;
  return points.map((p) => {
    throughputWh += (p.energyInWh + p.energyOutWh) / 2;
    return Math.round((1000 * throughputWh) / nominalWh) / 1000;
  });
}

export const METRICS: readonly MetricDef[] = [
  { id: 'soh', unit: 'percent', kind: 'line', series: [each('soh', (p) => p.sohPct)] },
  {
    id: 'spread',
    unit: 'millivolts',
    kind: 'line',
    series: [each('spreadMax', (p) => p.cellSpreadMaxMv), each('spreadAvg', (p) => p.cellSpreadAvgMv)],
  },
  {
    id: 'temperature',
    unit: 'celsius',
    kind: 'line',
    series: [
      each('cellTempMax', (p) => tenth(p.cellTempMaxDc)),
      each('cellTempMin', (p) => tenth(p.cellTempMinDc)),
      each('bmsTempMax', (p) => tenth(p.bmsTempMaxDc)),
    ],
  },
  {
    id: 'energy',
    unit: 'kwh',
    kind: 'bars',
    series: [each('energyIn', (p) => p.energyInWh / 1000), each('energyOut', (p) => p.energyOutWh / 1000)],
  },
  { id: 'cycles', unit: 'cycles', kind: 'line', series: [{ id: 'cycles', values: cumulativeCycles }] },
  {
    id: 'soc',
    unit: 'percent',
    kind: 'line',
    series: [each('socMax', (p) => p.socMaxPct), each('socMin', (p) => p.socMinPct)],
  },
  { id: 'voltage', unit: 'volts', kind: 'line', series: [each('voltage', (p) => tenth(p.packVoltageAvgDv))] },
  { id: 'current', unit: 'amps', kind: 'line', series: [each('current', (p) => tenth(p.packCurrentAvgDa))] },
];

export function metricById(id: MetricId): MetricDef {
  return METRICS.find((m) => m.id === id) as MetricDef;
}
