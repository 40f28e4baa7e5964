import type { Dictionary } from '../i18n/en';
import type { User } from '../lib/api/types';

export type Role = User['role'];

export interface NavItem {
  href: string;
  label: string;
}

/**
 * What the header offers each role (docs/access.md): an owner gets one calm entry for its own
 * system; the people who work a fleet get the fleet view, sites and the alarm inbox; an org admin also members,
 * the warranty terms it enters and the weekly report's preview.
 */
export function navFor(role: Role, t: Dictionary): NavItem[] {
  if (role === 'owner') {
    return [{ href: '/my-system', label: t.shell.mySystem }];
  }
  const items = [
    { href: '/fleet', label: t.fleet.nav },
    { href: '/sites', label: t.shell.sites },
    { href: '/alarms', label: t.shell.alarms },
  ];
  return role === 'org_admin'
    ? [
        ...items,
        { href: '/members', label: t.shell.members },
        { href: '/warranty-terms', label: t.warranty.nav },
        { href: '/reports/weekly', label: t.reports.nav },
      ]
    : items;
}

/** Roles that may work alarms (the API's ALARM_HANDLERS); everyone but owners. */
export function mayHandleAlarms(role: Role): boolean {
  return role !== 'owner';
}

/** Only org admins may read the member list (GET /api/members). */
export function mayReadMembers(role: Role): boolean {
  return role === 'org_admin';
}

/** Whether a nav entry is the current section (`/alarms/123` is under `/alarms`). */
export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
