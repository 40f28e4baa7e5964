import { describe, expect, it } from 'vitest';
import { fleetApiQuery, fleetSearch, hasFilters, parseFleetQuery } from './fleet-query';

const site = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the fleet view query in the URL', () => {
  it('reads comma-separated and repeated values, keeping only known ones', () => {
    const query = parseFleetQuery({
      q: '  Hamburg ',
      status: ['stale,offline', 'sleeping'],
      severity: 'critical,worst',
      open: 'yes',
      site: [site, 'not-a-uuid', site],
      sort: 'soc',
      dir: 'desc',
    });
    expect(query).toEqual({
      q: 'Hamburg',
      status: ['offline', 'stale'],
      severity: ['critical'],
      open: 'yes',
      site: [site],
      sort: 'soc',
      dir: 'desc',
    });
    expect(hasFilters(query)).toBe(true);
  });

  it('falls back to the defaults for nothing or nonsense', () => {
    const query = parseFleetQuery(new URLSearchParams('sort=voltage&dir=up&open=maybe&q='));
    expect(query).toEqual({ status: [], severity: [], site: [], sort: 'name', dir: 'asc' });
    expect(hasFilters(query)).toBe(false);
    expect(fleetSearch(query)).toBe('');
  });

  it('writes a canonical query string that reads back to the same view', () => {
    const query = parseFleetQuery({ status: 'stale,charging', q: 'a&b=c', sort: 'lastSeen', open: 'no' });
    const search = fleetSearch(query);
    expect(search).toBe('q=a%26b%3Dc&status=charging,stale&open=no&sort=lastSeen');
    expect(parseFleetQuery(new URLSearchParams(search))).toEqual(query);
  });

  it('maps the view onto the API query', () => {
    const query = parseFleetQuery({ status: 'idle', severity: 'major,info', open: 'no', site, sort: 'soh' });
    expect(fleetApiQuery(query, 'c1', 50)).toEqual({
      status: 'idle',
      severity: 'major,info',
      hasOpenAlarm: 'false',
      site,
      sort: 'soh',
      dir: 'asc',
      cursor: 'c1',
      limit: 50,
    });
  });
});
