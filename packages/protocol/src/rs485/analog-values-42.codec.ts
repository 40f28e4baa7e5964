// 0x42 "get analog values" response INFO (protocol reference §3.6, 0x42): INFOFLAG, command
// value (the module address for a single query, the module count for a 0xFF group query),
// then one block per module. Cells s16 mV; temperatures 0.1 K; current s16 0.1 A (+ = charge);
// module voltage u16 mV; capacities mAh. With 2 user-defined items the 2-byte capacities
// count; with 4 (modules > 65 Ah, and mixed stacks) two 3-byte capacities follow and the
// 2-byte ones read 0xFFFF. The raw 2-byte fields are kept so every frame re-encodes exactly.
import { corrupt, type DecodeResult } from '../bytes/decode-result.js';
import { finishInfo } from './finish-info.js';
import { InfoReader, InfoWriter } from './info-reader.js';
import { tempDcFromDk, tempDcToDk } from './rs485-scaling.js';

/** User-defined item counts seen in V3.3: 2 (≤ 65 Ah) and 4 (3-byte capacities follow). */
export const USER_ITEMS_SMALL = 2;
export const USER_ITEMS_LARGE = 4;
/** What a 2-byte capacity reads when the real value is in the 3-byte field. */
export const CAPACITY_IN_WIDE_FIELD = 0xffff;

export interface AnalogModule42 {
  cellVoltagesMv: number[];
  /** #1 BMS board, #2-#5 cell groups (§3.6); N is usually 5, sometimes 6. */
  temperaturesDc: number[];
  currentDa: number;
  moduleVoltageMv: number;
  /** 2 or 4; decides whether the 3-byte capacities are present. */
  userItemCount: number;
  /** The 2-byte fields as sent (0xFFFF when the module uses the 3-byte fields). */
  remainingCapacity16Mah: number;
  totalCapacity16Mah: number;
  cycleCount: number;
  /** Present only when userItemCount is 4. */
  remainingCapacity24Mah?: number;
  totalCapacity24Mah?: number;
  /** The capacity that counts: the 3-byte field when present, else the 2-byte one. */
  remainingCapacityMah: number;
  totalCapacityMah: number;
}

export interface AnalogValues42 {
  infoFlag: number;
  /** Module address (single query) or module count (0xFF group query). */
  commandValue: number;
  modules: AnalogModule42[];
}

/** Which request the response answers: one module, or the whole group (INFO 0xFF). */
export type AnalogQuery = 'single' | 'group';

function readModule(r: InfoReader): AnalogModule42 | string {
  const cellCount = r.u8();
  const cellVoltagesMv = Array.from({ length: cellCount }, () => r.s16());
  const tempCount = r.u8();
  const temperaturesDc = Array.from({ length: tempCount }, () => tempDcFromDk(r.u16()));
  const currentDa = r.s16();
  const moduleVoltageMv = r.u16();
  const remainingCapacity16Mah = r.u16();
  const userItemCount = r.u8();
  const totalCapacity16Mah = r.u16();
  const cycleCount = r.u16();
  if (userItemCount !== USER_ITEMS_SMALL && userItemCount !== USER_ITEMS_LARGE) {
    return `user-defined item count ${userItemCount} is neither 2 nor 4`;
  }
  const module: AnalogModule42 = {
    cellVoltagesMv,
    temperaturesDc,
    currentDa,
    moduleVoltageMv,
    userItemCount,
    remainingCapacity16Mah,
    totalCapacity16Mah,
    cycleCount,
    remainingCapacityMah: remainingCapacity16Mah,
    totalCapacityMah: totalCapacity16Mah,
  };
  if (userItemCount === USER_ITEMS_LARGE) {
    module.remainingCapacity24Mah = r.u24();
    module.totalCapacity24Mah = r.u24();
    module.remainingCapacityMah = module.remainingCapacity24Mah;
    module.totalCapacityMah = module.totalCapacity24Mah;
  }
  return module;
}

export function decodeAnalogValues42(info: Uint8Array, query?: AnalogQuery): DecodeResult<AnalogValues42> {
  const r = new InfoReader(info);
  const infoFlag = r.u8();
  const commandValue = r.u8();
  const modules: AnalogModule42[] = [];
  // Each block is at least 14 bytes, so this loop ends within INFO's length.
  while (r.remaining > 0 && !r.short) {
    const module = readModule(r);
    if (typeof module === 'string') {
      return corrupt(`0x42 module ${modules.length + 1}: ${module}`);
    }
    if (r.short) {
      return corrupt(`0x42 module ${modules.length + 1}: INFO ends inside the block`);
    }
    modules.push(module);
  }
  if (modules.length === 0) {
    return corrupt('0x42: no module block');
  }
  if (query === 'single' && modules.length !== 1) {
    return corrupt(`0x42: a single-module reply carries ${modules.length} blocks`);
  }
  if (query === 'group' && modules.length !== commandValue) {
    return corrupt(`0x42: group reply announces ${commandValue} modules, carries ${modules.length}`);
  }
  return finishInfo(r, '0x42', { infoFlag, commandValue, modules });
}

/** Fields the encoder reads; derived `remainingCapacityMah` / `totalCapacityMah` are ignored. */
export type AnalogModule42Input = Omit<AnalogModule42, 'remainingCapacityMah' | 'totalCapacityMah'>;

export function encodeAnalogValues42(value: {
  infoFlag: number;
  commandValue: number;
  modules: readonly AnalogModule42Input[];
}): Uint8Array {
  const w = new InfoWriter().u8(value.infoFlag, 'infoFlag').u8(value.commandValue, 'commandValue');
  for (const m of value.modules) {
    w.u8(m.cellVoltagesMv.length, 'cell count');
    for (const mv of m.cellVoltagesMv) {
      w.s16(mv, 'cellVoltagesMv');
    }
    w.u8(m.temperaturesDc.length, 'temperature count');
    for (const dc of m.temperaturesDc) {
      w.u16(tempDcToDk(dc), 'temperaturesDc');
    }
    w.s16(m.currentDa, 'currentDa')
      .u16(m.moduleVoltageMv, 'moduleVoltageMv')
      .u16(m.remainingCapacity16Mah, 'remainingCapacity16Mah')
      .u8(m.userItemCount, 'userItemCount')
      .u16(m.totalCapacity16Mah, 'totalCapacity16Mah')
      .u16(m.cycleCount, 'cycleCount');
    if (m.userItemCount === USER_ITEMS_LARGE) {
      w.u24(m.remainingCapacity24Mah ?? 0, 'remainingCapacity24Mah').u24(
        m.totalCapacity24Mah ?? 0,
        'totalCapacity24Mah',
      );
    }
  }
  return w.toBytes();
}

/**
 * Capacity fields as a battery would send them: modules up to 65 Ah use the 2-byte fields,
 * larger ones (or `wide: true`, as mixed stacks do) the 3-byte fields with 0xFFFF in the short.
 */
export function capacityFields(
  remainingMah: number,
  totalMah: number,
  wide = totalMah > 65_000,
): Pick<
  AnalogModule42Input,
  | 'userItemCount'
  | 'remainingCapacity16Mah'
  | 'totalCapacity16Mah'
  | 'remainingCapacity24Mah'
  | 'totalCapacity24Mah'
> {
  if (!wide) {
    return {
      userItemCount: USER_ITEMS_SMALL,
      remainingCapacity16Mah: remainingMah,
      totalCapacity16Mah: totalMah,
    };
  }
  return {
    userItemCount: USER_ITEMS_LARGE,
    remainingCapacity16Mah: CAPACITY_IN_WIDE_FIELD,
    totalCapacity16Mah: CAPACITY_IN_WIDE_FIELD,
    remainingCapacity24Mah: remainingMah,
    totalCapacity24Mah: totalMah,
  };
}
