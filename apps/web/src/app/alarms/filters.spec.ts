import { describe, expect, it } from 'vitest';
import { alarmQuery, fitStringToSite, hasFilters, PAGE_SIZE, parseFilters } from './filters';

const SITE = '0b7c6c3e-3f57-4d7e-9d0a-6c2f0f1e2a11';
const OTHER_SITE = '5d0f2b8a-1c3e-4f6a-8b9d-2e4f6a8b0c1d';
const STRING = '7a1e9c40-2b6d-4e8f-a0c2-4d6e8f0a2b4c';
const SITES = [
  { id: SITE, strings: [{ id: STRING }] },
  { id: OTHER_SITE, strings: [] },
];

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

  it('keeps a string filter only with the site that has the string', () => {
    expect(parseFilters({ site: SITE, string: STRING })).toEqual({ site: SITE, string: STRING });
    expect(parseFilters({ string: 'not-a-uuid' })).toEqual({});
    expect(hasFilters({ string: STRING })).toBe(true);
    expect(fitStringToSite({ site: SITE, string: STRING }, SITES)).toEqual({ site: SITE, string: STRING });
    // A link from the string's page: the site comes along.
    expect(fitStringToSite({ string: STRING, status: 'open' }, SITES)).toEqual({
      site: SITE,
      string: STRING,
      status: 'open',
    });
    // The site was changed and the old string submitted with it, or the string is not visible.
    expect(fitStringToSite({ site: OTHER_SITE, string: STRING }, SITES)).toEqual({ site: OTHER_SITE });
    expect(fitStringToSite({ string: SITE }, SITES)).toEqual({});
    expect(alarmQuery({ site: SITE, string: STRING })).toEqual({
      site: SITE,
      string: STRING,
      limit: PAGE_SIZE,
    });
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
