// From the list of active faults to what they do: per string (physical effects the model
// applies) and per wire interface (silence, garbling, wrong checksums the responders apply).
import type { Fault, WireInterface } from './fault.schema.js';
import { NO_FAULT_EFFECTS, type StringFaultEffects } from './string-fault-effects.js';

const HOUR_MS = 3600 * 1000;

export function stringFaultEffects(
  faults: readonly Fault[],
  bmsAddress: number,
  now: Date,
): StringFaultEffects {
  const mine = faults.filter((f) => f.string === bmsAddress);
  if (mine.length === 0) {
    return NO_FAULT_EFFECTS;
  }
  const at = (f: Fault) => ({ module: f.module, cell: f.cell });
  const of = (type: Fault['type']) => mine.filter((f) => f.type === type);
  const forced = of('over-current');
  return {
    cellFloorsMv: of('cell-over-voltage').map((f) => ({ ...at(f), mv: f.value })),
    cellCeilingsMv: of('cell-under-voltage').map((f) => ({ ...at(f), mv: f.value })),
    cellSensorOffsetsMv: of('drifting-sensor').map((f) => ({
      ...at(f),
      mv: (f.value * Math.max(0, now.getTime() - Date.parse(f.injectedAt))) / HOUR_MS,
    })),
    capacityFactors: of('weak-cell').map((f) => ({ ...at(f), factor: Math.max(0.01, 1 - f.value) })),
    moduleTempFloorsC: of('over-temperature').map((f) => ({ module: f.module, c: f.value })),
    forcedCurrentA: forced.length === 0 ? undefined : forced[forced.length - 1]?.value,
    internalCommError: of('internal-comm-error').length > 0,
    relayFault: of('relay-fault').length > 0,
    droppedModules: [...new Set(of('module-dropout').map((f) => f.module))],
  };
}

const onInterface = (f: Fault, iface: WireInterface) => f.interface === undefined || f.interface === iface;

/** Whether a string answers at all on an interface (bms-silence). */
export function isSilent(faults: readonly Fault[], bmsAddress: number, iface: WireInterface): boolean {
  return faults.some(
    (f) =>
      f.type === 'bms-silence' &&
      (f.string === undefined || f.string === bmsAddress) &&
      onInterface(f, iface),
  );
}

/** Fraction 0..1 of output to corrupt on an interface (garbled-frames; the largest wins). */
export function garbleFraction(faults: readonly Fault[], iface: WireInterface): number {
  return Math.max(
    0,
    ...faults.filter((f) => f.type === 'garbled-frames' && onInterface(f, iface)).map((f) => f.value),
  );
}

/** Fraction 0..1 of RS485 replies to send with a wrong checksum. */
export function wrongChecksumFraction(faults: readonly Fault[]): number {
  return Math.max(0, ...faults.filter((f) => f.type === 'wrong-checksums').map((f) => f.value));
}
