import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../../../i18n/dictionary';
import { formatSiteDate } from '../../../../lib/format/site-time';
import { sohProjectionText, throughputProjectionText } from './projection-texts';

const w = dictionaryFor('en').warranty.string;
const berlinDay = (iso: string) => formatSiteDate(iso, 'Europe/Berlin', 'en');

describe('projection texts', () => {
  it("gives the date (the site's calendar day) with its range, or says plainly why there is none", () => {
    expect(
      sohProjectionText(
        {
          kind: 'projected',
          at: '2031-05-02T10:00:00.000Z',
          // 23:30 UTC is already the next day in Berlin
          earliest: '2028-12-31T23:30:00.000Z',
          latest: null,
          fadePctPerYear: 2,
          ci95: { low: -1, high: 5 },
          rSquared: 0.5,
          n: 30,
        },
        w,
        berlinDay,
      ),
    ).toBe('2 May 2031 (95 %: from 1 Jan 2029; no latest date, the data cannot rule out no fade)');
    expect(
      throughputProjectionText({ kind: 'projected', at: '2033-07-31T22:10:00.000Z' }, w, berlinDay),
    ).toBe('1 Aug 2033');
    expect(
      sohProjectionText(
        { kind: 'insufficient', reason: 'span-too-short', n: 3, spanDays: 9.6 },
        w,
        berlinDay,
      ),
    ).toBe('not enough data for a trend (3 readings over 10 days)');
    expect(
      throughputProjectionText({ kind: 'insufficient', daysWithData: 5, minDays: 14 }, w, berlinDay),
    ).toBe('not enough data (5 of 14 days needed in the last 90 days)');
    expect(throughputProjectionText({ kind: 'no-cap' }, w, berlinDay)).toBe('not set by the terms');
  });
});
