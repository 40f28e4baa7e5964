/** The string an evidence pack is about, with its place (identity.csv, the PDF's first section). */
export interface EvidenceIdentity {
  stringId: string;
  stringName: string;
  siteId: string;
  siteName: string;
  siteAddress: string | null;
  timezone: string;
  gatewayId: string;
  bus: string;
  bmsAddress: number;
  moduleType: 'H48050' | 'H48074' | 'OTHER';
  moduleCount: number | null;
  cellsPerModule: number | null;
  createdAt: Date;
  firstSampleAt: Date | null;
  modules: Array<{
    position: number;
    moduleType: string;
    serial: string | null;
    firstSeenAt: Date;
    lastSeenAt: Date;
    removedAt: Date | null;
  }>;
}

/** One day of string_rollup_1d. */
export interface EvidenceDay {
  day: Date;
  samples: number;
  coveredS: number;
  sohMinPct: number | null;
  sohLastPct: number | null;
  energyInWh: number;
  energyOutWh: number;
  cellTempMinDc: number | null;
  cellTempMaxDc: number | null;
  cellMinMvMin: number | null;
  cellMaxMvMax: number | null;
  protectionBitsAny: number | null;
  alarmBitsAny: number | null;
}

/** One alarm transition with its alarm (alarms.csv: one row per transition). */
export interface EvidenceAlarmTransition {
  alarmId: string;
  code: string;
  title: string;
  severity: string;
  status: string;
  firstFiredAt: Date;
  seq: number;
  transition: string;
  actor: string;
  at: Date;
  detail: unknown;
}

export interface EvidenceEvent {
  ts: Date;
  kind: string;
  gatewayId: string;
  msgId: string;
  idx: number;
  body: unknown;
}

export interface EvidenceGap {
  gapStart: Date;
  gapEnd: Date;
}
