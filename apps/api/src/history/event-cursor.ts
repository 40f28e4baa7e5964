/** A bms_event list position as an opaque cursor: `<ts ISO>|<idx>|<msg id>` in base64url. */
export function encodeEventCursor(row: { ts: Date; idx: number; msgId: string }): string {
  return Buffer.from(`${row.ts.toISOString()}|${row.idx}|${row.msgId}`).toString('base64url');
}

export function decodeEventCursor(cursor: string): { ts: Date; idx: number; msgId: string } | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [iso, idx, ...rest] = text.split('|');
  const ts = new Date(iso ?? '');
  const msgId = rest.join('|');
  if (Number.isNaN(ts.getTime()) || !/^[0-9]{1,6}$/.test(idx ?? '') || msgId === '') {
    return undefined;
  }
  return { ts, idx: Number(idx), msgId };
}
