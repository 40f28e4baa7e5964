import type { Alarms35A } from './alarms-35a.codec.js';
import type { Battery356 } from './battery-356.codec.js';
import type { BatteryInfo35F } from './battery-info-35f.codec.js';
import type { Flags359 } from './flags-359.codec.js';
import type { KeepAlive305 } from './keep-alive-305.codec.js';
import type { Limits351 } from './limits-351.codec.js';
import type { Manufacturer35E } from './manufacturer-35e.codec.js';
import type { Requests35C } from './requests-35c.codec.js';
import type { SocSoh355 } from './soc-soh-355.codec.js';

/** Decoded value of each LV CAN message, keyed by its 11-bit id in upper-case hex. */
export interface LvCanValues {
  '305': KeepAlive305;
  '351': Limits351;
  '355': SocSoh355;
  '356': Battery356;
  '359': Flags359;
  '35A': Alarms35A;
  '35C': Requests35C;
  '35E': Manufacturer35E;
  '35F': BatteryInfo35F;
}

export type LvCanMessageType = keyof LvCanValues;

/** A decoded LV CAN message, discriminated by `type`. */
export type LvCanMessage = { [K in LvCanMessageType]: { type: K } & LvCanValues[K] }[LvCanMessageType];

export type LvCanMessageOf<K extends LvCanMessageType> = Extract<LvCanMessage, { type: K }>;
