import type { TermWindow } from './term-window.js';
import { DAY_MS } from './warranty-terms.js';

/** How much of the term has passed at `nowMs`. The end date is fixed by the terms, not projected. */
export interface TimeUsed {
  startMs: number;
  endMs: number;
  elapsedDays: number;
  remainingDays: number;
  /** 0…1 (clamped): elapsed / term length. */
  fraction: number;
  expired: boolean;
}

export function timeUsed(window: TermWindow, nowMs: number): TimeUsed {
  const length = window.endMs - window.startMs;
  const elapsed = Math.min(Math.max(nowMs - window.startMs, 0), length);
  return {
    startMs: window.startMs,
    endMs: window.endMs,
    elapsedDays: elapsed / DAY_MS,
    remainingDays: (length - elapsed) / DAY_MS,
    fraction: length > 0 ? elapsed / length : 1,
    expired: nowMs >= window.endMs,
  };
}
