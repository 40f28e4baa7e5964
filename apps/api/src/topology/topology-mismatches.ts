// Discovered vs confirmed topology (issue 10): what the agents found on the buses against what the
// installer confirmed was installed. Pure; the service feeds it stored reports and confirmations.

/** Where a string answers: one BMS address on one bus of one gateway. */
export interface TopologyPlace {
  gatewayId: string;
  bus: string;
  bmsAddress: number;
}

export interface FoundString extends TopologyPlace {
  moduleCount?: number;
  bmsSerial?: string;
}

export interface ExpectedString extends TopologyPlace {
  moduleCount: number;
  bmsSerial?: string | null;
}

/** The closed set of mismatch kinds (docs/architecture.md, "Topology"). */
export const mismatchKinds = [
  /** Fewer modules answer than were installed. */
  'module-missing',
  /** More than one string answers on one address. */
  'address-duplicated',
  /** The installed string (known by its BMS serial) answers on another address. */
  'wrong-address',
  /** A string answers that was not confirmed as installed. */
  'unexpected-string',
  /** A string confirmed as installed does not answer. */
  'expected-absent',
] as const;
export type MismatchKind = (typeof mismatchKinds)[number];

export interface Mismatch {
  kind: MismatchKind;
  /** Where it shows: the found place, or the expected one for `expected-absent`. */
  place: TopologyPlace;
  /** `wrong-address`: where it was confirmed. */
  expectedPlace?: TopologyPlace;
  bmsSerial?: string;
  /** `module-missing`: modules confirmed and found. */
  expectedModules?: number;
  foundModules?: number;
}

export const placeKey = (p: TopologyPlace): string => `${p.gatewayId}|${p.bus}|${p.bmsAddress}`;
const place = (p: TopologyPlace): TopologyPlace => ({
  gatewayId: p.gatewayId,
  bus: p.bus,
  bmsAddress: p.bmsAddress,
});

/**
 * Every mismatch, in a stable order (duplicates, then per expected string, then unexpected ones).
 * Pairs by BMS serial where both sides know it, else by place; without a confirmation only
 * duplicated addresses can be told.
 */
export function findMismatches(
  found: readonly FoundString[],
  expected: readonly ExpectedString[] | null,
): Mismatch[] {
  const mismatches = duplicatedAddresses(found);
  if (!expected) {
    return mismatches;
  }
  const unmatched = new Set(found.map((_, i) => i));
  for (const e of expected) {
    const i = matchOf(found, unmatched, e);
    const f = i === undefined ? undefined : found[i];
    if (i === undefined || !f) {
      mismatches.push({ kind: 'expected-absent', place: place(e), ...serialOf(e.bmsSerial) });
      continue;
    }
    unmatched.delete(i);
    if (placeKey(f) !== placeKey(e)) {
      mismatches.push({
        kind: 'wrong-address',
        place: place(f),
        expectedPlace: place(e),
        ...serialOf(f.bmsSerial),
      });
    }
    if (f.moduleCount !== undefined && f.moduleCount < e.moduleCount) {
      mismatches.push({
        kind: 'module-missing',
        place: place(f),
        ...serialOf(f.bmsSerial),
        expectedModules: e.moduleCount,
        foundModules: f.moduleCount,
      });
    }
  }
  for (const i of unmatched) {
    const f = found[i] as FoundString;
    mismatches.push({ kind: 'unexpected-string', place: place(f), ...serialOf(f.bmsSerial) });
  }
  return mismatches;
}

/** Index of the found string an expected one pairs with: same serial first, then same place. */
function matchOf(
  found: readonly FoundString[],
  open: ReadonlySet<number>,
  e: ExpectedString,
): number | undefined {
  const candidates = [...open];
  if (e.bmsSerial) {
    const bySerial = candidates.find((i) => found[i]?.bmsSerial === e.bmsSerial);
    if (bySerial !== undefined) {
      return bySerial;
    }
  }
  // Same place, unless both know a serial and the serials differ (another BMS sits there).
  return candidates.find((i) => {
    const f = found[i] as FoundString;
    return placeKey(f) === placeKey(e) && !(e.bmsSerial && f.bmsSerial && f.bmsSerial !== e.bmsSerial);
  });
}

function duplicatedAddresses(found: readonly FoundString[]): Mismatch[] {
  const count = new Map<string, number>();
  for (const f of found) {
    count.set(placeKey(f), (count.get(placeKey(f)) ?? 0) + 1);
  }
  const seen = new Set<string>();
  return found.flatMap((f) => {
    const key = placeKey(f);
    if ((count.get(key) ?? 0) < 2 || seen.has(key)) {
      return [];
    }
    seen.add(key);
    return [{ kind: 'address-duplicated' as const, place: place(f) }];
  });
}

function serialOf(serial: string | null | undefined): { bmsSerial?: string } {
  return serial ? { bmsSerial: serial } : {};
}
