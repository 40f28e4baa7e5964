// `Label : value` lines (the preambles of `pwr` / `bat`, the whole of `info`). PROVISIONAL
// label spellings from SC-CON and its predecessor; matched after normalising (lower case, no
// dots, signs or spaces), so "Bat.Avg.Tmpr", "D+D-.Volt" and "Max Dischg Curr" all match.
import { consoleInt, daFromMa, dcFromMilliC } from './console-units.js';

export function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/[.\-_+%()\s]/g, '');
}

export function labelText(labels: Map<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = labels.get(normaliseLabel(name));
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

const firstWord = (text: string | undefined) => text?.trim().split(/\s+/)[0];

export function labelMv(labels: Map<string, string>, ...names: string[]): number | undefined {
  return consoleInt(firstWord(labelText(labels, ...names)));
}

export function labelDa(labels: Map<string, string>, ...names: string[]): number | undefined {
  const ma = consoleInt(firstWord(labelText(labels, ...names)));
  return ma === undefined ? undefined : daFromMa(ma);
}

export function labelDc(labels: Map<string, string>, ...names: string[]): number | undefined {
  const mc = consoleInt(firstWord(labelText(labels, ...names)));
  return mc === undefined ? undefined : dcFromMilliC(mc);
}

/** `Label : value` lines keyed by normalised label; other lines are counted, not parsed. */
export function readLabels(lines: readonly string[]): { labels: Map<string, string>; ignoredLines: number } {
  const labels = new Map<string, string>();
  let ignoredLines = 0;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      labels.set(normaliseLabel(line.slice(0, colon)), line.slice(colon + 1).trim());
    } else {
      ignoredLines += 1;
    }
  }
  return { labels, ignoredLines };
}
