import { ALARM_HANDLERS, FIELD_ROLES, SITE_MANAGERS } from '../access/roles.js';
import type { AuthContext } from '../logging/api-request.js';
import type { AlarmAction } from './alarm-actions.js';

/**
 * Which roles may change alarms, rules and maintenance windows. The routes' `@Access` rules say
 * the same; this second check keeps a service method safe when it is called from elsewhere.
 */
export function mayActOnAlarms(
  auth: AuthContext,
  what: AlarmAction['kind'] | 'edit-rules' | 'edit-maintenance',
): boolean {
  const allowed =
    what === 'edit-rules' ? SITE_MANAGERS : what === 'edit-maintenance' ? FIELD_ROLES : ALARM_HANDLERS;
  return allowed.includes(auth.role);
}
