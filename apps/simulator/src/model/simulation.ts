// All strings behind one simulated SC1000 (one string) or MBMS1000 (1–8 strings), advanced
// together on a simulated clock, driven by one load profile, with the faults injected over
// the control API applied to them.
import { evaluateBms, overridable } from '../bms/evaluate-bms.js';
import { stringFaultEffects } from '../faults/fault-effects.js';
import { FaultRegistry } from '../faults/fault-registry.js';
import { type BatteryString, createBatteryString } from './battery-string.js';
import { BUILT_IN_PROFILES, type LoadProfile, requestedCurrentA } from './load-profile.js';
import { MODULE_TYPES, type ModuleTypeName } from './module-types.js';
import { readString } from './read-string.js';
import { between, createRng, type Rng } from './rng.js';
import { stepBatteryString } from './step-battery-string.js';

export interface StringSpec {
  bmsAddress: number;
  add?: number;
  termination?: boolean;
  moduleTypeName: ModuleTypeName;
  moduleCount: number;
  initialSocPct?: number;
  initialSohPct?: number;
  moduleSerials?: readonly string[];
}

export type PcsCommand = 'sleep' | 'wake' | 'charge' | 'discharge';

export interface SimulationParams {
  strings: StringSpec[];
  seed: number;
  /** Simulated wall-clock start, ms since epoch (drives the daily profile). */
  startTimeMs: number;
  profile?: LoadProfile;
  /** Multiplies SOH fade (--ageing-factor), default 1. */
  ageingFactor?: number;
}

/** The same module type and count for every address (the plain CLI case). */
export function uniformStrings(
  addresses: readonly number[],
  moduleTypeName: ModuleTypeName,
  moduleCount: number,
): StringSpec[] {
  return addresses.map((bmsAddress) => ({ bmsAddress, moduleTypeName, moduleCount }));
}

const DAY_S = 24 * 3600;
const MAX_STEP_S = 60;

/** Ambient air: 18 °C ± 4 °C over the day, warmest mid-afternoon. */
export function ambientC(secondOfDay: number): number {
  return 18 + 4 * Math.sin((2 * Math.PI * (secondOfDay / 3600 - 9)) / 24);
}

export class Simulation {
  readonly faults: FaultRegistry;
  private readonly rng: Rng;
  private stringsByAddress: Map<number, BatteryString>;
  private simTimeMs: number;
  private readonly profile: LoadProfile;

  constructor(private readonly params: SimulationParams) {
    this.rng = createRng(params.seed);
    this.simTimeMs = params.startTimeMs;
    this.profile = params.profile ?? BUILT_IN_PROFILES['residential-solar'];
    const ambient = ambientC(this.secondOfDay());
    const last = params.strings.length - 1;
    this.stringsByAddress = new Map(
      params.strings.map((spec, stringIndex) => [
        spec.bmsAddress,
        createBatteryString(
          { ...spec, stringIndex, termination: spec.termination ?? stringIndex === last, ambientC: ambient },
          this.rng,
        ),
      ]),
    );
    this.faults = new FaultRegistry(
      params.strings.map((s) => ({
        bmsAddress: s.bmsAddress,
        moduleCount: s.moduleCount,
        cellsPerModule: MODULE_TYPES[s.moduleTypeName].cellsPerModule,
        maxDischargeA: MODULE_TYPES[s.moduleTypeName].maxDischargeA,
      })),
    );
  }

  get now(): Date {
    return new Date(this.simTimeMs);
  }

  get strings(): BatteryString[] {
    return [...this.stringsByAddress.values()];
  }

  string(address: number): BatteryString | undefined {
    return this.stringsByAddress.get(address);
  }

  /**
   * Re-applies the fault list now and lets each BMS evaluate at once, so a fault injected (or
   * removed) between two ticks is already in the next poll's answer.
   */
  applyFaults(): void {
    for (const [address, s] of this.stringsByAddress) {
      const faults = stringFaultEffects(this.faults.list(), address, this.now);
      this.stringsByAddress.set(address, evaluateBms({ ...s, faults }, 0));
    }
  }

  /**
   * A PCS command over HV CAN (reference §1.2): 0x8200 sleep / wake, 0x8210 charge / discharge
   * command. The charge (discharge) command only acts on an awake string in an under- (over-)
   * voltage protection. Returns false when no string has that address.
   */
  command(address: number, command: PcsCommand): boolean {
    const s = this.stringsByAddress.get(address);
    if (s === undefined) {
      return false;
    }
    let next = s;
    if (command === 'sleep' || command === 'wake') {
      next = { ...s, sleeping: command === 'sleep' };
    } else if (!s.sleeping && overridable(command, s.protectionBits)) {
      next = { ...s, override: command };
    }
    this.stringsByAddress.set(address, evaluateBms(next, 0));
    return true;
  }

  /**
   * Moves simulated time forward; each string follows the load profile plus a little noise.
   * Long jumps (high --speed) are cut into steps of at most a minute so the profile and the
   * limits are followed closely.
   */
  advance(simSeconds: number): void {
    let remaining = simSeconds;
    while (remaining > 0) {
      const step = Math.min(MAX_STEP_S, remaining);
      this.step(step);
      remaining -= step;
    }
  }

  private step(simSeconds: number): void {
    this.simTimeMs += simSeconds * 1000;
    this.faults.expire(this.now);
    const second = this.secondOfDay();
    const ambient = ambientC(second);
    for (const [address, s] of this.stringsByAddress) {
      const type = MODULE_TYPES[s.moduleTypeName];
      // Only a power profile needs the pack voltage (reading it costs a full measurement).
      const packV = this.profile.unit === 'powerW' ? readString(s).pack.packVoltageDv / 10 : 0;
      // A little noise on a real demand; an idle profile stays exactly idle.
      const noise = between(this.rng, -0.5, 0.5);
      const demandA = requestedCurrentA(this.profile, second, type.capacityAh, packV);
      const requestedA = demandA === 0 ? 0 : demandA + noise;
      const faults = stringFaultEffects(this.faults.list(), address, this.now);
      this.stringsByAddress.set(
        address,
        stepBatteryString({ ...s, faults }, simSeconds, requestedA, ambient, {
          ageingFactor: this.params.ageingFactor ?? 1,
        }),
      );
    }
  }

  private secondOfDay(): number {
    return Math.floor(this.simTimeMs / 1000) % DAY_S;
  }
}
