import type { AuthContext } from '../logging/api-request.js';
import type { AlarmAction } from './alarm-actions.js';

/**
 * The roles seam (issue 8): every alarm write asks here first. For now any member of the tenant
 * may do everything (the existing auth); issue 8 maps roles (owner: read only, technician:
 * acknowledge/comment, org_admin: rules and maintenance …) in this one function.
 */
export function mayActOnAlarms(
  _auth: AuthContext,
  _what: AlarmAction['kind'] | 'bulk-acknowledge' | 'edit-rules' | 'edit-maintenance',
): boolean {
  return true;
}
