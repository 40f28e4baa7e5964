import {
  decodeAlarmInfo44,
  decodeChargeManagement92,
  decodeFlags359,
  decodeForbiddenMarks4280,
  decodeStatus4250,
  encodeAlarmInfo44,
  encodeChargeManagement92,
  encodeStatus4250,
  PACK_STATES,
} from '@fleet/protocol';
import { describe, expect, it } from 'vitest';
import { AlarmsError } from '../alarms-error.js';
import { ALARM_CATALOGUE } from './catalogue.js';
import { type CatalogueEntry, severityRank } from './catalogue-entry.js';
import { HV_CAN_ENTRIES } from './hv-can.table.js';
import { loadCatalogue } from './load-catalogue.js';
import { LV_CAN_ENTRIES } from './lv-can.table.js';
import { RS485_ENTRIES } from './rs485.table.js';
import { ALARM_WORDS } from './words.table.js';

const ALL = [...HV_CAN_ENTRIES, ...LV_CAN_ENTRIES, ...RS485_ENTRIES];

/** Names of the flags that are true in a decoded record (one level of nesting). */
function trueFlags(record: object, prefix = ''): string[] {
  return Object.entries(record).flatMap(([key, value]) => (value === true ? [`${prefix}${key}`] : []));
}

function ok<T>(result: { status: string; value?: T }): T {
  if (result.status !== 'ok' || result.value === undefined) {
    throw new Error(`decode failed: ${JSON.stringify(result)}`);
  }
  return result.value;
}

const status4250 = (raw: Partial<Parameters<typeof encodeStatus4250>[0]>) =>
  ok(
    decodeStatus4250(
      encodeStatus4250({
        statusByte: 0,
        cyclePeriodRaw: 0,
        errorBits: 0,
        alarmBits: 0,
        protectionBits: 0,
        ...raw,
      }),
    ),
  );

const flags359 = (payloadBit: number) => {
  const data = new Uint8Array([0, 0, 0, 0, 1, 0x50, 0x4e]);
  data[payloadBit >> 3]! |= 1 << (payloadBit & 7);
  return ok(decodeFlags359(data));
};

const info44 = (status: Partial<Record<'status1' | 'status2' | 'status3' | 'status4' | 'status5', number>>) =>
  ok(
    decodeAlarmInfo44(
      encodeAlarmInfo44({
        dataFlag: 0,
        commandValue: 2,
        cellStates: [],
        temperatureStates: [],
        chargeCurrentState: 0,
        moduleVoltageState: 0,
        dischargeCurrentState: 0,
        status1: 0,
        status2: 0,
        status3: 0,
        status4: 0,
        status5: 0,
        trailing: [],
        ...status,
      }),
    ),
  );

/**
 * What @fleet/protocol's own decoder names when only this bit is set: the catalogue must agree
 * bit for bit, so a protocol table that gains or renames a flag fails this spec until the
 * catalogue follows. Words whose bits the decoder keeps raw name nothing.
 */
const PROTOCOL_VIEW: Record<string, (bit: number) => string[]> = {
  'hv.4250.status': (bit) => trueFlags(status4250({ statusByte: 1 << bit })),
  'hv.4250.error': (bit) => trueFlags(status4250({ errorBits: 1 << bit }).errors),
  'hv.4250.alarm': (bit) => trueFlags(status4250({ alarmBits: 1 << bit }).alarms),
  'hv.4250.protection': (bit) => trueFlags(status4250({ protectionBits: 1 << bit }).protections),
  'hv.4280.forbidden': (bit) => {
    const data = new Uint8Array(8);
    data[bit] = 0xaa;
    return trueFlags(ok(decodeForbiddenMarks4280(data)));
  },
  'hv.4290.fault_ext': () => [],
  'lv.359.protection': (bit) => trueFlags(flags359(bit).protections),
  'lv.359.alarm': (bit) => trueFlags(flags359(16 + bit).alarms),
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`lv.35a.byte${i}`, () => []])),
  'rs485.44.status1': (bit) => trueFlags(info44({ status1: 1 << bit }).protections),
  'rs485.44.status2': (bit) => trueFlags(info44({ status2: 1 << bit }).switches),
  'rs485.44.status3': (bit) => trueFlags(info44({ status3: 1 << bit }).activity),
  'rs485.44.status4': (bit) => trueFlags(info44({ status4: 1 << bit }).cellFailures, 'cellFailures.'),
  'rs485.44.status5': (bit) => trueFlags(info44({ status5: 1 << bit }).cellFailures, 'cellFailures.'),
  'rs485.92.status': (bit) =>
    trueFlags(
      ok(
        decodeChargeManagement92(
          encodeChargeManagement92({
            commandValue: 2,
            chargeVoltageLimitMv: 0,
            dischargeVoltageLimitMv: 0,
            chargeCurrentLimitDa: 0,
            dischargeCurrentLimitDa: 0,
            statusByte: 1 << bit,
          }),
        ),
      ).status,
    ),
};

const FLAG_BITS = ALARM_WORDS.flatMap((word) =>
  Array.from({ length: word.widthBits }, (_, bit) => ({ word: word.id, bit })).filter(
    ({ bit }) => !word.valueBits?.includes(bit),
  ),
);

describe('alarm catalogue coverage', () => {
  it('has a protocol view for every word it covers', () => {
    expect(Object.keys(PROTOCOL_VIEW).sort()).toEqual(ALARM_WORDS.map((w) => w.id).sort());
  });

  it.each(FLAG_BITS)(
    '$word bit $bit has exactly one entry, named as the protocol decoder names it',
    ({ word, bit }) => {
      const entries = ALL.filter((e) => e.word === word && e.bit === bit);
      expect(entries).toHaveLength(1);
      const [entry] = entries as [CatalogueEntry];
      const names = PROTOCOL_VIEW[word]!(bit);
      expect(names.length).toBeLessThanOrEqual(1);
      expect(entry.protocolName).toBe(names[0]);
      if (names.length === 0 && entry.confidence !== 'conflicting') {
        expect(entry.confidence).toBe('unknown');
        expect(entry.meaning).toMatch(/^Unknown bit, raw kept/);
      }
    },
  );

  it('leaves only the pack-state value bits of the HV status byte to the state field', () => {
    expect(ALARM_WORDS.find((w) => w.id === 'hv.4250.status')?.valueBits).toEqual([0, 1, 2]);
    expect(PACK_STATES).toHaveLength(4);
  });

  it('has no entry outside the words, and the loaded catalogue holds every table row', () => {
    expect(ALL.length).toBe(FLAG_BITS.length);
    expect(ALARM_CATALOGUE.entries).toHaveLength(ALL.length);
  });
});

describe('alarm catalogue entries', () => {
  it.each(ALL.map((e) => [e.code, e] as const))('%s is complete', (_code, entry) => {
    for (const text of [entry.title, entry.meaning, entry.reference]) {
      expect(text.trim().length).toBeGreaterThan(0);
    }
    expect(entry.causes.length).toBeGreaterThan(0);
    expect(entry.firstSteps.length).toBeGreaterThan(0);
    expect([...entry.causes, ...entry.firstSteps].every((t) => t.trim().length > 0)).toBe(true);
    expect(entry.code.startsWith(entry.word.split('.')[0]!)).toBe(true);
  });

  const pairs = ALL.filter((e) => e.kind === 'protection' && e.counterpart !== undefined);

  it('pairs protections with alarms both ways', () => {
    expect(pairs.length).toBe(12 + 6);
    for (const protection of pairs) {
      const alarm = ALARM_CATALOGUE.byCode.get(protection.counterpart!);
      expect(alarm?.kind).toBe('alarm');
      expect(alarm?.counterpart).toBe(protection.code);
    }
  });

  it.each(pairs.map((p) => [p.code, p] as const))(
    '%s ranks above its alarm counterpart',
    (_code, protection) => {
      const alarm = ALARM_CATALOGUE.byCode.get(protection.counterpart!)!;
      expect(severityRank(protection.severity)).toBeGreaterThan(severityRank(alarm.severity));
      expect(alarm.meaning).toContain('§1.4.5 ⚠');
    },
  );
});

describe('loadCatalogue', () => {
  const base = HV_CAN_ENTRIES[0]!;

  it('refuses a repeated code, a repeated bit, a dangling counterpart and an empty text, naming each', () => {
    const broken = [
      base,
      { ...base, bit: 13 },
      { ...base, code: 'hv.protection.other', counterpart: 'hv.alarm.nothing' },
      { ...base, code: 'hv.protection.empty', bit: 14, causes: [] },
    ];
    let error: unknown;
    try {
      loadCatalogue([broken]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AlarmsError);
    const problems = (error as AlarmsError).problems.join('\n');
    expect(problems).toContain('hv.protection.cell_low_voltage: code used twice');
    expect(problems).toContain('hv.protection.other: hv.4250.protection bit 0 already has');
    expect(problems).toContain('hv.protection.other: counterpart hv.alarm.nothing is not in the catalogue');
    expect(problems).toContain('hv.protection.empty: causes:');
  });

  it('refuses a bit outside its word and a value bit', () => {
    expect(() => loadCatalogue([[{ ...base, bit: 16 }]])).toThrow(
      /bit 16 is not a flag bit of hv.4250.protection/,
    );
    expect(() => loadCatalogue([[{ ...base, word: 'hv.4250.status', bit: 1 }]])).toThrow(
      /bit 1 is not a flag bit of hv.4250.status/,
    );
  });
});
