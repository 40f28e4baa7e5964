// Options of the CAN link (issue 5: "SocketCAN interface or SLCAN serial adapter for HV or LV
// CAN"): exactly one of --slcan and --can, and which Pylontech protocol the bus speaks. Kept
// beside agent-config.ts, which spreads these fields, the refinement and the option rows.
import { z } from 'zod';

/** Linux interface names: at most 15 characters (IFNAMSIZ − 1), no slash or blank. */
const IFACE = /^[A-Za-z0-9_.:-]{1,15}$/;

export const canLinkFields = {
  // SocketCAN interface (can0, slcan0 after slcand, vcan0); read and written through can-utils.
  can: z
    .string()
    .regex(IFACE, 'must be a network interface name such as can0 (at most 15 characters)')
    .optional(),
  // hv: Pylontech HV CAN (29-bit ids, 0x4200 polls, strings by address; SC0500/SC1000/MBMS1000).
  // lv: Pylontech LV "Pylon" CAN (11-bit broadcasts 0x351…0x35E, one battery system per bus).
  protocol: z.enum(['hv', 'lv'], { error: 'must be hv or lv' }).default('hv'),
};

interface CanLinkChoice {
  slcan?: unknown;
  can?: string;
}

/** Exactly one CAN link: an SLCAN adapter or a SocketCAN interface. */
export function refineCanLink(c: CanLinkChoice, ctx: z.RefinementCtx): void {
  if (c.slcan === undefined && c.can === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'is required: give --slcan <device|tcp://host:port> or --can <interface> (one of them)',
      path: ['slcan'],
    });
  } else if (c.slcan !== undefined && c.can !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'and --slcan are both set; give only one CAN link',
      path: ['can'],
    });
  }
}

/** Whether refineCanLink can look at the input: an object, even one with other bad fields. */
export function canLinkRefinable(payload: { value: unknown }): boolean {
  return typeof payload.value === 'object' && payload.value !== null;
}

export const CAN_LINK_OPTIONS = [
  {
    key: 'can',
    flag: '--can <interface>',
    env: 'AGENT_CAN',
    help: 'SocketCAN interface (e.g. can0) instead of --slcan; needs can-utils (candump, cansend)',
  },
  {
    key: 'protocol',
    flag: '--protocol <protocol>',
    env: 'AGENT_PROTOCOL',
    help: 'hv (Pylontech HV CAN, 0x4200 polls, strings by address) or lv (Pylontech LV CAN broadcasts) (default hv)',
  },
] as const;
