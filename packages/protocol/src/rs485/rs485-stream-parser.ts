// Streaming parser for a serial line carrying RS485 ASCII frames (protocol reference §3.1).
// Chunks may split or join frames anywhere; noise between frames is reported and skipped;
// a `~` always starts a new frame (resync), so one lost `\r` costs one frame, not the stream.
import { decodeRs485Frame, type Rs485CorruptReason } from './decode-rs485-frame.js';
import { MAX_LENID } from './rs485-checksum.js';
import { type Rs485Frame, rs485FrameLength } from './rs485-frame.js';

export type Rs485ParseResult =
  | { kind: 'frame'; frame: Rs485Frame }
  /** `text` is a short escaped preview of what was refused, for logs. */
  | { kind: 'corrupt'; reason: Rs485CorruptReason; detail: string; text: string };

/** Longest legal frame (LENID 4095, rounded up to whole bytes) plus slack. */
export const DEFAULT_MAX_RS485_FRAME = rs485FrameLength(Math.ceil(MAX_LENID / 2)) + 16;

const PREVIEW = 40;
/** Line noise that is not worth a report: the LF of CR LF, spaces, NUL padding. */
const QUIET = new Set(['\n', ' ', '\t', '\0']);

export class Rs485StreamParser {
  /** Text of the frame being received, from its `~`; undefined between frames. */
  private frame: string | undefined;
  private overflowed = false;
  private garbage = '';
  private garbageCount = 0;

  constructor(private readonly maxFrameLength = DEFAULT_MAX_RS485_FRAME) {}

  push(chunk: Uint8Array | string): Rs485ParseResult[] {
    const text = typeof chunk === 'string' ? chunk : latin1(chunk);
    const out: Rs485ParseResult[] = [];
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i] as string;
      if (char === '~') {
        this.flushGarbage(out);
        if (this.frame !== undefined) {
          out.push(this.refuse('truncated', 'a new "~" arrived before "\\r"'));
        }
        this.frame = '~';
        this.overflowed = false;
      } else if (this.frame === undefined) {
        this.takeGarbage(char, out);
      } else if (char === '\r') {
        out.push(this.finish());
      } else if (this.overflowed || this.frame.length >= this.maxFrameLength) {
        this.overflowed = true;
      } else {
        this.frame += char;
      }
    }
    return out;
  }

  /** Characters held while waiting for the end of a frame (bounded by the constructor). */
  get pending(): number {
    return (this.frame?.length ?? 0) + this.garbage.length;
  }

  private finish(): Rs485ParseResult {
    if (this.overflowed) {
      return this.refuse('too-long', `no "\\r" within ${this.maxFrameLength} characters`);
    }
    const text = this.frame ?? '';
    this.frame = undefined;
    const decoded = decodeRs485Frame(text);
    if (decoded.status === 'ok') {
      return { kind: 'frame', frame: decoded.frame };
    }
    return { kind: 'corrupt', reason: decoded.reason, detail: decoded.detail, text: preview(text) };
  }

  private refuse(reason: Rs485CorruptReason, detail: string): Rs485ParseResult {
    const result: Rs485ParseResult = { kind: 'corrupt', reason, detail, text: preview(this.frame ?? '') };
    this.frame = undefined;
    this.overflowed = false;
    return result;
  }

  private takeGarbage(char: string, out: Rs485ParseResult[]): void {
    if (char === '\r') {
      this.flushGarbage(out);
      return;
    }
    if (QUIET.has(char)) {
      return;
    }
    this.garbageCount += 1;
    if (this.garbage.length < PREVIEW) {
      this.garbage += char;
    }
    if (this.garbageCount >= this.maxFrameLength) {
      this.flushGarbage(out);
    }
  }

  private flushGarbage(out: Rs485ParseResult[]): void {
    if (this.garbageCount === 0) {
      return;
    }
    out.push({
      kind: 'corrupt',
      reason: 'garbage',
      detail: `${this.garbageCount} characters outside any frame`,
      text: preview(this.garbage),
    });
    this.garbage = '';
    this.garbageCount = 0;
  }
}

function preview(text: string): string {
  const shown = text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text;
  return JSON.stringify(shown).slice(1, -1);
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += String.fromCharCode(byte);
  }
  return out;
}
