import { type AlarmLanguage, catalogueFor } from '@fleet/alarms';
import { AlarmReadRepository, type AlarmRow, AlarmStore } from '@fleet/db';
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
  BulkAssignResultDto,
  BulkResolveResultDto,
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
    await this.mayApply(auth, action);
    const result = await this.apply(auth, id, action);
    return toAlarmDto(result, await this.peopleOf(auth, [result.id], false));
  }

  /** Whether the caller may do this action at all (role; for assign, a user of the organisation). */
  private async mayApply(auth: AuthContext, action: AlarmAction): Promise<void> {
    if (!mayActOnAlarms(auth, action.kind)) {
      throw new AppError('FORBIDDEN', `your role may not ${action.kind} alarms`);
    }
    if (action.kind === 'assign' && action.userId !== null) {
      if (!(await this.reads.userInTenant(auth.tenantId, action.userId))) {
        throw new AppError('VALIDATION_FAILED', `userId: no user ${action.userId} in your organisation`);
      }
    }
  }

  /** One transition with its audit row and outbox event, published before this returns. */
  private async apply(auth: AuthContext, id: string, action: AlarmAction): Promise<AlarmRow> {
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
    return result;
  }

  /**
   * The single-alarm path for each id, each in its own transaction. Whether the caller may do
   * the action is checked once (a refusal there fails the call); an alarm that cannot take it
   * (not found in the scope, wrong status) is listed with the reason and the rest go on.
   */
  private async applyEach(
    auth: AuthContext,
    ids: string[],
    action: AlarmAction,
  ): Promise<{ done: string[]; refused: { id: string; reason: string }[] }> {
    await this.mayApply(auth, action);
    const out: { done: string[]; refused: { id: string; reason: string }[] } = { done: [], refused: [] };
    for (const id of new Set(ids)) {
      try {
        await this.apply(auth, id, action);
        out.done.push(id);
      } catch (error) {
        if (!(error instanceof AppError)) {
          throw error;
        }
        out.refused.push({ id, reason: error.message });
      }
    }
    return out;
  }

  /** Resolves each open or acknowledged alarm; the others are listed with the reason. */
  async resolveMany(auth: AuthContext, ids: string[], note?: string): Promise<BulkResolveResultDto> {
    const { done, refused } = await this.applyEach(auth, ids, {
      kind: 'resolve',
      ...(note === undefined ? {} : { note }),
    });
    return { resolved: done, refused };
  }

  /** Assigns (or with null unassigns) each alarm that is not closed; the others are listed with the reason. */
  async assignMany(auth: AuthContext, ids: string[], userId: string | null): Promise<BulkAssignResultDto> {
    const { done, refused } = await this.applyEach(auth, ids, { kind: 'assign', userId });
    return { assigned: done, refused };
  }

  /** Acknowledges each open alarm; the others are listed with the reason. */
  async acknowledgeMany(auth: AuthContext, ids: string[]): Promise<BulkAcknowledgeResultDto> {
    const { done, refused } = await this.applyEach(auth, ids, { kind: 'acknowledge' });
    return { acknowledged: done, refused };
  }
}
