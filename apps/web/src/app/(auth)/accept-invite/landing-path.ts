/**
 * Where a person goes right after accepting an invitation: an owner to the owner portal, which
 * picks among their own sites and strings; everyone else to the start page (the fleet view).
 */
export function landingPath(role: string): string {
  return role === 'owner' ? '/my-system' : '/';
}
