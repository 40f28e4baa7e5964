// A telemetry PackSample → its active catalogue conditions. Which raw word lands where
// (apps/edge-agent pack-sample.map.ts and lv-pack-sample.map.ts): HV 0x4250 in statusByte,
// errorBits, alarmBits, protectionBits; 0x4280 in chargeForbidden/dischargeForbidden; the 0x4290
// fault-extension frame and LV 0x359 / 0x35A travel as hex in `raw`, keyed by CAN id label.
import type { PackSample } from '@fleet/telemetry';
import { ALARM_CATALOGUE } from '../catalogue/catalogue.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import { decodeWordConditions, type WordConditions } from './decode-word-conditions.js';

export function decodeAlarmConditions(
  sample: PackSample,
  catalogue: Catalogue = ALARM_CATALOGUE,
): WordConditions {
  const words: Record<string, number> = {};
  const problems: string[] = [];
  const put = (id: string, value: number | undefined) => {
    if (value !== undefined) {
      words[id] = value;
    }
  };
  put('hv.4250.status', sample.statusByte);
  put('hv.4250.error', sample.errorBits);
  put('hv.4250.alarm', sample.alarmBits);
  put('hv.4250.protection', sample.protectionBits);
  if (sample.chargeForbidden !== undefined || sample.dischargeForbidden !== undefined) {
    words['hv.4280.forbidden'] = (sample.chargeForbidden ? 1 : 0) | (sample.dischargeForbidden ? 2 : 0);
  }
  const raw = sample.raw ?? {};
  const faultLabel = `0x${(0x4290 + sample.bmsAddress).toString(16).toUpperCase()}`;
  const fault = rawBytes(raw, faultLabel, 1, problems);
  put('hv.4290.fault_ext', fault?.[0]);
  const flags = rawBytes(raw, '0x0359', 4, problems);
  if (flags !== undefined) {
    words['lv.359.protection'] = flags[0]! | (flags[1]! << 8);
    words['lv.359.alarm'] = flags[2]! | (flags[3]! << 8);
  }
  rawBytes(raw, '0x035A', 8, problems)?.forEach((byte, index) => {
    words[`lv.35a.byte${index}`] = byte;
  });
  const decoded = decodeWordConditions(words, catalogue);
  return { ...decoded, problems: [...problems, ...decoded.problems] };
}

/**
 * The first `length` bytes of a raw frame (the ones the words sit in), or undefined when absent;
 * a malformed or too short one is named in `problems`.
 */
function rawBytes(
  raw: Readonly<Record<string, string>>,
  label: string,
  length: number,
  problems: string[],
): number[] | undefined {
  const hex = raw[label];
  if (hex === undefined) {
    return undefined;
  }
  if (!/^(?:[0-9A-Fa-f]{2})+$/.test(hex) || hex.length < length * 2) {
    problems.push(`raw ${label}: expected at least ${length} bytes of hex, got "${hex.slice(0, 40)}"`);
    return undefined;
  }
  return Array.from({ length }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}
