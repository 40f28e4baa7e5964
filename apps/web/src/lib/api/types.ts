// Response shapes of the fleet API (apps/api, served at /api/docs-json). Hand-written for now;
// see README "API types" for replacing them with types generated from the OpenAPI document.
import type { PackState } from '@fleet/telemetry';

export type ModuleType = 'H48050' | 'H48074' | 'OTHER';

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  tenantId: string;
}

export interface LoginResponse {
  token: string;
  user: User;
}

export interface StringSummary {
  id: string;
  name: string;
  bmsAddress: number;
  moduleType: ModuleType;
  moduleCount: number | null;
  lastSampleAt: string | null;
}

export interface SiteSummary {
  id: string;
  name: string;
  address: string | null;
  strings: StringSummary[];
  gatewayIds: string[];
}

export interface StringDetail {
  id: string;
  name: string;
  gatewayId: string;
  bus: string;
  bmsAddress: number;
  mbmsGroupId: string | null;
  moduleType: ModuleType;
  moduleCount: number | null;
  cellsPerModule: number | null;
  lastSampleAt: string | null;
  site: { id: string; name: string; address: string | null; timezone: string };
}

/** Same field names and integer units as the telemetry PackSample; null = not reported. */
export interface LatestPackSample {
  stringId: string;
  ts: string;
  packVoltageDv: number;
  packCurrentDa: number;
  bmsTempDc: number;
  socPct: number;
  sohPct: number;
  chargeCutoffDv: number | null;
  dischargeCutoffDv: number | null;
  chargeLimitDa: number | null;
  dischargeLimitDa: number | null;
  cellMaxMv: number | null;
  cellMinMv: number | null;
  cellMaxNo: number | null;
  cellMinNo: number | null;
  cellTempMaxDc: number | null;
  cellTempMinDc: number | null;
  cellTempMaxNo: number | null;
  cellTempMinNo: number | null;
  state: PackState | null;
  alarmBits: number | null;
  protectionBits: number | null;
  errorBits: number | null;
  chargeForbidden: boolean | null;
  dischargeForbidden: boolean | null;
}

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
}
