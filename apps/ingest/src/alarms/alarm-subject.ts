/** What an alarm is about: a string or a gateway, with its tenancy. */
export interface AlarmSubject {
  /** `string:<id>` or `gateway:<id>` (@fleet/db stringSubject / gatewaySubject). */
  key: string;
  tenantId: string;
  siteId: string;
  stringId: string | null;
  gatewayId: string | null;
}
