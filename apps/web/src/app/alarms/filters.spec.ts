import { describe, expect, it } from 'vitest';
import { alarmQuery, hasFilters, PAGE_SIZE, parseFilters } from './filters';

const SITE = '0b7c6c3e-3f57-4d7e-9d0a-6c2f0f1e2a11';

describe('alarm inbox filters', () => {
  it('keeps known values and drops anything else', () => {
    expect(parseFilters({ status: 'open', severity: 'critical', site: SITE })).toEqual({
      status: 'open',
      severity: 'critical',
      site: SITE,
    });
    expect(parseFilters({ status: 'snoozed', severity: ['major', 'info'], site: 'x; drop' })).toEqual({
      severity: 'major',
    });
    expect(hasFilters(parseFilters({}))).toBe(false);
    expect(hasFilters({ site: SITE })).toBe(true);
  });

  it('builds the API query with the cursor and page size', () => {
    expect(alarmQuery({ status: 'open' }, 'abc')).toEqual({
      status: 'open',
      cursor: 'abc',
      limit: PAGE_SIZE,
    });
    expect(alarmQuery({})).toEqual({ limit: PAGE_SIZE });
  });
});
