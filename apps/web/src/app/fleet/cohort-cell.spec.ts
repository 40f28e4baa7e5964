import { describe, expect, it } from 'vitest';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { cohortCellText } from './cohort-cell';
import type { FleetRowCohort } from './fleet-types';

const cohort = (over: Partial<FleetRowCohort> = {}): FleetRowCohort => ({
  label: 'H48050/*/young/temperate/daily',
  size: 12,
  fadePctPerYear: 2.14,
  cohortFadePctPerYear: 1.2,
  fadeWorse: true,
  spreadGrowthMvPerMonth: 0.42,
  cohortSpreadGrowthMvPerMonth: -0.01,
  spreadWorse: false,
  computedAt: '2027-01-15T02:00:00.000Z',
  ...over,
});

describe('the "vs cohort" cell', () => {
  it('shows fade and spread growth beside the cohort medians, marking only the worse one', () => {
    const cell = cohortCellText(cohort(), en, 'en');
    expect(cell.lines).toEqual([
      { key: 'fade', text: 'fade 2.1 %/yr · cohort 1.2', worse: true },
      // A median that rounds to zero reads 0.0, not -0.0.
      { key: 'spread', text: 'spread 0.4 mV/mo · cohort 0.0', worse: false },
    ]);
    expect(cell.placeholder).toBeNull();
    expect(cell.description).toBe(
      'SOH fade 2.1 % per year, cohort median 1.2 % per year. Worse than its cohort. ' +
        'Cell-spread growth 0.4 mV per month, cohort median 0.0 mV per month. ' +
        'Cohort: H48050/*/young/temperate/daily, 12 strings.',
    );
  });

  it('uses the German texts and decimal comma', () => {
    expect(cohortCellText(cohort(), de, 'de').lines[0]?.text).toBe('Alterung 2,1 %/J. · Kohorte 1,2');
  });

  it('says plainly when there is nothing to compare yet', () => {
    expect(cohortCellText(null, en, 'en')).toEqual({
      lines: [],
      placeholder: '—',
      description: 'No cohort comparison yet: the daily analysis has not run.',
    });
    const short = cohortCellText(cohort({ fadePctPerYear: null, spreadGrowthMvPerMonth: null }), en, 'en');
    expect(short.lines).toEqual([]);
    expect(short.placeholder).toBe('too little history');
    expect(short.description).toContain('Cohort: H48050/*/young/temperate/daily, 12 strings.');
  });

  it('shows one line when only spread growth is known, with a dash for a missing median', () => {
    const cell = cohortCellText(
      cohort({ fadePctPerYear: null, spreadWorse: true, cohortSpreadGrowthMvPerMonth: null }),
      en,
      'en',
    );
    expect(cell.lines).toEqual([{ key: 'spread', text: 'spread 0.4 mV/mo · cohort —', worse: true }]);
  });
});
