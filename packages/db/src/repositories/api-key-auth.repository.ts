import type { PrismaClient } from '../client.js';
import type { OrgKind } from '../generated/prisma/enums.js';

/** What the guard needs to authenticate a presented key. */
export interface ApiKeyCredentials {
  id: string;
  tenantId: string;
  orgKind: OrgKind;
  scopes: string[];
  secretHash: string;
}

/** Usage is recorded at most this often per key, so a busy integration does not write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves an API key on every request that presents one (system connection: the caller's scope
 * is what this lookup establishes). Revoked keys are not returned, so a revoke counts at once.
 */
export class ApiKeyAuthRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findActive(id: string): Promise<ApiKeyCredentials | null> {
    const key = await this.prisma.apiKey.findFirst({
      where: { id, revokedAt: null },
      select: {
        id: true,
        tenantId: true,
        scopes: true,
        secretHash: true,
        tenant: { select: { kind: true } },
      },
    });
    return key
      ? {
          id: key.id,
          tenantId: key.tenantId,
          orgKind: key.tenant.kind,
          scopes: key.scopes,
          secretHash: key.secretHash,
        }
      : null;
  }

  /** Sets last_used_at to `now` unless it was set within the last minute. */
  async touch(id: string, now: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({
      where: {
        id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
}
