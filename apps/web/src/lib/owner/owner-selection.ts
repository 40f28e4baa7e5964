/** Just enough of GET /api/sites (for an owner: only its own sites) to pick what to show. */
export interface OwnedSite {
  id: string;
  name: string;
  strings: readonly { id: string; name: string }[];
}

export type Selection<S extends OwnedSite> =
  | { kind: 'none' }
  | { kind: 'not-found' }
  | { kind: 'selected'; site: S; stringIds: string[]; stringId: string | null };

const single = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The site and strings `/my-system?site=&string=` asks for, among the caller's own sites only.
 * No parameter: the first site, all its strings. An id that is not one of the caller's (another
 * owner's site, a malformed id, a string of another site) is not found, exactly like one that
 * does not exist, so the page tells nobody whether a foreign id exists.
 */
export function selectSystem<S extends OwnedSite>(
  sites: readonly S[],
  query: { site?: unknown; string?: unknown },
): Selection<S> {
  const siteId = single(query.site);
  const stringId = single(query.string);
  const site = siteId === undefined ? sites[0] : sites.find((s) => s.id === siteId);
  if (!site) {
    return siteId === undefined && stringId === undefined ? { kind: 'none' } : { kind: 'not-found' };
  }
  if (stringId === undefined) {
    return { kind: 'selected', site, stringIds: site.strings.map((s) => s.id), stringId: null };
  }
  if (!site.strings.some((s) => s.id === stringId)) {
    return { kind: 'not-found' };
  }
  return { kind: 'selected', site, stringIds: [stringId], stringId };
}

/** Query string of a selection (for the live route and links); empty for the default. */
export function selectionQuery(siteId: string, stringId: string | null): string {
  const params = new URLSearchParams({ site: siteId });
  if (stringId) {
    params.set('string', stringId);
  }
  return params.toString();
}
