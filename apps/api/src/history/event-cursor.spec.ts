import { describe, expect, it } from 'vitest';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';

describe('event cursor', () => {
  it('round-trips a position whose msg id holds colons', () => {
    const row = { ts: new Date('2026-11-20T10:00:00.123Z'), idx: 2, msgId: 'gw-1:boot|1:e7' };
    expect(decodeEventCursor(encodeEventCursor(row))).toEqual(row);
  });

  it('refuses anything else', () => {
    expect(decodeEventCursor('nonsense')).toBeUndefined();
    expect(decodeEventCursor(Buffer.from('2026-11-20T10:00:00Z|x|m').toString('base64url'))).toBeUndefined();
  });
});
