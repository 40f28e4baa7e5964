import type { FleetListSort, SortDirection } from './fleet-list.types.js';

/**
 * Where a fleet list page ended: the sort it belongs to, the last row's sort key (null for the
 * name sort, which needs none), its name and id. Opaque to clients (base64url of a JSON array).
 */
export interface FleetListCursor {
  sort: FleetListSort;
  dir: SortDirection;
  /** The last row's sort key (a number; lastSeen: epoch seconds), null for the name sort. */
  key: number | null;
  name: string;
  id: string;
}

/** A cursor the list did not hand out, or one of another sort or direction: the API answers 400. */
export class InvalidFleetListCursorError extends Error {
  override readonly name = 'InvalidFleetListCursorError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeFleetListCursor(c: FleetListCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.dir, c.key, c.name, c.id])).toString('base64url');
}

/** The name sort carries no key; every other sort a finite number. */
function keyFits(sort: FleetListSort, key: unknown): boolean {
  return sort === 'name' ? key === null : typeof key === 'number' && Number.isFinite(key);
}

export function decodeFleetListCursor(
  text: string,
  sort: FleetListSort,
  dir: SortDirection,
): FleetListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidFleetListCursorError('cursor is not one this list handed out');
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) {
    throw new InvalidFleetListCursorError('cursor is not one this list handed out');
  }
  const [s, d, key, name, id] = parsed as unknown[];
  if (s !== sort || d !== dir) {
    throw new InvalidFleetListCursorError(
      `cursor belongs to sort=${String(s)} ${String(d)}, not ${sort} ${dir}`,
    );
  }
  if (!keyFits(sort, key) || typeof name !== 'string' || typeof id !== 'string' || !UUID.test(id)) {
    throw new InvalidFleetListCursorError('cursor is not one this list handed out');
  }
  return { sort, dir, key: key as FleetListCursor['key'], name, id };
}
