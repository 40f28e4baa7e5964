/** Where a page of the site list ended: the last site's name and id (the list's order). */
export interface SiteCursor {
  name: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of `[name, id]`. */
export function encodeSiteCursor(c: SiteCursor): string {
  return Buffer.from(JSON.stringify([c.name, c.id])).toString('base64url');
}

/** The cursor, or undefined for text this API did not hand out. */
export function decodeSiteCursor(text: string): SiteCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) {
      return undefined;
    }
    const [name, id] = parsed as unknown[];
    return typeof name === 'string' && typeof id === 'string' && UUID.test(id) ? { name, id } : undefined;
  } catch {
    return undefined;
  }
}
