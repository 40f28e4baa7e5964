// Response shapes of the fleet API, named for the pages that use them. Aliases of the types
// generated from the API's OpenAPI document (schema.gen.ts, `npm run openapi -w @fleet/api`);
// nothing here is written by hand.
import type { components } from './schema.gen';

type Schemas = components['schemas'];

export type User = Schemas['User'];
export type LoginResponse = Schemas['LoginResponse'];
export type StringSummary = Schemas['StringSummary'];
export type ModuleType = StringSummary['moduleType'];
export type SiteSummary = Schemas['SiteSummary'];
export type SiteList = Schemas['SiteList'];
export type StringDetail = Schemas['StringDetail'];
/** Same field names and integer units as the telemetry PackSample; null = not reported. */
export type LatestPackSample = Schemas['LatestPackSample'];
export type ApiErrorBody = Schemas['ErrorBody'];
export type Alarm = Schemas['Alarm'];
export type AlarmList = Schemas['AlarmList'];
export type AlarmDetail = Schemas['AlarmDetail'];
export type AlarmSeverity = Alarm['severity'];
export type AlarmStatus = Alarm['status'];
export type BulkAcknowledgeResult = Schemas['BulkAcknowledgeResult'];
export type BulkResolveResult = Schemas['BulkResolveResult'];
export type BulkAssignResult = Schemas['BulkAssignResult'];
export type Member = Schemas['Member'];
/** Early warnings of the fleet analysis (issue 10). */
export type Finding = Schemas['Finding'];
export type StringFindings = Schemas['StringFindings'];
