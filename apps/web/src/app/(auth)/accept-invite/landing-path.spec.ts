import { describe, expect, it } from 'vitest';
import { landingPath } from './landing-path';

describe('landingPath', () => {
  it('takes an owner to the owner portal', () => {
    expect(landingPath('owner')).toBe('/my-system');
  });

  it('takes every other role to the start page', () => {
    for (const role of ['org_admin', 'installer', 'technician', 'support']) {
      expect(landingPath(role)).toBe('/');
    }
  });
});
