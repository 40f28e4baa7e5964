import type { ServerResponse } from 'node:http';
import type { EvidencePackRow } from '@fleet/db';
import type { AuditDraft } from '../audit/audit-draft.js';
import type { ApiRequest, AuthContext } from '../logging/api-request.js';

export type EvidenceFileKind = 'pdf' | 'zip';

/** A download's file name: the string id's first block, the period and the kind, e.g. `evidence-1a2b3c4d-2026-01-01-2026-12-31.zip`. */
export function downloadName(pack: EvidencePackRow, kind: EvidenceFileKind): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lastDay = new Date(pack.periodTo.getTime() - 1);
  return `evidence-${pack.stringId.slice(0, 8)}-${day(pack.periodFrom)}-${day(lastDay)}.${kind}`;
}

/** `Repr-Digest` (RFC 9530) of a hex SHA-256: `sha-256=:<base64>:`. */
export function reprDigest(sha256Hex: string): string {
  return `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`;
}

/**
 * The audit draft of one download, recorded when the response ends (its real status). Reads are
 * not audited by the middleware (only changes and support access are), but a pack download is
 * evidence leaving the system, so each one is. Filed against the string, whose owner the
 * recorder resolves; the action names the route and the file kind.
 */
export function downloadDraft(
  req: ApiRequest & { ip?: string },
  res: ServerResponse,
  auth: AuthContext,
  pack: EvidencePackRow,
  kind: EvidenceFileKind,
  at: Date,
): AuditDraft {
  const userAgent = req.headers['user-agent'];
  return {
    auth: {
      userId: auth.userId,
      tenantId: auth.tenantId,
      role: auth.role,
      orgKind: auth.orgKind,
      scope: auth.scope,
    },
    action: `GET /api/evidence-packs/{id}/${kind}`,
    verb: 'download',
    targetType: 'string',
    targetId: pack.stringId,
    siteHint: pack.siteId,
    status: res.statusCode,
    ip: req.ip ?? req.socket.remoteAddress ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
    requestId: req.id,
    at,
  };
}
