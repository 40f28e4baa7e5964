import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart-geometry';

const BOX = { width: 440, height: 220, left: 40, bottom: 20 };
const Y2025 = Date.UTC(2025, 0, 1);
const Y2035 = Date.UTC(2035, 0, 1);

describe('chartGeometry', () => {
  it('spans the term on the time axis and 100 % down to 5 points under the lowest value', () => {
    const sut = chartGeometry(
      [
        { t: Y2025, pct: 100 },
        { t: Date.UTC(2026, 0, 1), pct: 97 },
      ],
      [
        { t: Y2025, pct: 100 },
        { t: Y2035, pct: 70 },
      ],
      BOX,
    );
    // Axis 65 … 100 %: the line ends at the bottom-right corner of the plot (440, 200 × 30/35).
    expect(sut.linePath).toBe('M40.0,0.0 L440.0,171.4');
    expect(sut.sohPath.startsWith('M40.0,0.0 L80.0,')).toBe(true);
    expect(sut.yTicks.map((t) => t.pct)).toEqual([100, 90, 80, 75, 70, 65]);
    expect(sut.xTicks.map((t) => t.year)).toEqual([2026, 2028, 2030, 2032, 2034]);
  });

  it('draws nothing without data and no line without one', () => {
    expect(chartGeometry([], null, BOX)).toEqual({ sohPath: '', linePath: null, yTicks: [], xTicks: [] });
    expect(chartGeometry([{ t: Y2025, pct: 99 }], null, BOX).linePath).toBeNull();
  });
});
