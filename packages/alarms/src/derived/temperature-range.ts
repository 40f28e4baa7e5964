import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

export interface TemperatureInput {
  cellTempMaxDc?: number;
  cellTempMinDc?: number;
}

export type TemperatureReading = DerivedReading & { side?: 'high' | 'low' };

/**
 * How far (0.1 °C) the cell temperatures reach outside the working range [lowDc, highDc]:
 * positive = outside by that much, negative = inside with that margin, so hysteresis can hold an
 * alarm until the cells are back inside by the band.
 */
export function temperatureRange(
  input: TemperatureInput,
  params: { lowDc: number; highDc: number },
): TemperatureReading {
  const { cellTempMaxDc: max, cellTempMinDc: min } = input;
  if (!isFiniteNumber(max) || !isFiniteNumber(min) || min > max) {
    return unjudged(`no plausible cell temperatures (max ${String(max)}, min ${String(min)})`);
  }
  const above = max - params.highDc;
  const below = params.lowDc - min;
  return above >= below ? { value: above, side: 'high' } : { value: below, side: 'low' };
}
