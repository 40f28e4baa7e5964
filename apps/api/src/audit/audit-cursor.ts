/** The list position of an event as an opaque cursor: `<at ISO>|<id>` in base64url. */
export function encodeAuditCursor(row: { at: Date; id: string }): string {
  return Buffer.from(`${row.at.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeAuditCursor(cursor: string): { at: Date; id: string } | undefined {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (Number.isNaN(at.getTime()) || id === undefined || !/^[0-9]{1,19}$/.test(id)) {
    return undefined;
  }
  return { at, id };
}
