import type { CellTempExtremes4240 } from './cell-temp-extremes-4240.codec.js';
import type { CellVoltageExtremes4230 } from './cell-voltage-extremes-4230.codec.js';
import type { ChargeDischarge8210 } from './charge-discharge-8210.codec.js';
import type { Composition7320 } from './composition-7320.codec.js';
import type { FaultExtension4290 } from './fault-extension-4290.codec.js';
import type { ForbiddenMarks4280 } from './forbidden-marks-4280.codec.js';
import type { Limits4220 } from './limits-4220.codec.js';
import type { ManufacturerName7330 } from './manufacturer-name-7330.codec.js';
import type { MaskCommFailure8240 } from './mask-comm-failure-8240.codec.js';
import type { MaskReply8250 } from './mask-reply-8250.codec.js';
import type { ModuleTempExtremes4270 } from './module-temp-extremes-4270.codec.js';
import type { ModuleVoltageExtremes4260 } from './module-voltage-extremes-4260.codec.js';
import type { Pack4210 } from './pack-4210.codec.js';
import type { Request4200 } from './request-4200.codec.js';
import type { Sleep8200 } from './sleep-8200.codec.js';
import type { Status4250 } from './status-4250.codec.js';
import type { Versions7310 } from './versions-7310.codec.js';

/** Decoded value of each HV CAN message, keyed by the message's base id in hex. */
export interface HvCanValues {
  '4200': Request4200;
  '4210': Pack4210;
  '4220': Limits4220;
  '4230': CellVoltageExtremes4230;
  '4240': CellTempExtremes4240;
  '4250': Status4250;
  '4260': ModuleVoltageExtremes4260;
  '4270': ModuleTempExtremes4270;
  '4280': ForbiddenMarks4280;
  '4290': FaultExtension4290;
  '7310': Versions7310;
  '7320': Composition7320;
  '7330': ManufacturerName7330;
  '7340': ManufacturerName7330;
  '8200': Sleep8200;
  '8210': ChargeDischarge8210;
  '8240': MaskCommFailure8240;
  '8250': MaskReply8250;
}

export type HvCanMessageType = keyof HvCanValues;

/** A decoded HV CAN message, discriminated by `type`. */
export type HvCanMessage = { [K in HvCanMessageType]: { type: K } & HvCanValues[K] }[HvCanMessageType];

export type HvCanMessageOf<K extends HvCanMessageType> = Extract<HvCanMessage, { type: K }>;
