import { describe, expect, it } from 'vitest';
import { isPermanentDbError } from './is-permanent-db-error.js';

describe('isPermanentDbError', () => {
  it('treats data and constraint errors as permanent', () => {
    expect(isPermanentDbError({ code: '22003' })).toBe(true);
    expect(isPermanentDbError({ code: '23503' })).toBe(true);
  });

  it('treats connection, locking and unknown failures as transient', () => {
    for (const error of [
      { code: '08006' },
      { code: '40P01' },
      { code: '57P01' },
      { code: '42P01' },
      new Error('x'),
      null,
    ]) {
      expect(isPermanentDbError(error)).toBe(false);
    }
  });
});
