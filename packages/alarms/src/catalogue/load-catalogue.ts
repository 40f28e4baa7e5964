// Validates catalogue tables once, at load: every entry against its schema, codes unique, one
// entry per (word, bit), words known, counterparts present. A broken table throws here, at start.
import { AlarmsError } from '../alarms-error.js';
import { type CatalogueEntry, catalogueEntrySchema } from './catalogue-entry.js';
import { wordById } from './words.table.js';

export interface Catalogue {
  entries: readonly CatalogueEntry[];
  byCode: ReadonlyMap<string, CatalogueEntry>;
  /** Word id → bit → entry. */
  byWord: ReadonlyMap<string, ReadonlyMap<number, CatalogueEntry>>;
}

export function loadCatalogue(tables: readonly (readonly unknown[])[]): Catalogue {
  const problems: string[] = [];
  const entries: CatalogueEntry[] = [];
  tables.flat().forEach((raw, index) => {
    const parsed = catalogueEntrySchema.safeParse(raw);
    if (parsed.success) {
      entries.push(parsed.data);
    } else {
      const code = (raw as { code?: unknown } | null)?.code ?? `#${index}`;
      for (const issue of parsed.error.issues) {
        problems.push(`${String(code)}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      }
    }
  });
  const byCode = new Map<string, CatalogueEntry>();
  const byWord = new Map<string, Map<number, CatalogueEntry>>();
  for (const entry of entries) {
    problems.push(...indexEntry(entry, byCode, byWord));
  }
  for (const entry of entries) {
    if (entry.counterpart !== undefined && !byCode.has(entry.counterpart)) {
      problems.push(`${entry.code}: counterpart ${entry.counterpart} is not in the catalogue`);
    }
  }
  if (problems.length > 0) {
    throw new AlarmsError('invalid-catalogue', `alarm catalogue: ${problems.join('; ')}`, problems);
  }
  return { entries, byCode, byWord };
}

function indexEntry(
  entry: CatalogueEntry,
  byCode: Map<string, CatalogueEntry>,
  byWord: Map<string, Map<number, CatalogueEntry>>,
): string[] {
  const problems: string[] = [];
  const word = wordById(entry.word);
  if (word === undefined) {
    return [`${entry.code}: unknown word ${entry.word}`];
  }
  if (entry.bit >= word.widthBits || word.valueBits?.includes(entry.bit)) {
    problems.push(`${entry.code}: bit ${entry.bit} is not a flag bit of ${entry.word}`);
  }
  if (byCode.has(entry.code)) {
    problems.push(`${entry.code}: code used twice`);
  }
  byCode.set(entry.code, entry);
  const bits = byWord.get(entry.word) ?? new Map<number, CatalogueEntry>();
  const taken = bits.get(entry.bit);
  if (taken !== undefined) {
    problems.push(`${entry.code}: ${entry.word} bit ${entry.bit} already has ${taken.code}`);
  }
  bits.set(entry.bit, entry);
  byWord.set(entry.word, bits);
  return problems;
}
