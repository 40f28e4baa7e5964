import { type ScopeArg, scopeWhere } from '../access/index.js';
import type { Prisma, PrismaClient } from '../client.js';
import type { StringModuleType } from './site.repository.js';

export interface BmsStringDetail {
  id: string;
  name: string;
  /** Wire identity: (gatewayId, bus, bmsAddress). */
  gatewayId: string;
  bus: string;
  bmsAddress: number;
  mbmsGroupId: string | null;
  moduleType: StringModuleType;
  moduleCount: number | null;
  cellsPerModule: number | null;
  lastSampleAt: Date | null;
  site: { id: string; name: string; address: string | null; timezone: string };
}

/** BMS strings in a caller's scope; every method takes the scope and filters by it. */
export class BmsStringRepository {
  constructor(private readonly prisma: PrismaClient | Prisma.TransactionClient) {}

  async findDetail(scope: ScopeArg, stringId: string): Promise<BmsStringDetail | null> {
    return this.prisma.bmsString.findFirst({
      where: { AND: [{ id: stringId }, scopeWhere(scope)] },
      select: {
        id: true,
        name: true,
        gatewayId: true,
        bus: true,
        bmsAddress: true,
        mbmsGroupId: true,
        moduleType: true,
        moduleCount: true,
        cellsPerModule: true,
        lastSampleAt: true,
        site: { select: { id: true, name: true, address: true, timezone: true } },
      },
    });
  }
}
