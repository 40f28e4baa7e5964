/** AuditRepository on the system pool: the recorder writes for every organisation. */
export const AUDIT_WRITER = Symbol('AUDIT_WRITER');
/** AuditRepository on the scoped pool: GET /api/audit reads under row-level security. */
export const AUDIT_READER = Symbol('AUDIT_READER');
