import { DEFAULT_REST_CURRENT_DA } from '../cells/load-condition.js';
import type { ChecklistItem, ChecklistState } from './checklist-item.js';
import { worstState } from './checklist-item.js';

export interface SpreadSample {
  tsMs: number;
  packCurrentDa: number;
  cellMaxMv: number | null;
  cellMinMv: number | null;
}

export interface StringAfterFullCharge {
  stringId: string;
  name: string;
  /** The first sample at or above the full-charge SOC (epoch ms), null before the first full charge. */
  fullChargeAtMs: number | null;
  /** The newest samples from the full charge on, any order. */
  samplesAfter: readonly SpreadSample[];
}

export interface CellSpreadItemOptions {
  /** Spread (max − min cell voltage) at rest that passes; the cell_imbalance alarm's warning level. */
  maxSpreadMv: number;
  /** |current| at or below which a sample is at rest; spreads under load say little. */
  restCurrentDa: number;
}

/**
 * The SOC that counts as a full charge. The SC1000's HV CAN frames carry no charge-complete flag
 * (the "fully charged" bit exists only in the RS485 0x44 alarm info, Status 3 bit 3; protocols/
 * pylontech.md §3.6), so a full charge is read from the SOC the BMS reports.
 */
export const CHECKLIST_FULL_CHARGE_SOC_PCT = 99;

export const DEFAULT_CELL_SPREAD_OPTIONS: CellSpreadItemOptions = {
  maxSpreadMv: 30,
  restCurrentDa: DEFAULT_REST_CURRENT_DA,
};

function judge(s: StringAfterFullCharge, o: CellSpreadItemOptions) {
  if (s.fullChargeAtMs === null) {
    return {
      state: 'pending' as ChecklistState,
      reason: 'waiting-for-full-charge',
      spread: null,
      at: null,
      text: `${s.name}: waiting for the first full charge (SOC ≥ ${CHECKLIST_FULL_CHARGE_SOC_PCT} %)`,
    };
  }
  const rest = s.samplesAfter
    .filter(
      (p) => p.cellMaxMv !== null && p.cellMinMv !== null && Math.abs(p.packCurrentDa) <= o.restCurrentDa,
    )
    .sort((a, b) => b.tsMs - a.tsMs)[0];
  if (!rest) {
    return {
      state: 'pending' as ChecklistState,
      reason: 'waiting-for-rest',
      spread: null,
      at: null,
      text: `${s.name}: fully charged, waiting for a reading at rest`,
    };
  }
  const spread = (rest.cellMaxMv as number) - (rest.cellMinMv as number);
  const ok = spread <= o.maxSpreadMv;
  return {
    state: (ok ? 'passed' : 'failed') as ChecklistState,
    reason: ok ? 'within-band' : 'spread-too-wide',
    spread,
    at: rest.tsMs,
    text: `${s.name}: ${spread} mV at rest after the full charge (limit ${o.maxSpreadMv} mV)${ok ? '' : '; let the BMS balance at full charge, then check again'}`,
  };
}

/**
 * "Cell spread within band after the first full charge": the newest at-rest spread of each string
 * since its first full charge, when balancing has had its chance. A wide spread fails now but is
 * re-judged with every new sample, so it turns green once balancing has closed it.
 */
export function cellSpreadItem(
  strings: readonly StringAfterFullCharge[],
  options: CellSpreadItemOptions = DEFAULT_CELL_SPREAD_OPTIONS,
): ChecklistItem {
  const judged = strings.map((s) => judge(s, options));
  const state = strings.length === 0 ? 'pending' : worstState(judged.map((j) => j.state));
  const spreads = judged.map((j) => j.spread).filter((v): v is number => v !== null);
  const times = judged.map((j) => j.at).filter((v): v is number => v !== null);
  return {
    id: 'cell-spread',
    state,
    reason:
      strings.length === 0 ? 'no-strings' : (judged.find((j) => j.state === state)?.reason ?? 'no-strings'),
    explanation:
      strings.length === 0 ? 'No strings are known for this site yet.' : judged.map((j) => j.text).join('; '),
    evidence: {
      worstSpreadMv: spreads.length > 0 ? Math.max(...spreads) : null,
      maxSpreadMv: options.maxSpreadMv,
    },
    observedAtMs: times.length > 0 ? Math.max(...times) : null,
  };
}
