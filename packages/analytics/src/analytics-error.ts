/**
 * Codes an analytics function throws with. Only the caller's own options can throw (a band edge
 * list that does not increase, a zero interval): data never does — bad points are counted and
 * named in each result instead, because telemetry from the field is expected to be imperfect.
 */
export const analyticsErrorCodes = ['invalid-options'] as const;
export type AnalyticsErrorCode = (typeof analyticsErrorCodes)[number];

/** A typed error with a code from {@link analyticsErrorCodes} (STYLE.md §12). */
export class AnalyticsError extends Error {
  constructor(
    readonly code: AnalyticsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnalyticsError';
  }
}

/** Throws `invalid-options` unless `value` is a finite number > 0. */
export function requirePositive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new AnalyticsError('invalid-options', `${name} must be a finite number > 0, got ${value}`);
  }
  return value;
}
