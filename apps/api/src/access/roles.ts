import type { UserRole } from '@fleet/db';

/**
 * The role groups routes are written against (docs/access.md has the full matrix). A route names
 * the roles that may call it; the caller's scope then decides which rows it sees.
 */
export const ALL_ROLES: readonly UserRole[] = ['org_admin', 'installer', 'technician', 'support', 'owner'];
/** Read anything in scope: every role (owners their sites, support desks their granted sites). */
export const READERS: readonly UserRole[] = ALL_ROLES;
/** Work alarms (acknowledge, assign, comment, resolve, close, snooze): everyone but owners. */
export const ALARM_HANDLERS: readonly UserRole[] = ['org_admin', 'installer', 'technician', 'support'];
/** Field work on the managing organisation's sites: gateways, maintenance windows, rule reads. */
export const FIELD_ROLES: readonly UserRole[] = ['org_admin', 'installer', 'technician'];
/** Configure the organisation's sites: alarm rules, notification channels, support grants, owners. */
export const SITE_MANAGERS: readonly UserRole[] = ['org_admin', 'installer'];
/** Manage the organisation itself: members, roles, API keys, the audit log. */
export const ORG_ADMINS: readonly UserRole[] = ['org_admin'];
