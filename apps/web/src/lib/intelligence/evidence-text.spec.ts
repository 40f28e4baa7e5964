import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../i18n/dictionary';
import type { Finding } from '../api/types';
import { evidenceText } from './evidence-text';

const fade: Finding = {
  stringId: '00000000-0000-4000-8000-000000000001',
  stringName: 'String 1',
  kind: 'fast_fade',
  primary: true,
  severity: 'info',
  evidence: {
    value: 4.26,
    unit: '%/year',
    threshold: 2.54,
    cohortMedian: 1.04,
    z: 6.3,
    cohort: 'H48050/*/*/temperate/daily',
    cohortSize: 37,
  },
  chartField: 'sohPct',
  explanation: '',
  cohort: 'H48050/*/*/temperate/daily',
  foundAt: '2026-11-25T03:00:00.000Z',
};

describe('evidenceText', () => {
  it('gives the same numbers in English and in German, with the German unit and decimal comma', () => {
    expect(evidenceText(fade, dictionaryFor('en').intelligence)).toBe(
      '4.3 %/year (line 2.5 %/year) · Compared with 37 strings of cohort H48050/*/*/temperate/daily',
    );
    expect(evidenceText(fade, dictionaryFor('de').intelligence)).toBe(
      '4,3 %/Jahr (Grenze 2,5 %/Jahr) · Verglichen mit 37 Strings der Kohorte H48050/*/*/temperate/daily',
    );
  });

  it('names an absolute line, rounds above 10 to whole numbers and keeps an unknown unit', () => {
    const dwell: Finding = {
      ...fade,
      kind: 'high_soc_dwell',
      evidence: { ...fade.evidence, value: 18.4, unit: 'h/day', threshold: 16, cohortSize: null },
    };
    expect(evidenceText(dwell, dictionaryFor('de').intelligence)).toBe(
      '18 h/Tag (Grenze 16 h/Tag) · Nach einer festen Grenze beurteilt',
    );
    const other = { ...dwell, evidence: { ...dwell.evidence, unit: 'kWh' } };
    expect(evidenceText(other, dictionaryFor('de').intelligence)).toMatch(/^18 kWh \(Grenze 16 kWh\)/);
  });
});
