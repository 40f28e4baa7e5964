/** The API's rule for a new password (apps/api newPasswordSchema): 10 to 1024 characters. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

export type NewPasswordProblem = 'missing' | 'too-short' | 'too-long' | 'mismatch';

/**
 * What is wrong with a new password and its repetition, checked before the API is asked so the
 * form can point at the right field: `password` for the password itself, `confirm` for a mismatch.
 */
export function checkNewPassword(
  password: string,
  confirm: string,
): { field: 'password' | 'confirm'; problem: NewPasswordProblem } | undefined {
  if (!password) {
    return { field: 'password', problem: 'missing' };
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { field: 'password', problem: 'too-short' };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { field: 'password', problem: 'too-long' };
  }
  return password === confirm ? undefined : { field: 'confirm', problem: 'mismatch' };
}
