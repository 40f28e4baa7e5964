import type { PrismaClient } from '../client.js';

export interface ApiKeyRow {
  id: string;
  name: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const select = {
  id: true,
  name: true,
  scopes: true,
  createdBy: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** An organisation's API keys, for its admins (org-level data, filtered by the caller's tenant id). */
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(key: {
    id: string;
    tenantId: string;
    name: string;
    scopes: string[];
    secretHash: string;
    createdBy: string;
  }): Promise<ApiKeyRow> {
    return this.prisma.apiKey.create({ data: key, select });
  }

  /** Every key, revoked ones included (they show when they stopped), newest first. */
  async list(tenantId: string): Promise<ApiKeyRow[]> {
    return this.prisma.apiKey.findMany({
      where: { tenantId },
      select,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  }

  /** false when there is no such key of the organisation or it was revoked already. */
  async revoke(tenantId: string, id: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.apiKey.updateMany({
      where: { id, tenantId, revokedAt: null },
      data: { revokedAt: at },
    });
    return count === 1;
  }
}
