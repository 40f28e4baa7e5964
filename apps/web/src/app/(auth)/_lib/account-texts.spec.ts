import { describe, expect, it } from 'vitest';
import { de } from '../../../i18n/de';
import { en } from '../../../i18n/en';
import { newPasswordHint, newPasswordMessage } from './account-texts';

describe('new password texts', () => {
  it('fill in the limits the API enforces', () => {
    expect(newPasswordHint(en.accounts)).toBe('At least 10 characters.');
    expect(newPasswordMessage(en.accounts, 'too-short')).toBe('Use at least 10 characters.');
    expect(newPasswordMessage(en.accounts, 'too-long')).toBe('Use at most 1024 characters.');
    expect(newPasswordMessage(de.accounts, 'too-short')).toBe('Verwenden Sie mindestens 10 Zeichen.');
  });

  it('name each problem in the request’s language', () => {
    expect(newPasswordMessage(en.accounts, 'mismatch')).toBe(
      'The two passwords were not the same. Type both again.',
    );
    expect(newPasswordMessage(de.accounts, 'missing')).toBe('Bitte geben Sie ein Passwort ein.');
  });
});
