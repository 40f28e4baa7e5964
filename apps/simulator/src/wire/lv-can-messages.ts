// The LV Pylon CAN broadcast (protocol reference §2: 0x351, 0x355, 0x356, 0x359, 0x35C,
// 0x35E) for the whole simulated system. The LV protocol has no address: an inverter sees
// one battery, so the strings (in parallel behind the MBMS1000) are aggregated: voltages
// averaged, currents and current limits summed, the tightest voltage limits, SOC/SOH
// averaged, flags OR-ed. That aggregation is a SIMULATOR CHOICE; how a real MBMS1000 or
// SC1000 fills LV frames (if at all) is unknown.
// ⚠ 0x356 carries the voltage as s16 in 0.01 V, so it cannot exceed 327.67 V, less than a
// string of more than ~6 modules. The simulator then sends 327.67 V (saturated) and says so
// in `voltageSaturated`; nothing is wrapped or invented.
import {
  ALARM_PROTECTION_BITS,
  decodeBitFlags,
  ERROR_BITS,
  flags359,
  type LvCanMessage,
  requests35C,
} from '@fleet/protocol';
import type { StringReadings } from '../model/pack-readings.js';

const S16_MAX = 0x7fff;
export const LV_MANUFACTURER = 'PYLON   ';

export interface LvSystemView {
  messages: LvCanMessage[];
  voltageSaturated: boolean;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function lvFlags(words: number[]) {
  const any = (names: string[]) =>
    words.some((w) => {
      const f = decodeBitFlags(ALARM_PROTECTION_BITS, w) as Record<string, boolean>;
      return names.some((n) => f[n]);
    });
  return {
    cellOverVoltage: any(['cellHighVoltage', 'moduleHighVoltage', 'packHighVoltage']),
    cellUnderVoltage: any(['cellLowVoltage', 'moduleLowVoltage', 'packLowVoltage']),
    cellOverTemperature: any(['chargeCellHighTemp', 'dischargeCellHighTemp']),
    cellUnderTemperature: any(['chargeCellLowTemp', 'dischargeCellLowTemp']),
    dischargeOverCurrent: any(['dischargeOverCurrent']),
    chargeOverCurrent: any(['chargeOverCurrent']),
  };
}

export function lvCanMessages(
  strings: readonly { readings: StringReadings; moduleCount: number }[],
): LvSystemView {
  const packs = strings.map((s) => s.readings.pack);
  const voltageCv = Math.round(mean(packs.map((p) => p.packVoltageDv)) * 10);
  const socPct = Math.round(mean(packs.map((p) => p.socPct)));
  const errors = packs.map((p) => decodeBitFlags(ERROR_BITS, p.errorBits));
  const protections = lvFlags(packs.map((p) => p.protectionBits));
  const alarms = lvFlags(packs.map((p) => p.alarmBits));
  const messages: LvCanMessage[] = [
    {
      type: '351',
      chargeVoltageLimitDv: Math.min(...packs.map((p) => p.chargeCutoffDv)),
      chargeCurrentLimitDa: Math.min(S16_MAX, sum(packs.map((p) => p.chargeLimitDa))),
      dischargeCurrentLimitDa: Math.min(S16_MAX, sum(packs.map((p) => p.dischargeLimitDa))),
      dischargeVoltageLimitDv: Math.max(...packs.map((p) => p.dischargeCutoffDv)),
    },
    { type: '355', socPct, sohPct: Math.round(mean(packs.map((p) => p.sohPct))), extraRaw: null },
    {
      type: '356',
      batteryVoltageCv: Math.min(S16_MAX, voltageCv),
      batteryCurrentDa: Math.max(-S16_MAX, Math.min(S16_MAX, sum(packs.map((p) => p.packCurrentDa)))),
      batteryTempDc: Math.max(...packs.map((p) => p.cellTempMaxDc)),
    },
    {
      type: '359',
      ...flags359({
        protections: {
          cellOverVoltage: protections.cellOverVoltage,
          cellUnderVoltage: protections.cellUnderVoltage,
          cellOverTemperature: protections.cellOverTemperature,
          cellUnderTemperature: protections.cellUnderTemperature,
          dischargeOverCurrent: protections.dischargeOverCurrent,
          chargeOverCurrent: protections.chargeOverCurrent,
        },
        alarms: {
          cellHighVoltage: alarms.cellOverVoltage,
          cellLowVoltage: alarms.cellUnderVoltage,
          cellHighTemperature: alarms.cellOverTemperature,
          cellLowTemperature: alarms.cellUnderTemperature,
          dischargeHighCurrent: alarms.dischargeOverCurrent,
          chargeHighCurrent: alarms.chargeOverCurrent,
        },
        systemError: errors.some((e) => Object.values(e).some(Boolean)),
        internalCommFailure: errors.some((e) => e.internalCommunicationError),
        moduleCount: Math.min(0xff, sum(strings.map((s) => s.moduleCount))),
      }),
    },
    {
      type: '35C',
      ...requests35C({
        chargeEnable: packs.some((p) => !p.chargeForbidden),
        dischargeEnable: packs.some((p) => !p.dischargeForbidden),
        forceChargeI: socPct <= 5,
      }),
    },
    { type: '35E', text: LV_MANUFACTURER },
  ];
  return { messages, voltageSaturated: voltageCv > S16_MAX };
}
