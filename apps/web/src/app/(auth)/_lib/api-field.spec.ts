import { describe, expect, it } from 'vitest';
import { apiFieldOf } from './api-field';

describe('apiFieldOf', () => {
  it('names the field an API validation message starts with', () => {
    expect(apiFieldOf('token: unknown, used or expired reset link')).toBe('token');
    expect(apiFieldOf('password: must be at least 10 characters')).toBe('password');
  });

  it('is undefined for a message about no field', () => {
    expect(apiFieldOf('API answered 502')).toBeUndefined();
    expect(apiFieldOf('')).toBeUndefined();
  });
});
