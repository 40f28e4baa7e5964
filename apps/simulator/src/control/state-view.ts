// The JSON served at GET /state: the topology, each string's current readings, cells and BMS
// state, the bursts answered most recently (newest first), active faults and input counters.
import { ALARM_PROTECTION_BITS, decodeBitFlags } from '@fleet/protocol';
import type { Fault } from '../faults/fault.schema.js';
import { type BatteryString, socSpread } from '../model/battery-string.js';
import { MODULE_TYPES } from '../model/module-types.js';
import type { PackReadings } from '../model/pack-readings.js';
import { equivalentCycles, readString } from '../model/read-string.js';
import { rs485Address } from '../topology/addressing.js';
import type { ReplyRecord } from '../wire/reply-log.js';
import type { ResponderCounters } from '../wire/slcan-responder.js';

export interface StringView {
  bmsAddress: number;
  /** ADD DIP switch value and termination switch (topology/addressing.ts). */
  add: number;
  termination: boolean;
  stringIndex: number;
  /** RS485 ADR of each module, in module order. */
  rs485Addresses: number[];
  moduleType: string;
  moduleCount: number;
  cellsPerModule: number;
  pack: PackReadings;
  /** [module][cell] */
  cellsMv: number[][];
  bms: {
    state: string;
    relayClosed: boolean;
    alarms: string[];
    protections: string[];
    sohPct: number;
    equivalentCycles: number;
    socSpreadPct: number;
    balancingCells: number;
    ageDays: number;
  };
}

export interface StateView {
  system: 'SC1000' | 'MBMS1000';
  simulatedTime: string;
  strings: StringView[];
  lastReplies: readonly ReplyRecord[];
  counters: ResponderCounters;
  interfaces: Record<string, unknown>;
  faults: readonly Fault[];
}

const named = (word: number) =>
  Object.entries(decodeBitFlags(ALARM_PROTECTION_BITS, word))
    .filter(([, on]) => on)
    .map(([name]) => name);

function stringView(s: BatteryString): StringView {
  const readings = readString(s);
  return {
    bmsAddress: s.bmsAddress,
    add: s.add,
    termination: s.termination,
    stringIndex: s.stringIndex,
    rs485Addresses: s.modules.map((_, m) => rs485Address(s.stringIndex, m)),
    moduleType: s.moduleTypeName,
    moduleCount: s.modules.length,
    cellsPerModule: MODULE_TYPES[s.moduleTypeName].cellsPerModule,
    pack: readings.pack,
    cellsMv: readings.cellsMv,
    bms: {
      state: s.bms.state,
      relayClosed: s.bms.relayClosed,
      alarms: named(s.alarmBits),
      protections: named(s.protectionBits),
      sohPct: Math.round(s.sohFraction * 10_000) / 100,
      equivalentCycles: Math.round(equivalentCycles(s) * 100) / 100,
      socSpreadPct: Math.round(socSpread(s) * 10_000) / 100,
      balancingCells: s.balancingCells,
      ageDays: Math.round((s.ageS / 86_400) * 100) / 100,
    },
  };
}

export function stateView(input: {
  system: 'SC1000' | 'MBMS1000';
  simulatedTime: Date;
  strings: BatteryString[];
  lastReplies: readonly ReplyRecord[];
  counters: ResponderCounters;
  interfaces?: Record<string, unknown>;
  faults?: readonly Fault[];
}): StateView {
  return {
    system: input.system,
    simulatedTime: input.simulatedTime.toISOString(),
    strings: input.strings.map(stringView),
    lastReplies: input.lastReplies,
    counters: { ...input.counters },
    interfaces: input.interfaces ?? {},
    faults: input.faults ?? [],
  };
}
