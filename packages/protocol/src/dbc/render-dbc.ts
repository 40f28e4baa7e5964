// Renders signal definitions as a DBC file (Vector CANdb++ text), the format SavvyCAN,
// cantools and canmatrix read. Pure: returns the text; `npm run dbc` writes it to disk.
// DBC files are traditionally Latin-1/CP1252 and some tools choke on UTF-8, so the output is
// plain ASCII: known symbols are spelled out and anything else non-ASCII is refused.
import type { CanMessageDefinition, CanSignal, Confidence } from './can-signal.js';

export interface DbcDocument {
  /** File-level comment (CM_ "..."). */
  comment: string;
  messages: readonly CanMessageDefinition[];
}

/** Bit 31 of a DBC message id marks an extended (29-bit) frame. */
const DBC_EXTENDED_FLAG = 0x80000000;

const SPELLED: Record<string, string> = {
  '°': 'deg',
  '−': '-',
  '§': 'sec. ',
  '…': '...',
  '·': '*',
  '"': "'",
};

export function dbcText(text: string): string {
  const out = text.replace(/[°−§…·"]/g, (c) => SPELLED[c] ?? c);
  const bad = out.match(/[^\x20-\x7e]/);
  if (bad) {
    throw new RangeError(`DBC text must be ASCII; "${bad[0]}" in "${text}"`);
  }
  return out;
}

/** Shortest decimal that survives float noise (65535 × 0.001 → 65.535). */
function num(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function dbcId(message: CanMessageDefinition): number {
  return message.extended ? message.id + DBC_EXTENDED_FLAG : message.id;
}

function startBit(signal: CanSignal): number {
  return signal.startByte * 8 + (signal.startBit ?? 0);
}

function range(signal: CanSignal): [number, number] {
  const span = 2 ** signal.bits;
  const rawMin = signal.signed ? -span / 2 : 0;
  const rawMax = signal.signed ? span / 2 - 1 : span - 1;
  const a = rawMin * signal.scale + signal.offset;
  const b = rawMax * signal.scale + signal.offset;
  return [Math.min(a, b), Math.max(a, b)];
}

function signalLine(signal: CanSignal, receiver: string): string {
  const [min, max] = range(signal);
  const format = `${startBit(signal)}|${signal.bits}@1${signal.signed ? '-' : '+'}`;
  return ` SG_ ${signal.name} : ${format} (${num(signal.scale)},${num(signal.offset)}) [${num(min)}|${num(max)}] "${dbcText(signal.unit)}" ${receiver}`;
}

const CONFIDENCE_LABEL: Record<Confidence, string> = {
  confirmed: 'confirmed (2+ sources)',
  provisional: 'provisional (1 source)',
  conflicting: 'CONFLICTING sources',
  unknown: 'meaning UNKNOWN',
};

function signalComment(signal: CanSignal): string {
  const detail = signal.comment ? `: ${signal.comment}` : '';
  return `${CONFIDENCE_LABEL[signal.confidence]}${detail} (${signal.section})`;
}

function messageBlock(message: CanMessageDefinition): string {
  const receiver = message.sender === 'BMS' ? 'PCS' : 'BMS';
  const head = `BO_ ${dbcId(message)} ${message.name}: ${message.dlc} ${message.sender}`;
  return [head, ...message.signals.map((s) => signalLine(s, receiver))].join('\n');
}

function comments(doc: DbcDocument): string[] {
  const lines = [`CM_ "${dbcText(doc.comment)}";`];
  lines.push('CM_ BU_ BMS "Battery management system (the battery).";');
  lines.push('CM_ BU_ PCS "Inverter / power conversion system or EMS.";');
  for (const message of doc.messages) {
    const id = dbcId(message);
    lines.push(`CM_ BO_ ${id} "${dbcText(`${message.comment} (${message.section})`)}";`);
    for (const signal of message.signals) {
      lines.push(`CM_ SG_ ${id} ${signal.name} "${dbcText(signalComment(signal))}";`);
    }
  }
  return lines;
}

function attributes(doc: DbcDocument): string[] {
  const lines = [
    'BA_DEF_ BO_ "VFrameFormat" ENUM "StandardCAN","ExtendedCAN";',
    'BA_DEF_DEF_ "VFrameFormat" "StandardCAN";',
  ];
  for (const message of doc.messages.filter((m) => m.extended)) {
    lines.push(`BA_ "VFrameFormat" BO_ ${dbcId(message)} 1;`);
  }
  return lines;
}

function valueTables(doc: DbcDocument): string[] {
  const lines: string[] = [];
  for (const message of doc.messages) {
    for (const signal of message.signals.filter((s) => s.values !== undefined)) {
      const pairs = Object.entries(signal.values ?? {}).map(([raw, name]) => `${raw} "${dbcText(name)}"`);
      lines.push(`VAL_ ${dbcId(message)} ${signal.name} ${pairs.join(' ')} ;`);
    }
  }
  return lines;
}

export function renderDbc(doc: DbcDocument): string {
  const header = [
    'VERSION ""',
    '',
    'NS_ :',
    '\tCM_',
    '\tBA_DEF_',
    '\tBA_',
    '\tVAL_',
    '',
    'BS_:',
    '',
    'BU_: BMS PCS',
  ];
  const sections = [
    header.join('\n'),
    doc.messages.map(messageBlock).join('\n\n'),
    comments(doc).join('\n'),
    attributes(doc).join('\n'),
    valueTables(doc).join('\n'),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}
