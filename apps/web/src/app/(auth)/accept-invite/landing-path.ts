/** Just enough of a site from GET /api/sites to pick a landing page. */
export interface LandingSite {
  strings: { id: string }[];
}

/**
 * Where a person goes right after accepting an invitation: an owner of one site with one string
 * (the usual home battery) straight to that string; everyone else, and an owner of several
 * sites or strings, to the sites list, which shows only what they may see.
 */
export function landingPath(role: string, sites: readonly LandingSite[] | undefined): string {
  const [only] = sites ?? [];
  if (role !== 'owner' || sites?.length !== 1 || only?.strings.length !== 1) {
    return '/sites';
  }
  return `/strings/${only.strings[0]?.id}`;
}
