import type { Role } from '../../../../shell/nav';

/** Who may record commissioning: the API's FIELD_ROLES (on the organisation's own strings). */
export function mayCommission(role: Role): boolean {
  return role === 'org_admin' || role === 'installer' || role === 'technician';
}

/** Who may set a site's warranty region: the API's SITE_MANAGERS. */
export function maySetRegion(role: Role): boolean {
  return role === 'org_admin' || role === 'installer';
}
