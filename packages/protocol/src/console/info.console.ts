// `info`: `Label : value` lines about the BMS (SC-CON and its predecessor; ✔1, PROVISIONAL),
// then per-BMU blocks ("BMU <n>", "Module : <barcode>", "PCBA : <barcode>") in physical order
// (BMU 0 = first after the BMS). SC0500 "XHB_CMU_H7" firmware prints no BMU blocks. Current
// limits are printed in mA. Every label is kept raw in `fields`.
import { labelDa, labelText, normaliseLabel } from './console-labels.js';
import type { ConsoleParseResult } from './console-parse-result.js';
import { consoleInt } from './console-units.js';

export interface ConsoleInfo {
  deviceAddress?: number;
  manufacturer?: string;
  deviceName?: string;
  boardVersion?: string;
  mainSoftVersion?: string;
  softVersion?: string;
  bootVersion?: string;
  commVersion?: string;
  releaseDate?: string;
  barcode?: string;
  specification?: string;
  cellNumber?: number;
  maxDischargeCurrentDa?: number;
  maxChargeCurrentDa?: number;
  /** Module barcodes, BMU 0 first. */
  moduleBarcodes: string[];
  /** Every `Label : value` outside the BMU blocks, label as printed. */
  fields: Record<string, string>;
}

const TEXT_FIELDS: [keyof ConsoleInfo, ...string[]][] = [
  ['manufacturer', 'Manufacturer'],
  ['deviceName', 'Device name'],
  ['boardVersion', 'Board version'],
  ['mainSoftVersion', 'Main Soft version'],
  ['softVersion', 'Soft version'],
  ['bootVersion', 'Boot version'],
  ['commVersion', 'Comm version'],
  ['releaseDate', 'Release Date'],
  ['barcode', 'Barcode', 'Module Barcode'],
  ['specification', 'Specification'],
];

export function parseInfo(lines: readonly string[]): ConsoleParseResult<ConsoleInfo> {
  const fields: Record<string, string> = {};
  const labels = new Map<string, string>();
  const moduleBarcodes: string[] = [];
  let ignoredLines = 0;
  let inBmu = false;
  for (const line of lines) {
    const trimmed = line.trim();
    const colon = trimmed.indexOf(':');
    if (/^BMU\s+\d+/i.test(trimmed)) {
      inBmu = true;
    } else if (inBmu && /^Module\b/i.test(trimmed) && colon > 0) {
      moduleBarcodes.push(trimmed.slice(colon + 1).trim());
    } else if (colon > 0 && !inBmu) {
      const label = trimmed.slice(0, colon).trim();
      fields[label] = trimmed.slice(colon + 1).trim();
      labels.set(normaliseLabel(label), fields[label]);
    } else if (!(inBmu && colon > 0)) {
      ignoredLines += 1;
    }
  }
  if (labels.size === 0 && moduleBarcodes.length === 0) {
    return { status: 'corrupt', reason: 'info: no "Label : value" line', ignoredLines };
  }
  const value: ConsoleInfo = { moduleBarcodes, fields };
  for (const [key, ...names] of TEXT_FIELDS) {
    const text = labelText(labels, ...names);
    if (text !== undefined) {
      (value as unknown as Record<string, unknown>)[key] = text;
    }
  }
  const numbers = {
    deviceAddress: consoleInt(labelText(labels, 'Device address')),
    cellNumber: consoleInt(labelText(labels, 'Cell Number')),
    maxDischargeCurrentDa: labelDa(labels, 'Max Dischg Curr', 'Max Discharge Curr'),
    maxChargeCurrentDa: labelDa(labels, 'Max Charge Curr'),
  };
  for (const [key, n] of Object.entries(numbers)) {
    if (n !== undefined) {
      (value as unknown as Record<string, unknown>)[key] = n;
    }
  }
  return { status: 'ok', value, ignoredLines };
}

export function renderInfo(value: Omit<ConsoleInfo, 'fields'>): string[] {
  const out: string[] = [];
  const line = (label: string, text: string | number | undefined) => {
    if (text !== undefined) {
      out.push(`${label.padEnd(20)}: ${text}`);
    }
  };
  line('Device address', value.deviceAddress);
  for (const [key, label] of TEXT_FIELDS) {
    line(label ?? key, (value as Record<string, unknown>)[key] as string | undefined);
  }
  line('Cell Number', value.cellNumber);
  line(
    'Max Dischg Curr',
    value.maxDischargeCurrentDa === undefined ? undefined : value.maxDischargeCurrentDa * 100,
  );
  line(
    'Max Charge Curr',
    value.maxChargeCurrentDa === undefined ? undefined : value.maxChargeCurrentDa * 100,
  );
  value.moduleBarcodes.forEach((barcode, i) => {
    out.push(`BMU ${i}`, `Module              : ${barcode}`);
  });
  return out;
}
