// Raw words → the catalogue entries whose bits are set. The words stay beside the result, so a
// consumer stores both raw words (alarm and protection) whatever the catalogue says today.

import { ALARM_CATALOGUE } from '../catalogue/catalogue.js';
import type { AlarmKind, Severity } from '../catalogue/catalogue-entry.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import { wordById } from '../catalogue/words.table.js';

export interface ActiveCondition {
  code: string;
  kind: AlarmKind;
  severity: Severity;
  opensAlarm: boolean;
  /** The word id (words.table.ts) and its raw value as read. */
  word: string;
  rawWord: number;
}

export interface WordConditions {
  conditions: ActiveCondition[];
  /** Every word read, raw, by word id. */
  words: Record<string, number>;
  /** Words that could not be read or are out of range, named; never thrown. */
  problems: string[];
}

/** The active conditions of a set of raw words keyed by word id (unknown ids are problems). */
export function decodeWordConditions(
  words: Readonly<Record<string, number>>,
  catalogue: Catalogue = ALARM_CATALOGUE,
): WordConditions {
  const result: WordConditions = { conditions: [], words: {}, problems: [] };
  for (const [id, value] of Object.entries(words)) {
    const word = wordById(id);
    if (word === undefined) {
      result.problems.push(`${id}: unknown word`);
      continue;
    }
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** word.widthBits) {
      result.problems.push(`${id}: ${String(value)} is not a ${word.widthBits}-bit word`);
      continue;
    }
    result.words[id] = value;
    const bits = catalogue.byWord.get(id);
    for (let bit = 0; bit < word.widthBits; bit++) {
      const entry = bits?.get(bit);
      if ((value & (2 ** bit)) === 0 || entry === undefined) {
        continue;
      }
      result.conditions.push({
        code: entry.code,
        kind: entry.kind,
        severity: entry.severity,
        opensAlarm: entry.opensAlarm,
        word: id,
        rawWord: value,
      });
    }
  }
  return result;
}
