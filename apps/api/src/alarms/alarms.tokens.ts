/** Injection tokens of the alarm module's own clients. */
export const ALARM_POOL = Symbol('ALARM_POOL');
