// How a string's ADD DIP switch becomes its addresses on each bus. The SC1000's ADD switch
// layout and its mapping are NOT in the protocol reference (§1.2: "how an MBMS1000 maps
// several strings onto the inverter CAN bus" is an open question), so this is a SIMULATOR
// ASSUMPTION, chosen to fit the facts that are known:
//   - ADD is a 5-bit switch, 1..31 (0 = all off is not a valid address).
//   - HV CAN carries the address in the id's low nibble (0..15), and a lone SC1000 normally
//     answers at 0 (§1.2), so: CAN nibble = (ADD − 1) mod 16. ADD 1 → 0, ADD 2 → 1, … ADD 16 → 15,
//     ADD 17 → 0 again (two strings of one bus must not share a nibble; the config refuses it).
//   - RS485 V3.3 addresses modules as 0x10·group + n (§3.5); the string's position behind the
//     MBMS1000 (0..7) is the group and module k (0-based) is n = k + 1, so ADR = 0x10·group + k + 1
//     (1..15 fits 15 modules). Whole-group queries (INFO 0xFF) are answered at any ADR of the group.
//   - The termination switch is data only (shown in /state): a simulated bus has no reflections.

export const MIN_ADD = 1;
export const MAX_ADD = 31;
export const MAX_STRINGS = 8;

export function canAddressOfAdd(add: number): number {
  return (add - 1) & 0x0f;
}

/** The ADD value that gives a CAN nibble (for --addresses, which names nibbles). */
export function addOfCanAddress(canAddress: number): number {
  return canAddress + 1;
}

export function rs485Address(stringIndex: number, moduleIndex: number): number {
  return 0x10 * stringIndex + moduleIndex + 1;
}

/** String index and module of an RS485 ADR, or undefined when the ADR names no module. */
export function fromRs485Address(adr: number): { stringIndex: number; moduleIndex: number } | undefined {
  const moduleIndex = (adr & 0x0f) - 1;
  return moduleIndex < 0 ? undefined : { stringIndex: adr >> 4, moduleIndex };
}
