import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps local paths', () => {
    expect(safeNextPath('/strings/abc')).toBe('/strings/abc');
  });

  it('refuses other sites and the login page itself', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', '/login', null, '']) {
      expect(safeNextPath(value)).toBe('/');
    }
  });
});
