// Small builders so the tables stay one line per bit. They only assemble text; every entry
// is validated by catalogueEntrySchema when the catalogue loads.
import type { AlarmKind, CatalogueEntry, Confidence, Severity } from './catalogue-entry.js';
import { CONDITION_TEXTS, type ConditionKey, SUPPORT_STEP } from './condition-texts.js';
import { wordById } from './words.table.js';

/** Protection vs alarm ranking (reference §1.4.5 ⚠): the majority reading, kept visible. */
const RANKING_NOTE =
  'Reading alarm as the early warning and protection as the protective action follows the majority of sources (HV CAN, §1.4.5 ⚠); no capture has confirmed it yet, so both raw words are kept.';

const LEVEL = {
  protection: 'Protection acted: the BMS acts to protect the battery.',
  alarm: 'Warning before protection: the BMS warns before it acts.',
  error: 'Fault: the BMS reports a fault of its own or of the battery.',
  status: 'Status:',
} as const satisfies Record<AlarmKind, string>;

/** What the SC1000-100S product page adds for an HV string (LV and RS485 batteries are other products). */
const HV_LEVEL: Partial<Record<AlarmKind, string>> = {
  protection:
    'On a protection the SC1000-100S opens its contactor and isolates the string from the inverter, lights the red Protection LED and switches the dry-contact output (product page).',
  alarm: 'The SC1000-100S shows a warning on its yellow Alarm LED (product page).',
};

const SEVERITY_OF: Record<AlarmKind, Severity> = {
  protection: 'critical',
  alarm: 'warning',
  error: 'major',
  status: 'info',
};

export interface ConditionBit {
  code: string;
  word: string;
  bit: number;
  kind: AlarmKind;
  condition: ConditionKey;
  confidence: Confidence;
  reference: string;
  protocolName?: string;
  counterpart?: string;
  severity?: Severity;
  /** Appended to the meaning (a source conflict, an abbreviation). */
  note?: string;
}

/** An entry for a bit that reports one of the shared physical conditions. */
export function conditionEntry(input: ConditionBit): CatalogueEntry {
  const text = CONDITION_TEXTS[input.condition];
  const hv = wordById(input.word)?.protocol === 'hv-can' ? HV_LEVEL[input.kind] : undefined;
  const level = hv ? `${LEVEL[input.kind]} ${hv}` : LEVEL[input.kind];
  const ranking = input.kind === 'protection' || input.kind === 'alarm' ? ` ${RANKING_NOTE}` : '';
  const what = text.what.charAt(0).toUpperCase() + text.what.slice(1);
  return {
    code: input.code,
    word: input.word,
    bit: input.bit,
    kind: input.kind,
    severity: input.severity ?? SEVERITY_OF[input.kind],
    title: input.kind === 'alarm' ? `${text.title} (warning)` : text.title,
    meaning: `${what}. ${level}${input.note ? ` ${input.note}` : ''}${ranking}`,
    causes: [...text.causes],
    firstSteps: [...text.firstSteps],
    confidence: input.confidence,
    reference: input.reference,
    ...(input.protocolName ? { protocolName: input.protocolName } : {}),
    ...(input.counterpart ? { counterpart: input.counterpart } : {}),
    opensAlarm: true,
  };
}

/**
 * An entry for a bit the reference marks reserved, unused or undocumented: it says so rather than
 * inventing a meaning, and keeps the raw word. Set anyway, it is recorded; in a protection, alarm or
 * error word it opens an info alarm so support sees a bit nobody has explained yet.
 */
export function unknownBitEntry(
  code: string,
  wordId: string,
  bit: number,
  status: 'reserved' | 'unused' | 'undocumented',
): CatalogueEntry {
  const word = wordById(wordId);
  if (word === undefined) {
    throw new Error(`catalogue table: unknown word ${wordId}`);
  }
  return {
    code,
    word: wordId,
    bit,
    kind: word.kind,
    severity: 'info',
    title: `${word.message} ${word.label}: ${status} bit ${bit}`,
    meaning: `Unknown bit, raw kept: the protocol reference (${word.reference}) lists bit ${bit} of the ${word.label} as ${status}, so its meaning is not known. The BMS set it anyway.`,
    causes: ['Not documented; possibly a firmware-specific flag.'],
    firstSteps: [
      'Note when it appears together with other alarms of the same string.',
      `${SUPPORT_STEP} A capture while it is set lets the bit be labelled.`,
    ],
    confidence: 'unknown',
    reference: word.reference,
    opensAlarm: word.kind !== 'status',
  };
}

export interface StatusBit {
  code: string;
  word: string;
  bit: number;
  title: string;
  meaning: string;
  causes: string[];
  firstSteps: string[];
  confidence: Confidence;
  reference: string;
  protocolName?: string;
  kind?: AlarmKind;
  severity?: Severity;
  opensAlarm: boolean;
}

/** An entry written out in full (state bits, requests, per-cell failures). */
export function statusEntry(input: StatusBit): CatalogueEntry {
  return {
    ...input,
    kind: input.kind ?? 'status',
    severity: input.severity ?? 'info',
    meaning:
      input.kind === undefined || input.kind === 'status'
        ? `${LEVEL.status} ${input.meaning}`
        : input.meaning,
  };
}
