// The Pylontech LV CAN device map as data (protocol reference §2.2): which broadcast message
// fills which PackSample fields. LV carries far less than HV: no cell or module extremes, no
// status word, no address. Fields it lacks stay absent; nothing is derived beyond a unit change.
import type { LvCanMessageOf, LvCanMessageType } from '@fleet/protocol';
import type { PackSample } from '@fleet/telemetry';

type Fields = Partial<PackSample>;
type MapRow<K extends LvCanMessageType> = (message: LvCanMessageOf<K>) => Fields;

export const LV_PACK_SAMPLE_FIELDS: { [K in LvCanMessageType]?: MapRow<K> } = {
  // CVL / DVL are the BMS's charge and discharge voltage limits: HV 0x4220's cut-offs.
  // A 6-byte 0x351 has no DVL, so dischargeCutoffDv stays absent.
  '351': (m) => ({
    chargeCutoffDv: m.chargeVoltageLimitDv,
    chargeLimitDa: m.chargeCurrentLimitDa,
    dischargeLimitDa: m.dischargeCurrentLimitDa,
    ...(m.dischargeVoltageLimitDv === null ? {} : { dischargeCutoffDv: m.dischargeVoltageLimitDv }),
  }),
  '355': (m) => ({ socPct: m.socPct, sohPct: m.sohPct }),
  // 0.01 V → 0.1 V (the sample's unit); the exact value stays in `raw` (see RAW_KEPT_TYPES).
  // LV has one battery temperature; it fills bmsTempDc, the one temperature a sample requires.
  '356': (m) => ({
    packVoltageDv: Math.round(m.batteryVoltageCv / 10),
    packCurrentDa: m.batteryCurrentDa,
    bmsTempDc: m.batteryTempDc,
  }),
  // The enable bits say the same as HV 0x4280's forbidden marks, inverted.
  '35C': (m) => ({ chargeForbidden: !m.chargeEnable, dischargeForbidden: !m.dischargeEnable }),
};

/**
 * Messages whose bytes travel in `raw` (hex, keyed by CAN id): their content is not (or not
 * exactly) in the fields above. 0x356 for its 0.01 V voltage; 0x359 and 0x35A for their
 * protection/alarm words, whose bit layout differs from HV's 0x4250; 0x35C for the force-charge
 * requests; 0x35F (meaning unknown, reference §2.3 L15). A 6-byte 0x355 is kept too (its extra
 * word is unknown).
 */
export const LV_RAW_KEPT_TYPES: readonly LvCanMessageType[] = ['356', '359', '35A', '35C', '35F'];

/** Without SOC/SOH and voltage/current/temperature there is no sample (the required fields). */
export const LV_REQUIRED_TYPES: readonly LvCanMessageType[] = ['355', '356'];
