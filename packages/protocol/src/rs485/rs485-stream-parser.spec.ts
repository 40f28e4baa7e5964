import { describe, expect, it } from 'vitest';
import { encodeRs485Response } from './rs485-response.js';
import { Rs485StreamParser } from './rs485-stream-parser.js';

const R6 = '~200246000000FDB2\r';
const R12 = '~20024600400C020203000605FB49\r';

function kinds(results: ReturnType<Rs485StreamParser['push']>): string[] {
  return results.map((r) => (r.kind === 'frame' ? 'frame' : r.reason));
}

describe('Rs485StreamParser', () => {
  it('assembles a frame delivered one character at a time', () => {
    const sut = new Rs485StreamParser();
    const results = [...R12].flatMap((c) => sut.push(c));
    expect(results).toEqual([
      {
        kind: 'frame',
        frame: { ver: 0x20, adr: 2, cid1: 0x46, cid2: 0, info: Uint8Array.of(2, 2, 3, 0, 6, 5) },
      },
    ]);
    expect(sut.pending).toBe(0);
  });

  it('reads bytes as well as strings, and several frames from one chunk', () => {
    const sut = new Rs485StreamParser();
    expect(kinds(sut.push(Buffer.from(`${R6}${R12}${R6}`, 'latin1')))).toEqual(['frame', 'frame', 'frame']);
  });

  it('reports noise between frames once per run and ignores CR LF and spaces', () => {
    const sut = new Rs485StreamParser();
    const results = sut.push(`${R6}\n  login: xyz\r\n${R12}`);
    expect(kinds(results)).toEqual(['frame', 'garbage', 'frame']);
    expect(results[1]).toMatchObject({ detail: '9 characters outside any frame', text: 'login:xyz' });
  });

  it('resynchronises on "~": a frame cut off by the next one is truncated, the next one is kept', () => {
    const sut = new Rs485StreamParser();
    expect(kinds(sut.push(`${R12.slice(0, 15)}${R6}`))).toEqual(['truncated', 'frame']);
  });

  it('refuses a frame longer than its bound without growing, then carries on', () => {
    const sut = new Rs485StreamParser(64);
    const results = sut.push(`~${'0'.repeat(500)}\r${R6}`);
    expect(kinds(results)).toEqual(['too-long', 'frame']);
    expect(sut.pending).toBe(0);
  });

  it('keeps a half-received frame pending until its end arrives', () => {
    const sut = new Rs485StreamParser();
    const text = encodeRs485Response({ adr: 5, info: Uint8Array.of(1, 2, 3) });
    expect(sut.push(text.slice(0, 10))).toEqual([]);
    expect(sut.pending).toBe(10);
    expect(kinds(sut.push(text.slice(10)))).toEqual(['frame']);
  });
});
