// Fuzz: every console parser gets 100,000 random inputs (seeded, so a failure replays): random
// characters, and fixture lines with words dropped, swapped or replaced. Each must return ok or
// corrupt — never throw — and count what it ignored.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBat } from './bat.console.js';
import type { ConsoleParseResult } from './console-parse-result.js';
import { splitConsoleResponse } from './console-transcript.js';
import { parseGetpwr } from './getpwr.console.js';
import { parseInfo } from './info.console.js';
import { parseLoginReply } from './login.console.js';
import { parsePwr } from './pwr.console.js';
import { parseUnit } from './unit.console.js';

const RUNS = 100_000;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIXTURES = ['pwr', 'pwr-old-firmware', 'unit', 'unit-sc0500', 'bat', 'info', 'getpwr'];
const realWords = FIXTURES.flatMap((name) =>
  readFileSync(new URL(`../../test/fixtures/console-${name}.txt`, import.meta.url), 'latin1')
    .split('\r\n')
    .map((line) => line.split(' ')),
);
const CHARS = ' :#%@$.-+0123456789abcdefXYZmVAhW\t\r\n>';

function randomLine(rand: () => number): string {
  if (rand() < 0.3) {
    return Array.from(
      { length: Math.floor(rand() * 40) },
      () => CHARS[Math.floor(rand() * CHARS.length)],
    ).join('');
  }
  const words = [...(realWords[Math.floor(rand() * realWords.length)] ?? [])];
  const at = Math.floor(rand() * words.length);
  const op = rand();
  if (op < 0.3) {
    words.splice(at, 1);
  } else if (op < 0.6) {
    words[at] = CHARS[Math.floor(rand() * CHARS.length)] ?? '';
  } else if (op < 0.8) {
    words.splice(at, 0, words[Math.floor(rand() * words.length)] ?? '');
  }
  return words.join(' ');
}

function randomLines(rand: () => number): string[] {
  return Array.from({ length: Math.floor(rand() * 8) }, () => randomLine(rand));
}

const PARSERS: Record<string, (lines: string[]) => ConsoleParseResult<unknown>> = {
  pwr: parsePwr,
  unit: parseUnit,
  bat: (lines) => parseBat(lines),
  info: parseInfo,
  getpwr: parseGetpwr,
};

describe('console parsers under 100,000 random inputs', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name}: ok or corrupt with a count of ignored lines, never a throw`, () => {
      const rand = prng(name.length * 104_729 + name.charCodeAt(0));
      let accepted = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const lines = randomLines(rand);
        const sut = parse(lines);
        const shapeOk =
          (sut.status === 'ok' || (sut.status === 'corrupt' && typeof sut.reason === 'string')) &&
          Number.isInteger(sut.ignoredLines) &&
          sut.ignoredLines >= 0 &&
          sut.ignoredLines <= lines.length;
        if (!shapeOk) {
          expect.unreachable(`unexpected result ${JSON.stringify(sut)} for ${JSON.stringify(lines)}`);
        }
        accepted += sut.status === 'ok' ? 1 : 0;
      }
      // The mutated fixture lines must reach the accepting path, or the test proves little.
      expect(accepted).toBeGreaterThan(0);
    });
  }

  it('transcript splitting and login replies never throw', () => {
    const rand = prng(5);
    const states = new Set(['debug-prompt', 'authorised', 'refused', 'no-answer']);
    for (let run = 0; run < RUNS; run += 1) {
      const text = randomLines(rand).join(rand() < 0.5 ? '\r\n' : '\n');
      const split = splitConsoleResponse(text);
      if (!Array.isArray(split.body) || !states.has(parseLoginReply(rand() < 0.5 ? 'login' : 'tbar', text))) {
        expect.unreachable(`unexpected result for ${JSON.stringify(text)}`);
      }
    }
  });
});
