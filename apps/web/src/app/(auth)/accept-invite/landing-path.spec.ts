import { describe, expect, it } from 'vitest';
import { landingPath } from './landing-path';

const site = (...ids: string[]) => ({ strings: ids.map((id) => ({ id })) });

describe('landingPath', () => {
  it('takes an owner of one site with one string to that string', () => {
    expect(landingPath('owner', [site('s1')])).toBe('/strings/s1');
  });

  it('takes an owner of more (or fewer) sites or strings to the sites list', () => {
    expect(landingPath('owner', [site('s1'), site('s2')])).toBe('/sites');
    expect(landingPath('owner', [site('s1', 's2')])).toBe('/sites');
    expect(landingPath('owner', [site()])).toBe('/sites');
    expect(landingPath('owner', [])).toBe('/sites');
    expect(landingPath('owner', undefined)).toBe('/sites');
  });

  it('takes every other role to the sites list', () => {
    expect(landingPath('installer', [site('s1')])).toBe('/sites');
  });
});
