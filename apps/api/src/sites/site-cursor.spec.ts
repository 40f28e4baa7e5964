import { describe, expect, it } from 'vitest';
import { decodeSiteCursor, encodeSiteCursor } from './site-cursor.js';

describe('site list cursor', () => {
  it('round-trips a name with any characters and the id', () => {
    const c = { name: 'Bäckerei "Weber", Süd', id: '6f1c2a4e-8b1d-4c7e-9a55-0d3b6e2f4a10' };
    expect(decodeSiteCursor(encodeSiteCursor(c))).toEqual(c);
  });

  it('refuses what it did not hand out', () => {
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect(decodeSiteCursor('not base64 json')).toBeUndefined();
    expect(decodeSiteCursor(encode(['Alpha', 'not-a-uuid']))).toBeUndefined();
    expect(decodeSiteCursor(encode([1, '6f1c2a4e-8b1d-4c7e-9a55-0d3b6e2f4a10']))).toBeUndefined();
    expect(decodeSiteCursor(encode({ name: 'Alpha' }))).toBeUndefined();
  });
});
