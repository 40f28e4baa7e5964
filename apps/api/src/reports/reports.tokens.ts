/** The weekly report repository (system pool: the runner serves no request). */
export const FLEET_REPORT_REPO = Symbol('FLEET_REPORT_REPO');
