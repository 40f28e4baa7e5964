import {
  type BmsEventRepository,
  type BmsModuleRepository,
  BmsStringRepository,
  type ConnectivityEventRepository,
  type DataGapRepository,
  type ScopeArg,
} from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';
import type { EventListQuery, EventPageDto, GapQuery, GapReportDto, ModuleListDto } from './history.dto.js';
import { CONNECTIVITY_READER, EVENT_READER, GAP_READER, MODULE_READER } from './history.tokens.js';

const DAY_MS = 86_400_000;
/** Longest range of one gap report, and the most rows of each list in it. */
const MAX_RANGE_DAYS = 366;
const MAX_ROWS = 1000;

/**
 * Modules, events and gaps of one string. Every read first finds the string in the caller's scope
 * (404 otherwise, the same for another organisation's string and a missing one); the tables
 * themselves sit under row-level security too.
 */
@Injectable()
export class HistoryService {
  constructor(
    @Inject(BmsStringRepository) private readonly strings: BmsStringRepository,
    @Inject(MODULE_READER) private readonly modules: BmsModuleRepository,
    @Inject(EVENT_READER) private readonly events: BmsEventRepository,
    @Inject(GAP_READER) private readonly gaps: DataGapRepository,
    @Inject(CONNECTIVITY_READER) private readonly connectivity: ConnectivityEventRepository,
  ) {}

  async modulesOf(scope: ScopeArg, stringId: string): Promise<ModuleListDto> {
    await this.visible(scope, stringId);
    const rows = await this.modules.list(stringId);
    return {
      items: rows.map((m) => ({
        ...m,
        firstSeenAt: m.firstSeenAt.toISOString(),
        lastSeenAt: m.lastSeenAt.toISOString(),
        removedAt: m.removedAt?.toISOString() ?? null,
      })),
    };
  }

  async eventsOf(scope: ScopeArg, stringId: string, q: EventListQuery): Promise<EventPageDto> {
    const before = q.cursor === undefined ? undefined : decodeEventCursor(q.cursor);
    if (q.cursor !== undefined && before === undefined) {
      throw new AppError('VALIDATION_FAILED', 'cursor is not one this API issued');
    }
    await this.visible(scope, stringId);
    const rows = await this.events.page({
      stringId,
      limit: q.limit + 1,
      ...(q.kind ? { kinds: q.kind } : {}),
      ...(before ? { before } : {}),
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((e) => ({
        ts: e.ts.toISOString(),
        kind: e.kind,
        gatewayId: e.gatewayId,
        stringId: e.stringId,
        body: e.body,
      })),
      nextCursor: rows.length > q.limit && last ? encodeEventCursor(last) : null,
    };
  }

  async gapsOf(scope: ScopeArg, stringId: string, q: GapQuery, now = Date.now()): Promise<GapReportDto> {
    const to = q.to ? new Date(q.to) : new Date(now);
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      throw new AppError('VALIDATION_FAILED', `from must be before to, at most ${MAX_RANGE_DAYS} days apart`);
    }
    await this.visible(scope, stringId);
    const [gaps, changes] = await Promise.all([
      this.gaps.list(stringId, from, to, MAX_ROWS),
      this.connectivity.listForString(stringId, from, to, MAX_ROWS),
    ]);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      gaps: gaps.map((g) => ({
        gapStart: g.gapStart.toISOString(),
        gapEnd: g.gapEnd.toISOString(),
        durationS: (g.gapEnd.getTime() - g.gapStart.getTime()) / 1000,
        detectedAt: g.detectedAt.toISOString(),
      })),
      connectivity: changes.map((c) => ({
        ts: c.ts.toISOString(),
        kind: c.kind,
        scope: c.stringId === null ? ('gateway' as const) : ('string' as const),
        reason: c.reason,
      })),
    };
  }

  private async visible(scope: ScopeArg, stringId: string): Promise<void> {
    if (!(await this.strings.findDetail(scope, stringId))) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
  }
}
