// One alarm type of the catalogue: a bit of a BMS status word and what it means to an
// installer. Validated with zod when the catalogue loads, so a malformed entry fails at start
// (and in the catalogue spec), never half-way through an evaluation.
import { z } from 'zod';

export const alarmKinds = ['protection', 'alarm', 'error', 'status'] as const;
export type AlarmKind = (typeof alarmKinds)[number];

/** Ordered from most to least severe; `severityRank` compares them. */
export const severities = ['critical', 'major', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** Higher is more severe: critical 3 … info 0. */
export function severityRank(severity: Severity): number {
  return severities.length - 1 - severities.indexOf(severity);
}

export const alarmProtocols = ['hv-can', 'lv-can', 'rs485'] as const;
export type AlarmProtocol = (typeof alarmProtocols)[number];

/**
 * How sure the protocol reference is of the bit's meaning: its legend ✔✔ → confirmed, ✔1 →
 * single-source, ⚠ → conflicting, ? / reserved → unknown.
 */
export const confidences = ['confirmed', 'single-source', 'conflicting', 'unknown'] as const;
export type Confidence = (typeof confidences)[number];

/** Stable codes: lower-case dotted words, e.g. `hv.protection.cell_high_voltage`. */
export const ALARM_CODE_PATTERN = /^[a-z0-9]+(\.[a-z0-9_]+){2,}$/;

const text = z.string().trim().min(1);

export const catalogueEntrySchema = z
  .object({
    code: z.string().regex(ALARM_CODE_PATTERN),
    /** The word (see words.table.ts) and the bit in it that raises this entry. */
    word: z.string().min(1),
    bit: z.number().int().min(0).max(63),
    kind: z.enum(alarmKinds),
    severity: z.enum(severities),
    title: text,
    meaning: text,
    causes: z.array(text).min(1),
    firstSteps: z.array(text).min(1),
    confidence: z.enum(confidences),
    /** Where the reference (`protocols/pylontech.md`) or product page says so. */
    reference: text,
    /** The bit's name in the @fleet/protocol table, checked by the spec so the two never drift. */
    protocolName: z.string().min(1).optional(),
    /** The same condition in the other word of the pair (protection ↔ alarm). */
    counterpart: z.string().regex(ALARM_CODE_PATTERN).optional(),
    /**
     * Whether an active bit opens an alarm in the inbox. Plain state bits (a MOSFET on, charge
     * enabled) are recorded as conditions but are not alarms.
     */
    opensAlarm: z.boolean(),
  })
  .strict();

export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
