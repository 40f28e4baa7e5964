import type { BusCounters, CommissioningInput } from '@fleet/analytics';
import type { CommissioningGatewayRow, CommissioningStringRow } from '@fleet/db';

const count = (bus: Record<string, unknown>, key: string) => {
  const v = bus[key];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
};

/**
 * The bus counters of a stored heartbeat, or null when the agent did not send all of them (an
 * older agent, a bus-less gateway): the item then waits instead of judging made-up zeros.
 */
export function busCountersOf(bus: Record<string, unknown> | null): BusCounters | null {
  if (bus === null) {
    return null;
  }
  const framesIn = count(bus, 'framesIn');
  const corrupt = count(bus, 'corrupt');
  const adapterErrors = count(bus, 'adapterErrors');
  const reconnects = count(bus, 'reconnects');
  if (framesIn === null || corrupt === null || adapterErrors === null || reconnects === null) {
    return null;
  }
  return { framesIn, corrupt, adapterErrors, reconnects };
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

/** Database rows → the pure checklist's input. */
export function checklistInput(
  strings: readonly CommissioningStringRow[],
  gateways: readonly CommissioningGatewayRow[],
): CommissioningInput {
  return {
    strings: strings.map((s) => ({
      stringId: s.stringId,
      name: s.name,
      firstSampleAtMs: ms(s.firstSampleAt),
      expectedModules: s.expectedModules,
      presentModules: s.presentModules,
      reported: s.firstSampleAt !== null,
      lastSeenAtMs: ms(s.lastModuleSeenAt) ?? ms(s.firstSampleAt),
      fullChargeAtMs: ms(s.fullChargeAt),
      samplesAfter: s.samplesAfter.map((p) => ({ ...p, tsMs: p.ts.getTime() })),
    })),
    gateways: gateways.map((g) => ({
      gatewayId: g.gatewayId,
      atMs: g.at.getTime(),
      sentAtMs: g.at.getTime(),
      receivedAtMs: ms(g.receivedAt),
      bus: busCountersOf(g.bus),
      previous: g.prevAt === null ? null : { atMs: g.prevAt.getTime(), bus: busCountersOf(g.prevBus) },
    })),
  };
}
