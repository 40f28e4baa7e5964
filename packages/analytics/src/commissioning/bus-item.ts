import type { ChecklistItem, ChecklistState } from './checklist-item.js';
import { worstState } from './checklist-item.js';

/** The agent's bus counters as its heartbeat carries them: cumulative since the agent started. */
export interface BusCounters {
  framesIn: number;
  corrupt: number;
  adapterErrors: number;
  reconnects: number;
}

export interface GatewayBusReading {
  gatewayId: string;
  /** Gateway time of the newest heartbeat (epoch ms). */
  atMs: number;
  bus: BusCounters | null;
  /** The heartbeat before it, for a delta over the last interval; null after the first one. */
  previous: { atMs: number; bus: BusCounters | null } | null;
}

export interface BusItemOptions {
  /** Frames a window needs before the ratio means anything. */
  minFrames: number;
  /** Corrupt frames per frame received at or above which the bus fails (1 %). */
  maxCorruptRatio: number;
}

export const DEFAULT_BUS_OPTIONS: BusItemOptions = { minFrames: 100, maxCorruptRatio: 0.01 };

const COUNTERS = ['framesIn', 'corrupt', 'adapterErrors', 'reconnects'] as const;

/**
 * The counters over the last heartbeat interval when both heartbeats are of one agent run (every
 * counter went up or stayed), else since the agent started (a restart zeroed them). A delta lets
 * a fixed fault pass within a minute instead of waiting for a since-boot ratio to dilute.
 */
function windowOf(g: GatewayBusReading): { counters: BusCounters; delta: boolean } | null {
  if (g.bus === null) {
    return null;
  }
  const prev = g.previous?.bus;
  if (!prev || COUNTERS.some((k) => g.bus![k] < prev[k])) {
    return { counters: g.bus, delta: false };
  }
  const d = Object.fromEntries(COUNTERS.map((k) => [k, g.bus![k] - prev[k]])) as unknown as BusCounters;
  return { counters: d, delta: true };
}

function judge(
  g: GatewayBusReading,
  o: BusItemOptions,
): { state: ChecklistState; reason: string; text: string; ratio: number | null } {
  const w = windowOf(g);
  if (w === null) {
    return {
      state: 'pending',
      reason: 'no-counters',
      text: `${g.gatewayId}: no bus counters reported yet`,
      ratio: null,
    };
  }
  const { framesIn, corrupt, adapterErrors, reconnects } = w.counters;
  const total = framesIn + corrupt;
  const ratio = total > 0 ? corrupt / total : null;
  if (adapterErrors > 0 || reconnects > 0) {
    return {
      state: 'failed',
      reason: 'adapter-errors',
      text: `${g.gatewayId}: the bus adapter reported ${adapterErrors} error(s) and ${reconnects} reconnect(s); check the adapter and its cable`,
      ratio,
    };
  }
  if (ratio !== null && total >= o.minFrames && ratio >= o.maxCorruptRatio) {
    // Corrupt frames spread through otherwise flowing traffic, with the adapter itself healthy, is
    // the classic pattern of reflections on a bus without (or with a doubled) 120 Ω termination.
    return {
      state: 'failed',
      reason: 'termination-suspected',
      text: `${g.gatewayId}: ${(ratio * 100).toFixed(1)} % of frames corrupt while the adapter is healthy; check the bus termination (120 Ω at both ends)`,
      ratio,
    };
  }
  if (total < o.minFrames) {
    return {
      state: 'pending',
      reason: 'too-few-frames',
      text: `${g.gatewayId}: ${total} frame(s) so far, waiting for ${o.minFrames}`,
      ratio,
    };
  }
  return {
    state: 'passed',
    reason: 'healthy',
    text: `${g.gatewayId}: ${framesIn} frames, ${corrupt} corrupt`,
    ratio,
  };
}

/** "Bus healthy": per gateway, error counter deltas from its heartbeats; the worst gateway decides. */
export function busItem(
  gateways: readonly GatewayBusReading[],
  options: BusItemOptions = DEFAULT_BUS_OPTIONS,
): ChecklistItem {
  if (gateways.length === 0) {
    return {
      id: 'bus',
      state: 'pending',
      reason: 'no-heartbeat',
      explanation: 'No gateway heartbeat has arrived yet.',
      evidence: { gateways: 0 },
      observedAtMs: null,
    };
  }
  const judged = gateways.map((g) => ({ g, ...judge(g, options) }));
  const state = worstState(judged.map((j) => j.state));
  const decisive = judged.find((j) => j.state === state) ?? judged[0]!;
  const ratios = judged.map((j) => j.ratio).filter((r): r is number => r !== null);
  return {
    id: 'bus',
    state,
    reason: decisive.reason,
    explanation: judged.map((j) => j.text).join('; '),
    evidence: {
      gateways: gateways.length,
      worstCorruptPct: ratios.length > 0 ? Math.round(Math.max(...ratios) * 10_000) / 100 : null,
    },
    observedAtMs: Math.max(...gateways.map((g) => g.atMs)),
  };
}
