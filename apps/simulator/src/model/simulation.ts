// All strings behind one simulated SC1000 (one address) or MBMS1000 (one address per string),
// advanced together on a simulated clock.
import { type BatteryString, createBatteryString } from './battery-string.js';
import { profileCRate } from './current-profile.js';
import { MODULE_TYPES, type ModuleTypeName } from './module-types.js';
import { between, createRng, type Rng } from './rng.js';
import { stepBatteryString } from './step-battery-string.js';

export interface SimulationParams {
  addresses: number[];
  moduleTypeName: ModuleTypeName;
  moduleCount: number;
  seed: number;
  /** Simulated wall-clock start, ms since epoch (drives the daily profile). */
  startTimeMs: number;
}

const DAY_S = 24 * 3600;
const MAX_STEP_S = 60;

/** Ambient air: 18 °C ± 4 °C over the day, warmest mid-afternoon. */
export function ambientC(secondOfDay: number): number {
  return 18 + 4 * Math.sin((2 * Math.PI * (secondOfDay / 3600 - 9)) / 24);
}

export class Simulation {
  private readonly rng: Rng;
  private stringsByAddress: Map<number, BatteryString>;
  private simTimeMs: number;

  constructor(private readonly params: SimulationParams) {
    this.rng = createRng(params.seed);
    this.simTimeMs = params.startTimeMs;
    const ambient = ambientC(this.secondOfDay());
    this.stringsByAddress = new Map(
      params.addresses.map((bmsAddress) => [
        bmsAddress,
        createBatteryString(
          {
            bmsAddress,
            moduleTypeName: params.moduleTypeName,
            moduleCount: params.moduleCount,
            ambientC: ambient,
          },
          this.rng,
        ),
      ]),
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
   * Moves simulated time forward; each string follows the site profile plus a little noise.
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
    const second = this.secondOfDay();
    const ambient = ambientC(second);
    const capacityAh = MODULE_TYPES[this.params.moduleTypeName].capacityAh;
    for (const [address, s] of this.stringsByAddress) {
      const requestedA = profileCRate(second) * capacityAh + between(this.rng, -0.5, 0.5);
      this.stringsByAddress.set(address, stepBatteryString(s, simSeconds, requestedA, ambient));
    }
  }

  private secondOfDay(): number {
    return Math.floor(this.simTimeMs / 1000) % DAY_S;
  }
}
