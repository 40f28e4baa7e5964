/** Injection token of the AlarmEngine (plain classes built by createAlarmEngine). */
export const ALARM_ENGINE = Symbol('ALARM_ENGINE');
