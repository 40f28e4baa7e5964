// Decoded words → one evaluator observation per catalogue entry that opens alarms: present when
// its bit is set, absent when its word was read and the bit is clear. Entries whose word the
// reading did not carry get no observation, so a reading without (say) 0x4290 never clears a
// fault-extension alarm.
import { ALARM_CATALOGUE } from '../catalogue/catalogue.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import type { Observation } from '../evaluator/sense.js';
import type { WordConditions } from './decode-word-conditions.js';

export function bitObservations(
  decoded: WordConditions,
  catalogue: Catalogue = ALARM_CATALOGUE,
): Map<string, Observation> {
  const active = new Set(decoded.conditions.map((c) => c.code));
  const out = new Map<string, Observation>();
  for (const wordId of Object.keys(decoded.words)) {
    for (const entry of catalogue.byWord.get(wordId)?.values() ?? []) {
      if (entry.opensAlarm) {
        out.set(entry.code, { kind: 'flag', present: active.has(entry.code), severity: entry.severity });
      }
    }
  }
  return out;
}
