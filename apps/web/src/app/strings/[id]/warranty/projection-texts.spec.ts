import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../../../i18n/dictionary';
import { sohProjectionText, throughputProjectionText } from './projection-texts';

const w = dictionaryFor('en').warranty.string;

describe('projection texts', () => {
  it('gives the date with its range, or says plainly why there is none', () => {
    expect(
      sohProjectionText(
        {
          kind: 'projected',
          at: '2031-05-02T10:00:00.000Z',
          earliest: '2029-01-01T00:00:00.000Z',
          latest: null,
          fadePctPerYear: 2,
          ci95: { low: -1, high: 5 },
          rSquared: 0.5,
          n: 30,
        },
        w,
      ),
    ).toBe('2031-05-02 (95 %: from 2029-01-01; no latest date, the data cannot rule out no fade)');
    expect(
      sohProjectionText({ kind: 'insufficient', reason: 'span-too-short', n: 3, spanDays: 9.6 }, w),
    ).toBe('not enough data for a trend (3 readings over 10 days)');
    expect(throughputProjectionText({ kind: 'insufficient', daysWithData: 5, minDays: 14 }, w)).toBe(
      'not enough data (5 of 14 days needed in the last 90 days)',
    );
    expect(throughputProjectionText({ kind: 'no-cap' }, w)).toBe('not set by the terms');
  });
});
