// The body of POST /faults, validated with zod. Strings are named by their BMS (CAN) address
// as in /state; modules and cells are 0-based as in /state's cellsMv[module][cell].
import { z } from 'zod';

export const FAULT_TYPES = [
  'cell-over-voltage',
  'cell-under-voltage',
  'weak-cell',
  'drifting-sensor',
  'over-temperature',
  'over-current',
  'internal-comm-error',
  'relay-fault',
  'module-dropout',
  'bms-silence',
  'garbled-frames',
  'wrong-checksums',
] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export const WIRE_INTERFACES = ['hv-can', 'lv-can', 'rs485', 'console'] as const;
export type WireInterface = (typeof WIRE_INTERFACES)[number];

const index = (max: number) =>
  z.number().int('must be a whole number').min(0, `must be 0..${max}`).max(max, `must be 0..${max}`);

export const faultInputSchema = z.strictObject({
  type: z.enum(FAULT_TYPES, `must be one of ${FAULT_TYPES.join(', ')}`),
  string: index(15).optional(),
  module: index(14).optional(),
  cell: index(14).optional(),
  severity: z.number().min(0, 'must be 0..1').max(1, 'must be 0..1').optional(),
  value: z.number().finite('must be a finite number').optional(),
  durationS: z.number().positive('must be > 0 (simulated seconds)').optional(),
  interface: z.enum(WIRE_INTERFACES, `must be one of ${WIRE_INTERFACES.join(', ')}`).optional(),
});
export type FaultInput = z.infer<typeof faultInputSchema>;

export interface Fault {
  id: string;
  type: FaultType;
  /** BMS address; undefined = every string (only where the type allows it). */
  string: number | undefined;
  module: number;
  cell: number;
  /** Type-specific magnitude after defaults (mV, °C, A, mV/h or a 0..1 factor, see fault-defaults.ts). */
  value: number;
  interface: WireInterface | undefined;
  injectedAt: string;
  /** Simulated time the fault ends by itself, if a duration was given. */
  expiresAt: string | undefined;
}

/** A readable message for the first problem of a rejected body, naming the field. */
export function faultInputProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) {
    return 'invalid fault';
  }
  const field = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    return `unknown field(s): ${issue.keys.join(', ')}`;
  }
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}
