import { describe, expect, it } from 'vitest';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from './new-password';

describe('checkNewPassword', () => {
  const good = 'x'.repeat(MIN_PASSWORD_LENGTH);

  it('accepts a password of the minimum length typed twice', () => {
    expect(checkNewPassword(good, good)).toBeUndefined();
  });

  it('blames the password field when it is empty, short or long', () => {
    expect(checkNewPassword('', '')).toEqual({ field: 'password', problem: 'missing' });
    expect(checkNewPassword(good.slice(1), good.slice(1))).toEqual({
      field: 'password',
      problem: 'too-short',
    });
    const long = 'x'.repeat(1025);
    expect(checkNewPassword(long, long)).toEqual({ field: 'password', problem: 'too-long' });
  });

  it('blames the repetition when the two differ', () => {
    expect(checkNewPassword(good, `${good}y`)).toEqual({ field: 'confirm', problem: 'mismatch' });
  });
});
