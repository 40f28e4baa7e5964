import { describe, expect, it } from 'vitest';
import { decodeFleetCursor, encodeFleetCursor, InvalidFleetCursorError } from './string-latest.cursor.js';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('fleet overview cursor', () => {
  it('round-trips both phases', () => {
    const alarmed = { sort: 'severity', phase: 'alarmed', severity: 'major', name: 'S 1', id } as const;
    const rest = { sort: 'name', phase: 'rest', name: 'Ünïcode\t', id } as const;
    expect(decodeFleetCursor(encodeFleetCursor(alarmed), 'severity')).toEqual(alarmed);
    expect(decodeFleetCursor(encodeFleetCursor(rest), 'name')).toEqual(rest);
  });

  it.each([
    ['garbage', 'not base64 json'],
    // Decoded for sort=name below.
    ['another sort', encodeFleetCursor({ sort: 'severity', phase: 'rest', name: 'a', id })],
    ['alarmed phase in the name sort', encodeFleetCursor({ sort: 'name', phase: 'alarmed', name: 'a', id })],
    [
      'a made-up severity',
      Buffer.from(JSON.stringify(['name', 'alarmed', 'worst', 'a', id])).toString('base64url'),
    ],
    [
      'an id that is no uuid',
      Buffer.from(JSON.stringify(['name', 'rest', null, 'a', "x' OR 1=1"])).toString('base64url'),
    ],
  ])('refuses %s with a named error', (_, text) => {
    expect(() => decodeFleetCursor(text, 'name')).toThrow(InvalidFleetCursorError);
  });
});
