import { describe, expect, it } from 'vitest';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from './new-password';

describe('checkNewPassword', () => {
  const good = 'x'.repeat(MIN_PASSWORD_LENGTH);

  it('accepts a password of the minimum length typed twice', () => {
    expect(checkNewPassword(good, good)).toBeUndefined();
  });

  it('names an empty, short or long password', () => {
    expect(checkNewPassword('', '')).toBe('missing');
    expect(checkNewPassword(good.slice(1), good.slice(1))).toBe('too-short');
    const long = 'x'.repeat(1025);
    expect(checkNewPassword(long, long)).toBe('too-long');
  });

  it('names a mismatch', () => {
    expect(checkNewPassword(good, `${good}y`)).toBe('mismatch');
  });
});
