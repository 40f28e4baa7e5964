import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../i18n/dictionary';
import { createUnitFormatter } from '../format/units';
import { type HealthInput, healthParagraph, healthReport, titleList } from './health-report';

const NOW = Date.parse('2026-11-25T14:30:00Z');
const en = dictionaryFor('en');
const de = dictionaryFor('de');

function input(overrides: Partial<HealthInput> = {}): HealthInput {
  return {
    sohPct: 97,
    cellSpreadMv: 12,
    lastSampleAt: new Date(NOW - 120_000).toISOString(),
    alarms: [],
    now: NOW,
    ...overrides,
  };
}

describe('healthReport', () => {
  it('calls a battery above 80 % healthy, 70–80 % ageing, below 70 % worn with advice', () => {
    expect(healthReport(input()).map((s) => s.key)).toEqual([
      'healthy',
      'holds',
      'cellsBalanced',
      'noAlarms',
      'fresh',
    ]);
    expect(healthReport(input({ sohPct: 79 }))[0]).toEqual({ key: 'ageing' });
    expect(healthReport(input({ sohPct: 80 }))[0]).toEqual({ key: 'healthy' });
    expect(
      healthReport(input({ sohPct: 69 }))
        .slice(0, 3)
        .map((s) => s.key),
    ).toEqual(['worn', 'holds', 'wornAdvice']);
  });

  it('judges the cell spread by the alarm thresholds (30 mV uneven, 50 mV out of balance)', () => {
    const keyOf = (spread: number | null) =>
      healthReport(input({ cellSpreadMv: spread }))
        .map((s) => s.key)
        .find((k) => k.startsWith('cells'));
    expect(keyOf(29)).toBe('cellsBalanced');
    expect(keyOf(30)).toBe('cellsUneven');
    expect(keyOf(50)).toBe('cellsImbalanced');
    expect(keyOf(null)).toBeUndefined();
  });

  it('names open alarms as notified and acknowledged ones as being looked into, once per title', () => {
    const report = healthReport(
      input({
        alarms: [
          { title: 'Cell low voltage', code: 'hv.protection.cell_low_voltage', status: 'open' },
          { title: 'Cell low voltage', code: 'hv.protection.cell_low_voltage', status: 'open' },
          { title: 'Data gap', code: 'derived.data_gap', status: 'acknowledged' },
        ],
      }),
    );
    expect(report).toContainEqual({ key: 'notified', titles: ['Cell low voltage'] });
    expect(report).toContainEqual({ key: 'working', titles: ['Data gap'] });
    expect(report.some((s) => s.key === 'noAlarms')).toBe(false);
  });

  it('says the data is stale after ten minutes, and has nothing to judge without data', () => {
    const old = new Date(NOW - 11 * 60_000).toISOString();
    expect(healthReport(input({ lastSampleAt: old })).at(-1)).toEqual({ key: 'stale', at: old });
    expect(healthReport(input({ sohPct: null, lastSampleAt: null })).map((s) => s.key)).toEqual([
      'noData',
      'noAlarms',
    ]);
  });
});

describe('the paragraph in words', () => {
  it('reads calmly in English, without alarm codes', () => {
    const text = healthParagraph(
      input({
        alarms: [{ title: 'Cell low voltage', code: 'hv.protection.cell_low_voltage', status: 'open' }],
      }),
      en,
      createUnitFormatter('en'),
    );
    expect(text).toBe(
      'Your battery is healthy. It holds 97\u00a0% of its original capacity. The cells are well balanced. ' +
        'Your installer has been notified about “Cell low voltage”. The latest data arrived 2 min ago.',
    );
    expect(text).not.toContain('hv.protection');
  });

  it('reads in German', () => {
    const text = healthParagraph(input({ sohPct: 75, cellSpreadMv: 41 }), de, createUnitFormatter('de'));
    expect(text).toBe(
      'Ihr Speicher altert normal. Er hat noch 75\u00a0% seiner ursprünglichen Kapazität. ' +
        'Die Zellen sind leicht ungleich (41\u00a0mV); der Speicher gleicht das meist selbst aus. ' +
        'Im Moment ist nichts zu tun. Die neuesten Daten kamen vor 2 min.',
    );
  });

  it('lists up to three titles and counts the rest', () => {
    expect(titleList(['A'], en)).toBe('“A”');
    expect(titleList(['A', 'B'], en)).toBe('“A” and “B”');
    expect(titleList(['A', 'B', 'C'], de)).toBe('„A“, „B“ und „C“');
    expect(titleList(['A', 'B', 'C', 'D', 'E'], en)).toBe('“A”, “B”, “C” and 2 more');
  });
});
