/** A string the user may add to the comparison. */
export interface CompareCandidate {
  id: string;
  name: string;
  siteId: string;
  siteName: string;
}

interface SiteWithStrings {
  id: string;
  name: string;
  strings: readonly { id: string; name: string }[];
}

/** The caller's other strings: those of the same site first, then the rest, each by name. */
export function compareCandidates(
  sites: readonly SiteWithStrings[],
  self: { id: string; siteId: string },
): { sameSite: CompareCandidate[]; others: CompareCandidate[] } {
  const all = sites
    .flatMap((site) =>
      site.strings.map((s) => ({ id: s.id, name: s.name, siteId: site.id, siteName: site.name })),
    )
    .filter((c) => c.id !== self.id)
    .sort((a, b) => a.siteName.localeCompare(b.siteName) || a.name.localeCompare(b.name));
  return {
    sameSite: all.filter((c) => c.siteId === self.siteId),
    others: all.filter((c) => c.siteId !== self.siteId),
  };
}

/** Up to `limit` candidates whose string or site name contains every word of the query. */
export function searchCandidates(
  candidates: readonly CompareCandidate[],
  query: string,
  limit = 20,
): CompareCandidate[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return [];
  }
  return candidates
    .filter((c) => {
      const text = `${c.name} ${c.siteName}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .slice(0, limit);
}
