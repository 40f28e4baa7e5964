// Inputs of the protocol benchmark: one string's traffic per poll, encoded with our own
// encoders from realistic values (the H/L golden vectors where they exist).
import {
  type CanFrame,
  encodeHvCanFrame,
  encodeLvCanFrame,
  encodeSlcanFrame,
  flags359,
  forbiddenMarks4280,
  type HvCanMessage,
  type LvCanMessage,
  limits4220,
  requests35C,
  status4250,
  statusByteOf,
} from '../src/index.js';
import rs485Fixture from '../test/fixtures/rs485-vectors.json' with { type: 'json' };

/** The nine frames a BMS sends in reply to one 0x4200 ensemble poll (protocol reference §1.2). */
export function ensembleBurst(address = 0): CanFrame[] {
  const messages: HvCanMessage[] = [
    { type: '4210', packVoltageDv: 2469, packCurrentDa: -125, bmsTempDc: 181, socPct: 46, sohPct: 100 },
    {
      type: '4220',
      ...limits4220({
        chargeCutoffDv: 2700,
        dischargeCutoffDv: 2025,
        chargeLimitDa: 1050,
        dischargeLimitDa: 1050,
      }),
    },
    { type: '4230', cellMaxMv: 3295, cellMinMv: 3290, cellMaxNo: 3, cellMinNo: 6 },
    { type: '4240', cellTempMaxDc: 150, cellTempMinDc: 122, cellTempMaxNo: 17, cellTempMinNo: 3 },
    {
      type: '4250',
      ...status4250({
        statusByte: statusByteOf('discharge'),
        cyclePeriodRaw: 0,
        errorBits: 0,
        alarmBits: 0,
        protectionBits: 0,
      }),
    },
    {
      type: '4260',
      moduleVoltageMaxMv: 53_120,
      moduleVoltageMinMv: 52_980,
      moduleVoltageMaxNo: 2,
      moduleVoltageMinNo: 7,
    },
    { type: '4270', moduleTempMaxDc: 312, moduleTempMinDc: 255, moduleTempMaxNo: 4, moduleTempMinNo: 1 },
    { type: '4280', ...forbiddenMarks4280({ chargeForbidden: false, dischargeForbidden: false }) },
    { type: '4290', faultExtensionRaw: 0 },
  ];
  return messages.map((m) => encodeHvCanFrame(m, address));
}

/** The same burst as the bytes an SLCAN adapter sends over serial. */
export function ensembleBurstSlcan(address = 0): Uint8Array {
  const text = ensembleBurst(address).map(encodeSlcanFrame).join('');
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** One LV broadcast cycle (older firmware): 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E. */
export function lvBroadcast(): CanFrame[] {
  const messages: LvCanMessage[] = [
    {
      type: '351',
      chargeVoltageLimitDv: 532,
      chargeCurrentLimitDa: 3700,
      dischargeCurrentLimitDa: 3700,
      dischargeVoltageLimitDv: 460,
    },
    { type: '355', socPct: 26, sohPct: 100, extraRaw: null },
    { type: '356', batteryVoltageCv: 4986, batteryCurrentDa: -270, batteryTempDc: 363 },
    { type: '359', ...flags359({ moduleCount: 10 }) },
    { type: '35C', ...requests35C({ chargeEnable: true, dischargeEnable: true }) },
    { type: '35E', text: 'PYLON   ' },
  ];
  return messages.map(encodeLvCanFrame);
}

/** RS485 0x42 replies of the protocol reference: R16 (group of 3 modules) and R8 (one module). */
export function rs485AnalogReplies(): { id: string; text: string; modules: number }[] {
  const wanted: Record<string, number> = { R16: 3, R8: 1 };
  const vectors = (rs485Fixture as { rs485: { id: string; frame: string }[] }).rs485;
  return vectors
    .filter((v) => v.id in wanted)
    .map((v) => ({ id: v.id, text: v.frame, modules: wanted[v.id] ?? 0 }));
}
