import { describe, expect, it } from 'vitest';
import {
  decodeFleetListCursor,
  encodeFleetListCursor,
  InvalidFleetListCursorError,
} from './fleet-list.cursor.js';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('fleet list cursor', () => {
  it('round-trips the name sort and a keyed sort', () => {
    const byName = { sort: 'name', dir: 'desc', key: null, name: 'Ünïcode\t', id } as const;
    const bySoc = { sort: 'soc', dir: 'asc', key: 42.5, name: 'S 1', id } as const;
    expect(decodeFleetListCursor(encodeFleetListCursor(byName), 'name', 'desc')).toEqual(byName);
    expect(decodeFleetListCursor(encodeFleetListCursor(bySoc), 'soc', 'asc')).toEqual(bySoc);
  });

  it.each([
    ['garbage', 'not base64 json', 'soc', 'asc'],
    ['another sort', encodeFleetListCursor({ sort: 'soh', dir: 'asc', key: 1, name: 'a', id }), 'soc', 'asc'],
    [
      'another direction',
      encodeFleetListCursor({ sort: 'soc', dir: 'desc', key: 1, name: 'a', id }),
      'soc',
      'asc',
    ],
    ['a keyed sort without key', raw(['soc', 'asc', null, 'a', id]), 'soc', 'asc'],
    ['a key on the name sort', raw(['name', 'asc', 3, 'a', id]), 'name', 'asc'],
    ['an id that is no uuid', raw(['name', 'asc', null, 'a', "x' OR 1=1"]), 'name', 'asc'],
  ] as const)('refuses %s with a named error', (_, text, sort, dir) => {
    expect(() => decodeFleetListCursor(text, sort, dir)).toThrow(InvalidFleetListCursorError);
  });
});
