/**
 * The code as the API wants it (exactly six digits), from what a person typed or pasted:
 * authenticator apps show it as "123 456", so spaces and dashes are dropped first.
 */
export function normalizeTotpCode(raw: FormDataEntryValue | null): string | undefined {
  if (typeof raw !== 'string') {
    return undefined;
  }
  const code = raw.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

/** How a failed second step ends: stay on the code step, or start over with the password. */
export type TotpFailure = 'wrong-code' | 'expired' | 'rate-limited' | 'bad-input' | 'unreachable';

/**
 * The API answers 401 INVALID_CREDENTIALS for a wrong or reused code and 401 UNAUTHENTICATED for
 * a challenge that expired (5 minutes) or was tampered with (apps/api AuthService.loginTotp).
 */
export function classifyTotpFailure(status: number, code: string): TotpFailure {
  if (status === 401) {
    return code === 'INVALID_CREDENTIALS' ? 'wrong-code' : 'expired';
  }
  if (status === 429) {
    return 'rate-limited';
  }
  return status === 400 ? 'bad-input' : 'unreachable';
}
