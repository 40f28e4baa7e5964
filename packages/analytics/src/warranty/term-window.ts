import { AnalyticsError } from '../analytics-error.js';

/** The warranty term of one string: from commissioning to the same calendar day `years` later (UTC). */
export interface TermWindow {
  startMs: number;
  endMs: number;
}

/** Commissioning + `termYears` calendar years (29 February lands on 1 March, as Date.UTC does). */
export function termWindow(commissionedAtMs: number, termYears: number): TermWindow {
  if (!Number.isFinite(commissionedAtMs) || !Number.isInteger(termYears) || termYears < 1) {
    throw new AnalyticsError(
      'invalid-options',
      'commissioning must be a time and termYears a whole number ≥ 1',
    );
  }
  const end = new Date(commissionedAtMs);
  end.setUTCFullYear(end.getUTCFullYear() + termYears);
  return { startMs: commissionedAtMs, endMs: end.getTime() };
}
