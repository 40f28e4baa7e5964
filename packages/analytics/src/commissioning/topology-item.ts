import type { ChecklistItem } from './checklist-item.js';

export interface ExpectedString {
  stringId: string;
  name: string;
  /** Modules the string should have (confirmed topology, else its configured count); null: not known. */
  expectedModules: number | null;
  /** Modules present now (seen and not removed). */
  presentModules: number;
  /** Whether the string has reported at all (a configured string that never spoke is missing). */
  reported: boolean;
  /** Newest module sighting (epoch ms), null when none. */
  lastSeenAtMs: number | null;
}

/**
 * "All expected strings and modules present". A string that has not reported keeps the item
 * pending (it may still come up), as does one whose module count is not known yet; a string that
 * reports with fewer or more modules than expected fails it (a module missing from the BMS's count
 * is a wiring or addressing fault on site).
 */
export function topologyItem(strings: readonly ExpectedString[]): ChecklistItem {
  const expected = strings.reduce((n, s) => n + (s.expectedModules ?? 0), 0);
  const present = strings.reduce((n, s) => n + s.presentModules, 0);
  const seen = strings.map((s) => s.lastSeenAtMs).filter((t): t is number => t !== null);
  const base = {
    id: 'topology' as const,
    evidence: { strings: strings.length, expectedModules: expected, presentModules: present },
    observedAtMs: seen.length > 0 ? Math.max(...seen) : null,
  };
  if (strings.length === 0) {
    return {
      ...base,
      state: 'pending',
      reason: 'no-strings',
      explanation: 'No strings are known for this site yet.',
    };
  }
  // An unknown count is a wait, not a fault: a string that has just come up is known before the
  // BMS's composition event arrives, and the installer can still set the count by hand.
  const unknown = strings.filter((s) => s.expectedModules === null);
  if (unknown.length > 0) {
    return {
      ...base,
      state: 'pending',
      reason: 'expected-unknown',
      explanation: `The module count of ${unknown.map((s) => s.name).join(', ')} is not known: set it or wait for the BMS to report its composition.`,
    };
  }
  const wrong = strings.filter((s) => s.reported && s.presentModules !== s.expectedModules);
  if (wrong.length > 0) {
    const detail = wrong.map((s) => `${s.name}: ${s.presentModules} of ${s.expectedModules}`).join('; ');
    return {
      ...base,
      state: 'failed',
      reason: 'modules-mismatch',
      explanation: `Modules present differ from the expected count (${detail}).`,
    };
  }
  const silent = strings.filter((s) => !s.reported);
  if (silent.length > 0) {
    return {
      ...base,
      state: 'pending',
      reason: 'waiting-for-strings',
      explanation: `Waiting for ${silent.map((s) => s.name).join(', ')} to report.`,
    };
  }
  return {
    ...base,
    state: 'passed',
    reason: 'all-present',
    explanation: `${strings.length} string(s) with all ${present} expected modules present.`,
  };
}
