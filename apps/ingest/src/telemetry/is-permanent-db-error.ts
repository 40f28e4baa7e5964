/**
 * True for database errors that retrying the same data cannot fix: SQLSTATE class 22 (data
 * exception, e.g. a value out of range) and 23 (integrity constraint violation). Everything else
 * (connection loss, deadlock, serialization failure, a missing table during a deploy) may heal,
 * so the message is retried instead of dead-lettered.
 */
export function isPermanentDbError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
