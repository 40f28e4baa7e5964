// Small builders so the tables stay one line per bit. They only assemble text, in the language
// asked for; every entry is validated by catalogueEntrySchema when the catalogue loads.
import type { AlarmLanguage, Localized } from './alarm-language.js';
import { fill } from './alarm-language.js';
import type { AlarmKind, CatalogueEntry, Confidence, Severity } from './catalogue-entry.js';
import { CONDITION_TEXTS_DE, SUPPORT_STEP_DE } from './condition-texts.de.js';
import { CONDITION_TEXTS, type ConditionKey, type ConditionText, SUPPORT_STEP } from './condition-texts.js';
import { wordById } from './words.table.js';

const CONDITIONS: Localized<{ readonly [K in ConditionKey]: ConditionText }> = {
  en: CONDITION_TEXTS,
  de: CONDITION_TEXTS_DE,
};

/** Protection vs alarm ranking (reference §1.4.5 ⚠): the majority reading, kept visible. */
const RANKING_NOTE: Localized = {
  en: 'Reading alarm as the early warning and protection as the protective action follows the majority of sources (HV CAN, §1.4.5 ⚠); no capture has confirmed it yet, so both raw words are kept.',
  de: 'Den Alarm als Vorwarnung und den Schutz als Schutzmaßnahme zu lesen, folgt der Mehrheit der Quellen (HV CAN, §1.4.5 ⚠); noch keine Aufzeichnung hat das bestätigt, daher werden beide Rohwörter aufbewahrt.',
};

const LEVEL: Localized<Record<AlarmKind, string>> = {
  en: {
    protection: 'Protection acted: the BMS acts to protect the battery.',
    alarm: 'Warning before protection: the BMS warns before it acts.',
    error: 'Fault: the BMS reports a fault of its own or of the battery.',
    status: 'Status:',
  },
  de: {
    protection: 'Schutz ausgelöst: Das BMS greift ein, um die Batterie zu schützen.',
    alarm: 'Warnung vor dem Schutz: Das BMS warnt, bevor es eingreift.',
    error: 'Fehler: Das BMS meldet einen eigenen Fehler oder einen Fehler der Batterie.',
    status: 'Zustand:',
  },
};

/** What the SC1000-100S product page adds for an HV string (LV and RS485 batteries are other products). */
const HV_LEVEL: Localized<Partial<Record<AlarmKind, string>>> = {
  en: {
    protection:
      'On a protection the SC1000-100S opens its contactor and isolates the string from the inverter, lights the red Protection LED and switches the dry-contact output (product page).',
    alarm: 'The SC1000-100S shows a warning on its yellow Alarm LED (product page).',
  },
  de: {
    protection:
      'Bei einer Schutzabschaltung öffnet der SC1000-100S sein Schütz und trennt den Strang vom Wechselrichter, schaltet die rote Protection-LED ein und schaltet den potenzialfreien Kontakt (Produktseite).',
    alarm: 'Der SC1000-100S zeigt eine Warnung an seiner gelben Alarm-LED (Produktseite).',
  },
};

const WARNING_TITLE: Localized = { en: '{title} (warning)', de: '{title} (Warnung)' };

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
  note?: Localized;
}

/** An entry for a bit that reports one of the shared physical conditions. */
export function conditionEntry(input: ConditionBit, lang: AlarmLanguage = 'en'): CatalogueEntry {
  const text = CONDITIONS[lang][input.condition];
  const hv = wordById(input.word)?.protocol === 'hv-can' ? HV_LEVEL[lang][input.kind] : undefined;
  const level = hv ? `${LEVEL[lang][input.kind]} ${hv}` : LEVEL[lang][input.kind];
  const ranking = input.kind === 'protection' || input.kind === 'alarm' ? ` ${RANKING_NOTE[lang]}` : '';
  const what = text.what.charAt(0).toUpperCase() + text.what.slice(1);
  const note = input.note ? ` ${input.note[lang]}` : '';
  return {
    code: input.code,
    word: input.word,
    bit: input.bit,
    kind: input.kind,
    severity: input.severity ?? SEVERITY_OF[input.kind],
    title: input.kind === 'alarm' ? fill(WARNING_TITLE[lang], { title: text.title }) : text.title,
    meaning: `${what}. ${level}${note}${ranking}`,
    causes: [...text.causes],
    firstSteps: [...text.firstSteps],
    confidence: input.confidence,
    reference: input.reference,
    ...(input.protocolName ? { protocolName: input.protocolName } : {}),
    ...(input.counterpart ? { counterpart: input.counterpart } : {}),
    opensAlarm: true,
  };
}

type UnknownStatus = 'reserved' | 'unused' | 'undocumented';

/** Texts of an unknown bit; placeholders {message} {label} {status} {bit} {reference}. */
const UNKNOWN_BIT: Localized<{
  status: Record<UnknownStatus, string>;
  /** The status as an attribute of "bit" (German declines it). */
  statusBefore: Record<UnknownStatus, string>;
  title: string;
  meaning: string;
  cause: string;
  notice: string;
  capture: string;
}> = {
  en: {
    status: { reserved: 'reserved', unused: 'unused', undocumented: 'undocumented' },
    statusBefore: { reserved: 'reserved', unused: 'unused', undocumented: 'undocumented' },
    title: '{message} {label}: {statusBefore} bit {bit}',
    meaning:
      'Unknown bit, raw kept: the protocol reference ({reference}) lists bit {bit} of the {label} as {status}, so its meaning is not known. The BMS set it anyway.',
    cause: 'Not documented; possibly a firmware-specific flag.',
    notice: 'Note when it appears together with other alarms of the same string.',
    capture: 'A capture while it is set lets the bit be labelled.',
  },
  de: {
    status: { reserved: 'reserviert', unused: 'unbenutzt', undocumented: 'nicht dokumentiert' },
    statusBefore: {
      reserved: 'reserviertes',
      unused: 'unbenutztes',
      undocumented: 'nicht dokumentiertes',
    },
    title: '{message} {label}: {statusBefore} Bit {bit}',
    meaning:
      'Unbekanntes Bit, Rohwert aufbewahrt: Die Protokollreferenz ({reference}) führt Bit {bit} im Feld „{label}“ als {status}, seine Bedeutung ist daher nicht bekannt. Das BMS hat es trotzdem gesetzt.',
    cause: 'Nicht dokumentiert; möglicherweise ein firmwarespezifisches Flag.',
    notice: 'Notieren Sie, wann es zusammen mit anderen Alarmen desselben Strangs auftritt.',
    capture: 'Eine Aufzeichnung, während es gesetzt ist, erlaubt es, das Bit zu benennen.',
  },
};

const SUPPORT: Localized = { en: SUPPORT_STEP, de: SUPPORT_STEP_DE };

/**
 * An entry for a bit the reference marks reserved, unused or undocumented: it says so rather than
 * inventing a meaning, and keeps the raw word. Set anyway, it is recorded; in a protection, alarm or
 * error word it opens an info alarm so support sees a bit nobody has explained yet.
 */
export function unknownBitEntry(
  code: string,
  wordId: string,
  bit: number,
  status: UnknownStatus,
  lang: AlarmLanguage = 'en',
): CatalogueEntry {
  const word = wordById(wordId);
  if (word === undefined) {
    throw new Error(`catalogue table: unknown word ${wordId}`);
  }
  const t = UNKNOWN_BIT[lang];
  const values = {
    message: word.message,
    label: word.labels[lang],
    status: t.status[status],
    statusBefore: t.statusBefore[status],
    bit,
    reference: word.reference,
  };
  return {
    code,
    word: wordId,
    bit,
    kind: word.kind,
    severity: 'info',
    title: fill(t.title, values),
    meaning: fill(t.meaning, values),
    causes: [t.cause],
    firstSteps: [t.notice, `${SUPPORT[lang]} ${t.capture}`],
    confidence: 'unknown',
    reference: word.reference,
    opensAlarm: word.kind !== 'status',
  };
}

/** The texts of an entry written out in full. */
export interface StatusTexts {
  title: string;
  meaning: string;
  causes: string[];
  firstSteps: string[];
}

export interface StatusBit extends StatusTexts {
  code: string;
  word: string;
  bit: number;
  confidence: Confidence;
  reference: string;
  protocolName?: string;
  kind?: AlarmKind;
  severity?: Severity;
  opensAlarm: boolean;
  /** The same texts in German, with the same facts. */
  de: StatusTexts;
}

/** An entry written out in full (state bits, requests, per-cell failures). */
export function statusEntry(input: StatusBit, lang: AlarmLanguage = 'en'): CatalogueEntry {
  const { de, ...fields } = input;
  const texts: StatusTexts = lang === 'de' ? de : fields;
  return {
    ...fields,
    ...texts,
    kind: input.kind ?? 'status',
    severity: input.severity ?? 'info',
    meaning:
      input.kind === undefined || input.kind === 'status'
        ? `${LEVEL[lang].status} ${texts.meaning}`
        : texts.meaning,
  };
}
