import type { ChecklistItem } from './checklist-item.js';

export interface StringFirstData {
  stringId: string;
  name: string;
  /** The oldest stored pack sample's time (epoch ms), null when none is stored yet. */
  firstSampleAtMs: number | null;
}

/** "First data in the cloud": every string of the site has at least one stored sample. */
export function firstDataItem(strings: readonly StringFirstData[]): ChecklistItem {
  const withData = strings.filter((s) => s.firstSampleAtMs !== null);
  const evidence = { strings: strings.length, stringsWithData: withData.length };
  const firsts = withData.map((s) => s.firstSampleAtMs as number);
  const observedAtMs = firsts.length > 0 ? Math.max(...firsts) : null;
  if (strings.length === 0) {
    return {
      id: 'first-data',
      state: 'pending',
      reason: 'no-strings',
      explanation: 'No string has reported yet: the site has no strings in the cloud.',
      evidence,
      observedAtMs: null,
    };
  }
  if (withData.length < strings.length) {
    const missing = strings.filter((s) => s.firstSampleAtMs === null).map((s) => s.name);
    return {
      id: 'first-data',
      state: 'pending',
      reason: 'waiting-for-data',
      explanation: `Waiting for the first samples of ${missing.join(', ')}.`,
      evidence: { ...evidence, missing: missing.join(', ') },
      observedAtMs,
    };
  }
  return {
    id: 'first-data',
    state: 'passed',
    reason: 'data-arrived',
    explanation: `All ${strings.length} string(s) have data in the cloud.`,
    evidence: { ...evidence, firstSampleAt: new Date(Math.min(...firsts)).toISOString() },
    observedAtMs,
  };
}
