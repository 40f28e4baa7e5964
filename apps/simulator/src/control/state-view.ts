// The JSON served at GET /state: each string's current readings and cells, the bursts answered
// most recently (newest first) and the input counters.
import type { BatteryString } from '../model/battery-string.js';
import { MODULE_TYPES } from '../model/module-types.js';
import type { PackReadings } from '../model/pack-readings.js';
import { readString } from '../model/read-string.js';
import type { ReplyRecord } from '../wire/reply-log.js';
import type { ResponderCounters } from '../wire/slcan-responder.js';

export interface StringView {
  bmsAddress: number;
  moduleType: string;
  moduleCount: number;
  cellsPerModule: number;
  pack: PackReadings;
  /** [module][cell] */
  cellsMv: number[][];
}

export interface StateView {
  simulatedTime: string;
  strings: StringView[];
  lastReplies: readonly ReplyRecord[];
  counters: ResponderCounters;
}

export function stateView(input: {
  simulatedTime: Date;
  strings: BatteryString[];
  lastReplies: readonly ReplyRecord[];
  counters: ResponderCounters;
}): StateView {
  return {
    simulatedTime: input.simulatedTime.toISOString(),
    strings: input.strings.map((s) => {
      const readings = readString(s);
      return {
        bmsAddress: s.bmsAddress,
        moduleType: s.moduleTypeName,
        moduleCount: s.modules.length,
        cellsPerModule: MODULE_TYPES[s.moduleTypeName].cellsPerModule,
        pack: readings.pack,
        cellsMv: readings.cellsMv,
      };
    }),
    lastReplies: input.lastReplies,
    counters: { ...input.counters },
  };
}
