/**
 * One item of a site's commissioning checklist (issue 10). `pending`: not enough data yet to judge
 * (the item may still pass as data arrives); `failed`: the data says something is wrong now;
 * `passed`: the data shows it is right. `reason` is a closed code per item (the dashboard words it
 * per language), `explanation` the same in plain English for the API and the evidence pack, and
 * `evidence` the values the judgement rests on (units in the names).
 */
export type ChecklistState = 'pending' | 'passed' | 'failed';

export const CHECKLIST_ITEM_IDS = ['first-data', 'topology', 'bus', 'clock', 'cell-spread'] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

export type EvidenceValue = number | string | boolean | null;

export interface ChecklistItem {
  id: ChecklistItemId;
  state: ChecklistState;
  reason: string;
  explanation: string;
  evidence: Record<string, EvidenceValue>;
  /** When the evidence was observed (epoch ms; the newest observation it rests on), null when none. */
  observedAtMs: number | null;
}

/** The worst of several states: any failed → failed, else any pending → pending, else passed. */
export function worstState(states: readonly ChecklistState[]): ChecklistState {
  if (states.includes('failed')) {
    return 'failed';
  }
  return states.includes('pending') || states.length === 0 ? 'pending' : 'passed';
}
