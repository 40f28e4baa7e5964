import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../../i18n/dictionary';
import { createUnitFormatter } from '../../../lib/format/units';
import { heatmapModel, luminanceOfHsl } from './heatmap-model';
import type { StringCells } from './site-types';

const t = dictionaryFor('en');
const u = createUnitFormatter('en');

/** 2 modules × 3 cells; module 2, cell 2 is 48 mV below the median and flagged by the API. */
const cells: StringCells = {
  stringId: '00000000-0000-4000-8000-000000000001',
  ts: '2026-11-01T11:00:00.000Z',
  source: 'console',
  trigger: 'schedule',
  cellVoltagesMv: [
    [3310, 3311, 3309],
    [3310, 3262, null],
  ],
  cellTempsDc: [
    [250, 251],
    [252, 330],
  ],
  voltage: {
    median: 3310,
    mad: 1,
    threshold: 20,
    deviation: [
      [0, 1, -1],
      [0, -48, null],
    ],
    outlier: [
      [false, false, false],
      [false, true, false],
    ],
    count: 1,
  },
  temperature: {
    median: 252,
    mad: 1,
    threshold: 30,
    deviation: [
      [-2, -1],
      [0, 78],
    ],
    outlier: [
      [false, false],
      [false, true],
    ],
    count: 1,
  },
  spreadMv: 49,
  weakest: [],
  rule: { method: 'median-mad', k: 3.5, voltageFloorMv: 20, temperatureFloorDc: 30, description: '' },
};

describe('heatmapModel', () => {
  it('names every cell by module and cell, and says how far an outlier is from the median', () => {
    const sut = heatmapModel(cells, 'voltage', t, u);
    expect(sut?.columns).toEqual(['Cell 1', 'Cell 2', 'Cell 3']);
    expect(sut?.rows.map((r) => r.header)).toEqual(['Module 1', 'Module 2']);
    const weak = sut?.rows[1]?.cells[1];
    expect(weak?.outlier).toBe('low');
    expect(weak?.label).toBe('Module 2, cell 2: 3262\u00a0mV, outlier: 48\u00a0mV below the string median');
    expect(sut?.rows.flatMap((r) => r.cells).filter((c) => c.outlier !== null)).toHaveLength(1);
    expect(sut?.rows[0]?.cells[0]?.label).toBe('Module 1, cell 1: 3310\u00a0mV');
  });

  it('leaves a cell that was not read uncoloured and says so', () => {
    const missing = heatmapModel(cells, 'voltage', t, u)?.rows[1]?.cells[2];
    expect(missing).toMatchObject({ value: null, text: '–', background: 'transparent', outlier: null });
    expect(missing?.label).toBe('Module 2, cell 3: not read');
  });

  it('colours by distance from the median: the outlier darkest, the median cell palest', () => {
    const sut = heatmapModel(cells, 'voltage', t, u);
    const lightness = (css?: string) => Number(/(\d+(?:\.\d+)?)%\)$/.exec(css ?? '')?.[1]);
    expect(lightness(sut?.rows[1]?.cells[1]?.background)).toBeLessThan(
      lightness(sut?.rows[0]?.cells[1]?.background),
    );
    expect(lightness(sut?.rows[0]?.cells[0]?.background)).toBe(92);
    expect(sut?.rows[1]?.cells[1]?.color).toBe('#ffffff');
  });

  it('computes luminance as WCAG does (white 1, black 0, pure red 0.2126)', () => {
    expect(luminanceOfHsl(0, 0, 100)).toBeCloseTo(1, 5);
    expect(luminanceOfHsl(0, 0, 0)).toBeCloseTo(0, 5);
    expect(luminanceOfHsl(0, 100, 50)).toBeCloseTo(0.2126, 4);
    expect(luminanceOfHsl(120, 100, 50)).toBeCloseTo(0.7152, 4);
  });

  it('shows the temperature sensors in German with a hot sensor above the median', () => {
    const de = heatmapModel(cells, 'temperature', dictionaryFor('de'), createUnitFormatter('de'));
    expect(de?.columns).toEqual(['Sensor 1', 'Sensor 2']);
    const hot = de?.rows[1]?.cells[1];
    expect(hot).toMatchObject({ outlier: 'high', text: '33,0' });
    expect(hot?.label).toBe(
      'Modul 2, Sensor 2: 33,0\u00a0°C, Ausreißer: 7,8\u00a0°C über dem Median des Strings',
    );
  });

  it('is null when the snapshot has no temperatures', () => {
    expect(heatmapModel({ ...cells, cellTempsDc: null, temperature: null }, 'temperature', t, u)).toBeNull();
  });
});
