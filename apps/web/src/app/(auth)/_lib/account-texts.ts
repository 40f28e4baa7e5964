import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type NewPasswordProblem } from './new-password';

/** The account pages' part of the dictionary (src/i18n/accounts.en.ts), for the request's locale. */
export type AccountTexts = Dictionary['accounts'];

/** The hint shown under a new-password field. */
export function newPasswordHint(texts: AccountTexts): string {
  return interpolate(texts.newPassword.hint, { min: MIN_PASSWORD_LENGTH });
}

/** What to say about a problem `checkNewPassword` found. */
export function newPasswordMessage(texts: AccountTexts, problem: NewPasswordProblem): string {
  const t = texts.newPassword;
  const template = {
    missing: t.missing,
    'too-short': t.tooShort,
    'too-long': t.tooLong,
    mismatch: t.mismatch,
  }[problem];
  return interpolate(template, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
}
