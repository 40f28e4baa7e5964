/**
 * The field a 400 from the API is about: its validation messages start with the field's name
 * ("token: unknown, used or expired reset link", "password: must be at least 10 characters").
 */
export function apiFieldOf(message: string): string | undefined {
  return /^([A-Za-z][\w.]*):\s/.exec(message)?.[1];
}
