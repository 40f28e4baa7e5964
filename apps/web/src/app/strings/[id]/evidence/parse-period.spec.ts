import { describe, expect, it } from 'vitest';
import { evidenceEn } from '../../../../i18n/evidence.en';
import { defaultPeriod, lastDayOf, parsePeriod } from './parse-period';

const p = evidenceEn.problems;

describe('parsePeriod', () => {
  it('turns first and last day into a period ending at the midnight after the last day', () => {
    expect(parsePeriod('2026-01-01', '2026-12-31', p)).toEqual({
      ok: true,
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(parsePeriod('2026-05-05', '2026-05-05', p)).toMatchObject({
      ok: true,
      to: '2026-05-06T00:00:00.000Z',
    });
  });

  it('names the field that is wrong', () => {
    expect(parsePeriod('2026-02-30', '', p)).toEqual({
      ok: false,
      fieldErrors: { from: p.date, to: p.date },
    });
    expect(parsePeriod('2026-03-02', '2026-03-01', p)).toEqual({ ok: false, fieldErrors: { to: p.order } });
    expect(parsePeriod('2010-01-01', '2026-01-01', p)).toEqual({
      ok: false,
      fieldErrors: { to: 'A pack covers at most 3660 days.' },
    });
  });

  it('defaults to the last 365 days and shows an exclusive end as the last day', () => {
    expect(defaultPeriod(Date.parse('2026-11-25T15:00:00Z'))).toEqual({
      from: '2025-11-26',
      to: '2026-11-25',
    });
    expect(lastDayOf('2027-01-01T00:00:00.000Z')).toBe('2026-12-31');
  });
});
