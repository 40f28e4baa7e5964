/** Lifecycle of an evidence pack (enum EvidencePackStatus). */
export type EvidencePackStatus = 'queued' | 'running' | 'ready' | 'failed';

/** One evidence_pack row as the API shows it. */
export interface EvidencePackRow {
  id: string;
  tenantId: string;
  siteId: string;
  stringId: string;
  periodFrom: Date;
  periodTo: Date;
  requestedBy: string;
  status: EvidencePackStatus;
  progressStep: number;
  progressOf: number;
  progressMessage: string | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  generatorVersion: string | null;
  pdfSha256: string | null;
  zipSha256: string | null;
  pdfBytes: number | null;
  zipBytes: number | null;
}

export interface NewEvidencePack {
  stringId: string;
  periodFrom: Date;
  periodTo: Date;
  requestedBy: string;
}

/** What the runner stores when a pack is done. */
export interface EvidencePackResult {
  generatorVersion: string;
  pdfSha256: string;
  zipSha256: string;
  pdfBytes: number;
  zipBytes: number;
}

/** The columns of EvidencePackRow, for every SELECT/RETURNING of this table. */
export const EVIDENCE_PACK_COLUMNS = `id, tenant_id AS "tenantId", site_id AS "siteId", string_id AS "stringId",
  period_from AS "periodFrom", period_to AS "periodTo", requested_by AS "requestedBy", status,
  progress_step AS "progressStep", progress_of AS "progressOf", progress_message AS "progressMessage",
  error, attempts, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt",
  generator_version AS "generatorVersion", pdf_sha256 AS "pdfSha256", zip_sha256 AS "zipSha256",
  pdf_bytes::float8 AS "pdfBytes", zip_bytes::float8 AS "zipBytes"`;
