/** The API's rule for a new password (apps/api newPasswordSchema): 10 to 1024 characters. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

export type NewPasswordProblem = 'missing' | 'too-short' | 'too-long' | 'mismatch';

/**
 * What is wrong with a new password and its repetition, checked before the API is asked so the
 * form can say what to fix. The message goes on the first password field, a mismatch's too:
 * React empties both password inputs after the action answers, so typing starts again there.
 */
export function checkNewPassword(password: string, confirm: string): NewPasswordProblem | undefined {
  if (!password) {
    return 'missing';
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    return 'too-short';
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return 'too-long';
  }
  return password === confirm ? undefined : 'mismatch';
}
