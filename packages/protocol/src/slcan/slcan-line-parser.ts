import { decodeSlcanLine, previewLine } from './decode-slcan-line.js';
import { SLCAN_ERROR, SLCAN_OK } from './slcan-command.js';
import type { SlcanParseResult } from './slcan-parse-result.js';

/** Longest valid line: `T` + 8 id + 1 dlc + 16 data + 4 timestamp = 30; leave headroom. */
export const DEFAULT_MAX_SLCAN_LINE = 64;

/**
 * Turns a byte stream of arbitrary chunks into SLCAN results. Lines may be split across
 * chunks or several may share one; garbage and over-long lines become `corrupt` results and
 * the parser resynchronises on the next terminator. Never throws, and its buffer is bounded.
 */
export class SlcanLineParser {
  private buffer = '';
  private overflowed = false;

  constructor(private readonly maxLineLength = DEFAULT_MAX_SLCAN_LINE) {}

  push(chunk: Uint8Array | string): SlcanParseResult[] {
    const text = typeof chunk === 'string' ? chunk : latin1(chunk);
    const results: SlcanParseResult[] = [];
    for (const char of text) {
      if (char === SLCAN_OK) {
        results.push(this.endLine());
      } else if (char === SLCAN_ERROR) {
        if (this.buffer !== '' || this.overflowed) {
          results.push(this.discard('unterminated line before BEL'));
        }
        results.push({ kind: 'error' });
      } else if (char === '\n') {
        // Some tools send CR LF; the LF carries nothing.
      } else if (this.buffer.length >= this.maxLineLength) {
        this.overflowed = true;
      } else {
        this.buffer += char;
      }
    }
    return results;
  }

  /** Bytes held while waiting for a terminator (for diagnostics). */
  get pending(): number {
    return this.buffer.length;
  }

  private endLine(): SlcanParseResult {
    if (this.overflowed) {
      return this.discard(`line longer than ${this.maxLineLength} characters`);
    }
    const line = this.buffer;
    this.buffer = '';
    return decodeSlcanLine(line);
  }

  private discard(reason: string): SlcanParseResult {
    const result: SlcanParseResult = { kind: 'corrupt', reason, line: previewLine(this.buffer) };
    this.buffer = '';
    this.overflowed = false;
    return result;
  }
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += String.fromCharCode(byte);
  }
  return out;
}
