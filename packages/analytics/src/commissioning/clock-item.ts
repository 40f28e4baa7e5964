import type { ChecklistItem } from './checklist-item.js';

export interface GatewayClockReading {
  gatewayId: string;
  /** The heartbeat's sentAt: the gateway's own clock (epoch ms). */
  sentAtMs: number;
  /** When the cloud received it (the broker's stored time, epoch ms); null for heartbeats stored before it was recorded. */
  receivedAtMs: number | null;
}

/** Default tolerance: a few seconds of transport delay must not fail an NTP-synced gateway. */
export const DEFAULT_MAX_CLOCK_SKEW_S = 10;

/**
 * "Time and clock sync": each gateway's clock against the cloud's, from its newest heartbeat's
 * sentAt against the broker's receive time. Skew beyond the tolerance fails (samples would be
 * filed at the wrong time, warranty evidence with them); positive skew = the gateway is ahead.
 */
export function clockItem(
  gateways: readonly GatewayClockReading[],
  maxSkewS = DEFAULT_MAX_CLOCK_SKEW_S,
): ChecklistItem {
  const timed = gateways.filter((g) => g.receivedAtMs !== null);
  if (timed.length === 0) {
    return {
      id: 'clock',
      state: 'pending',
      reason: 'no-heartbeat',
      explanation: 'No gateway heartbeat with a receive time has arrived yet.',
      evidence: { gateways: gateways.length, maxSkewS },
      observedAtMs: null,
    };
  }
  const skews = timed.map((g) => ({ g, skewS: (g.sentAtMs - (g.receivedAtMs as number)) / 1000 }));
  const worst = skews.reduce((a, b) => (Math.abs(b.skewS) > Math.abs(a.skewS) ? b : a));
  const evidence = { gateways: gateways.length, worstSkewS: Math.round(worst.skewS * 10) / 10, maxSkewS };
  const observedAtMs = Math.max(...timed.map((g) => g.receivedAtMs as number));
  if (Math.abs(worst.skewS) > maxSkewS) {
    const dir = worst.skewS > 0 ? 'ahead of' : 'behind';
    return {
      id: 'clock',
      state: 'failed',
      reason: 'clock-skew',
      explanation: `${worst.g.gatewayId}'s clock is ${Math.abs(evidence.worstSkewS)} s ${dir} the cloud (limit ${maxSkewS} s); enable NTP on the gateway.`,
      evidence,
      observedAtMs,
    };
  }
  if (timed.length < gateways.length) {
    return {
      id: 'clock',
      state: 'pending',
      reason: 'waiting-for-gateways',
      explanation: `${gateways.length - timed.length} gateway(s) have not sent a timed heartbeat yet.`,
      evidence,
      observedAtMs,
    };
  }
  return {
    id: 'clock',
    state: 'passed',
    reason: 'in-sync',
    explanation: `Every gateway clock is within ${maxSkewS} s of the cloud (worst ${evidence.worstSkewS} s).`,
    evidence,
    observedAtMs,
  };
}
