import { type AlarmLanguage, catalogueFor } from '@fleet/alarms';
import { AlarmReadRepository, AlarmStore } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import { type AlarmAction, planAlarmAction } from './alarm-actions.js';
import { decodeCursor, encodeCursor, type People, toAlarmDto, toPeople } from './alarm-dto.mapper.js';
import { AlarmEventsPublisher } from './alarm-events.publisher.js';
import { withLocalizedTitle } from './alarm-language.js';
import { mayActOnAlarms } from './alarm-permissions.js';
import type {
  AlarmDetailDto,
  AlarmDto,
  AlarmListDto,
  AlarmListQuery,
  BulkAcknowledgeResultDto,
} from './alarms.dto.js';

const notFound = (id: string) => new AppError('NOT_FOUND', `alarm ${id} not found`);

/** The alarm inbox: reads, and lifecycle transitions written with their audit row and event. */
@Injectable()
export class AlarmsService {
  constructor(
    @Inject(AlarmReadRepository) private readonly reads: AlarmReadRepository,
    @Inject(AlarmStore) private readonly store: AlarmStore,
    @Inject(AlarmEventsPublisher) private readonly publisher: AlarmEventsPublisher,
  ) {}

  /** Names for the ids on these alarms, resolved within the scope (never for an id the caller cannot see acting). */
  private async peopleOf(auth: AuthContext, alarmIds: string[], withHistory: boolean): Promise<People> {
    return toPeople(await this.reads.people(auth.scope, alarmIds, withHistory), auth.tenantId);
  }

  async list(auth: AuthContext, q: AlarmListQuery, lang: AlarmLanguage = 'en'): Promise<AlarmListDto> {
    const scope = auth.scope;
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (q.cursor !== undefined && after === undefined) {
      throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned');
    }
    const rows = await this.reads.list(scope, {
      ...(q.status ? { statuses: q.status } : {}),
      ...(q.severity ? { severities: q.severity } : {}),
      ...(q.site ? { siteId: q.site } : {}),
      ...(q.string ? { stringId: q.string } : {}),
      ...(after ? { after } : {}),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const people = await this.peopleOf(
      auth,
      page.map((a) => a.id),
      false,
    );
    return {
      items: page.map((a) => withLocalizedTitle(toAlarmDto(a, people), lang)),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  }

  async detail(auth: AuthContext, id: string, lang: AlarmLanguage = 'en'): Promise<AlarmDetailDto> {
    const scope = auth.scope;
    const alarm = await this.reads.find(scope, id);
    if (!alarm) {
      throw notFound(id);
    }
    const transitions = await this.reads.transitions(scope, id);
    const people = await this.peopleOf(auth, [id], true);
    const entry = catalogueFor(lang).byCode.get(alarm.code);
    return {
      ...withLocalizedTitle(toAlarmDto(alarm, people), lang),
      transitions: transitions.map((t) => ({
        seq: t.seq,
        transition: t.transition,
        actor: t.actor,
        actorPerson: people.get(t.actor) ?? null,
        at: t.at.toISOString(),
        detail: t.detail,
        notify: t.notify,
      })),
      catalogue: entry
        ? {
            kind: entry.kind,
            meaning: entry.meaning,
            causes: [...entry.causes],
            firstSteps: [...entry.firstSteps],
            confidence: entry.confidence,
            reference: entry.reference,
          }
        : null,
      people: [...people.values()],
    };
  }

  async act(auth: AuthContext, id: string, action: AlarmAction): Promise<AlarmDto> {
    if (!mayActOnAlarms(auth, action.kind)) {
      throw new AppError('FORBIDDEN', `your role may not ${action.kind} alarms`);
    }
    if (action.kind === 'assign' && action.userId !== null) {
      if (!(await this.reads.userInTenant(auth.tenantId, action.userId))) {
        throw new AppError('VALIDATION_FAILED', `userId: no user ${action.userId} in your organisation`);
      }
    }
    const result = await this.store.transaction(async (tx) => {
      const alarm = await tx.lockAlarm(auth.scope, id);
      if (!alarm) {
        throw notFound(id);
      }
      const plan = planAlarmAction(alarm, action, auth.userId, new Date());
      if ('refused' in plan) {
        throw new AppError('CONFLICT', plan.refused);
      }
      const { transition, patch, detail, notify } = plan;
      return (
        await tx.transition(alarm, patch, { transition, actor: auth.userId, at: new Date(), detail, notify })
      ).alarm;
    });
    await this.publisher.flush();
    return toAlarmDto(result, await this.peopleOf(auth, [result.id], false));
  }

  /** Acknowledges each alarm in its own transaction; the ones that cannot be are listed, not fatal. */
  async acknowledgeMany(auth: AuthContext, ids: string[]): Promise<BulkAcknowledgeResultDto> {
    if (!mayActOnAlarms(auth, 'bulk-acknowledge')) {
      throw new AppError('FORBIDDEN', 'your role may not acknowledge alarms');
    }
    const out: BulkAcknowledgeResultDto = { acknowledged: [], refused: [] };
    for (const id of new Set(ids)) {
      try {
        await this.act(auth, id, { kind: 'acknowledge' });
        out.acknowledged.push(id);
      } catch (error) {
        if (!(error instanceof AppError)) {
          throw error;
        }
        out.refused.push({ id, reason: error.message });
      }
    }
    return out;
  }
}
