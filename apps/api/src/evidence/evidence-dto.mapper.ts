import type { EvidencePackRow } from '@fleet/db';
import type { EvidencePackDto } from './evidence.dto.js';

export function evidencePackDto(p: EvidencePackRow): EvidencePackDto {
  const ready = p.status === 'ready';
  return {
    id: p.id,
    stringId: p.stringId,
    siteId: p.siteId,
    from: p.periodFrom.toISOString(),
    to: p.periodTo.toISOString(),
    requestedBy: p.requestedBy,
    status: p.status,
    progress: { step: p.progressStep, of: p.progressOf, message: p.progressMessage },
    error: p.error,
    createdAt: p.createdAt.toISOString(),
    finishedAt: p.finishedAt?.toISOString() ?? null,
    generatorVersion: p.generatorVersion,
    pdf: ready && p.pdfSha256 !== null ? { sha256: p.pdfSha256, bytes: p.pdfBytes ?? 0 } : null,
    zip: ready && p.zipSha256 !== null ? { sha256: p.zipSha256, bytes: p.zipBytes ?? 0 } : null,
  };
}
