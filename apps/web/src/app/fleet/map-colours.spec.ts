import { describe, expect, it } from 'vitest';
import type { FleetSite } from './fleet-types';
import { levelOf, splitByCoordinates } from './map-colours';

const site = (over: Partial<FleetSite>): FleetSite => ({
  siteId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  name: 's',
  address: null,
  latitude: 48,
  longitude: 9,
  stringCount: 1,
  worstSeverity: null,
  ...over,
});

describe('map markers', () => {
  it('lists sites without usable coordinates apart', () => {
    const a = site({ name: 'a' });
    const b = site({ name: 'b', latitude: null });
    const c = site({ name: 'c', longitude: 200 });
    expect(splitByCoordinates([a, b, c])).toEqual({ placed: [a], unplaced: [b, c] });
  });

  it('colours a site by its worst open alarm', () => {
    expect(levelOf(site({ worstSeverity: 'major' }))).toBe('major');
    expect(levelOf(site({}))).toBe('none');
  });
});
