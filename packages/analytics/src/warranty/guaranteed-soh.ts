import type { TermWindow } from './term-window.js';

/**
 * The guaranteed SOH at `atMs`: a straight line from 100 % at commissioning to the terms' retained
 * capacity at the end of the term (terms that say otherwise need their own curve; none does yet).
 * Before commissioning 100 %; after the end the retained value, since the guarantee ends there.
 */
export function guaranteedSohPct(window: TermWindow, retainedPct: number, atMs: number): number {
  const length = window.endMs - window.startMs;
  const f = length > 0 ? Math.min(Math.max((atMs - window.startMs) / length, 0), 1) : 1;
  return 100 - (100 - retainedPct) * f;
}
