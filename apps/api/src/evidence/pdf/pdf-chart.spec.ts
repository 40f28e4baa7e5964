import { describe, expect, it } from 'vitest';
import { type ChartCanvas, drawTimeChart, valueRange } from './pdf-chart.js';

/** Records the drawing calls instead of writing a PDF. */
function recorder(): ChartCanvas & { calls: string[] } {
  const calls: string[] = [];
  const canvas = new Proxy({} as ChartCanvas & { calls: string[] }, {
    get(_t, prop) {
      if (prop === 'calls') {
        return calls;
      }
      return (...args: unknown[]) => {
        calls.push(`${String(prop)}(${args.filter((a) => typeof a !== 'object').join(',')})`);
        return canvas;
      };
    },
  });
  return canvas;
}

describe('drawTimeChart', () => {
  it('maps time to x and value to y inside the box, breaking the line at a missing value', () => {
    const sut = recorder();
    const box = { x: 100, y: 50, width: 200, height: 100 };
    drawTimeChart(
      sut,
      box,
      [
        {
          label: 'SOH',
          color: '#000',
          points: [
            [0, 0],
            [50, 50],
            [60, null],
            [100, 100],
          ],
        },
      ],
      {
        unit: '%',
        min: 0,
        max: 100,
        from: 0,
        to: 100,
      },
    );
    const path = sut.calls.filter((c) => c.startsWith('moveTo') || c.startsWith('lineTo'));
    expect(path).toEqual(['moveTo(100,150)', 'lineTo(200,100)', 'moveTo(300,50)']);
    expect(sut.calls).toContain('text(100 %,38,47)');
  });

  it('pads a free range and widens a flat one', () => {
    expect(
      valueRange(
        [
          {
            label: '',
            color: '',
            points: [
              [0, 10],
              [1, 20],
            ],
          },
        ],
        {},
      ),
    ).toEqual([9.5, 20.5]);
    expect(valueRange([{ label: '', color: '', points: [[0, 5]] }], {})).toEqual([4, 6]);
    expect(valueRange([], { min: 0, max: 100 })).toEqual([0, 100]);
  });
});
